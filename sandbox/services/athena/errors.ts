// Athena's API errors in its words, built from what they are about. Athena answers a bad request, a missing
// workgroup, query or named query alike with InvalidRequestException; only tagging names a missing resource
// with ResourceNotFoundException.

import { ServiceError } from '../../protocols/errors.js';

export const invalidRequest = (message: string, code?: string) =>
  new ServiceError('InvalidRequestException', message, 400, code ? { AthenaErrorCode: code } : {});

export const workGroupNotFound = (name: string) => invalidRequest(`WorkGroup ${name} is not found.`);

/** StartQueryExecution, ListQueryExecutions and the named-query operations do not name the workgroup. */
export const workGroupNotFoundUnnamed = () => invalidRequest('WorkGroup is not found.');

export const workGroupExists = () => invalidRequest('WorkGroup is already created');

export const primaryNotCreatable = () => invalidRequest('primary workGroup could not be created');

export const primaryNotDeletable = () => invalidRequest('primary workGroup could not be deleted');

export const workGroupNotEmpty = (name: string) =>
  invalidRequest(`WorkGroup ${name} is not empty. Use RecursiveDeleteOption to delete the workgroup with its named queries and query executions.`);

export const workGroupDisabled = (name: string) => invalidRequest(`WorkGroup ${name} is disabled.`);

export const noOutputLocation = () =>
  invalidRequest('No output location provided. An output location is required either through the Workgroup result configuration setting or as an API input.');

export const queryNotFound = (id: string) => invalidRequest(`QueryExecution ${id} was not found`);

export const namedQueryNotFound = (id: string) => invalidRequest(`NamedQuery ${id} was not found`);

export const idempotencyMismatch = () => invalidRequest('Idempotent parameters do not match', 'INVALID_INPUT');

export const queryNotFinished = (state: string) => invalidRequest(`Query has not yet finished. Current state: ${state}`);

export const queryCancelled = () => invalidRequest('Query cancelled by user');

export const invalidToken = () => invalidRequest('The nextToken is invalid or has expired.');

export const resourceNotFound = (arn: string) => new ServiceError('ResourceNotFoundException', `Resource ${arn} is not found.`, 400, { ResourceName: arn });

export const invalidArn = (arn: string) => invalidRequest(`Invalid resource ARN: ${arn}`);

export const tooManyTags = () => invalidRequest('Tags exceed the maximum of 50 per resource.');

/** Features of the real service the sandbox does not emulate: refused clearly rather than silently ignored. */
export const notEmulated = (what: string) => invalidRequest(`The sandbox does not emulate ${what}.`);
