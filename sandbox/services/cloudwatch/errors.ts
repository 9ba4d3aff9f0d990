// CloudWatch's errors, with the codes and texts its query API has always used (the JSON and CBOR
// protocols carry the same codes). Parameter names are given in query form: MetricData.member.1.Value.

import { ServiceError } from '../../protocols/errors.js';

export const missingParameter = (param: string) => new ServiceError('MissingParameter', `The parameter ${param} is required.`, 400);

export const invalidValue = (param: string, value: string) =>
  new ServiceError('InvalidParameterValue', `The value ${value} for parameter ${param} is invalid.`, 400);

export const collectionTooLarge = (param: string, max: number) =>
  new ServiceError('InvalidParameterValue', `The collection ${param} must not have a size greater than ${max}.`, 400);

export const periodNotMultiple = (param: string) => new ServiceError('InvalidParameterValue', `The parameter ${param} must be a multiple of 60.`, 400);

export const startNotBeforeEnd = () => new ServiceError('InvalidParameterValue', 'The parameter StartTime must be less than the parameter EndTime.', 400);

export const timestampTooOld = (param: string) =>
  new ServiceError('InvalidParameterValue', `The parameter ${param} must specify a time within the past two weeks.`, 400);

export const timestampTooNew = (param: string) =>
  new ServiceError('InvalidParameterValue', `The parameter ${param} must specify a time no more than two hours in the future.`, 400);

export const sizesDiffer = (a: string, b: string) => new ServiceError('InvalidParameterValue', `The parameters ${a} and ${b} must be of the same size.`, 400);

export const mutuallyExclusive = (a: string, b: string) =>
  new ServiceError('InvalidParameterCombination', `The parameters ${a} and ${b} are mutually exclusive and you have specified both.`, 400);

export const valueRequired = (datum: string) =>
  new ServiceError('InvalidParameterCombination', `At least one of the parameters ${datum}.Value, ${datum}.StatisticValues or ${datum}.Values must be specified.`, 400);

export const statisticsChoice = () => new ServiceError('InvalidParameterCombination', 'Must specify either Statistics or ExtendedStatistics, but not both.', 400);

export const tooManyDatapoints = (requested: number) =>
  new ServiceError(
    'InvalidParameterCombination',
    `You have requested up to ${requested.toLocaleString('en-US')} datapoints, which exceeds the limit of 1,440. ` +
      'You may reduce the datapoints requested by increasing Period, or decreasing the time range.',
    400,
  );

export const extendedStatisticsUnsupported = () =>
  new ServiceError('InvalidParameterValue', 'ExtendedStatistics (percentiles) are not supported by the sandbox; use Statistics.', 400);

export const duplicateId = (id: string) => new ServiceError('ValidationError', `The value ${id} for parameter MetricDataQueries.member.Id is duplicated.`, 400);

export const invalidNextToken = () => new ServiceError('InvalidNextToken', 'The service returned an invalid NextToken.', 400);
