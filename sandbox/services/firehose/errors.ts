// Firehose's errors, built from the resource they are about, in AWS's words.

import { ServiceError } from '../../protocols/errors.js';

export const streamNotFound = (name: string, accountId: string) =>
  new ServiceError('ResourceNotFoundException', `Firehose ${name} under account ${accountId} not found.`);

export const streamExists = (name: string, accountId: string) =>
  new ServiceError('ResourceInUseException', `Firehose ${name} under account ${accountId} already exists.`);

export const streamNotActive = (name: string, status: string) =>
  new ServiceError('ResourceInUseException', `Firehose ${name} is not in the ACTIVE state; its status is ${status}.`);

export const invalidArgument = (message: string) => new ServiceError('InvalidArgumentException', message);

export const notForKinesisSource = () =>
  invalidArgument('This operation is not permitted on KinesisStreamAsSource delivery stream type.');

export const versionMismatch = (name: string, current: number, given: string) =>
  new ServiceError(
    'ConcurrentModificationException',
    `Cannot update firehose: ${name} since the current version id: ${current} and the specified version id: ${given} do not match`,
  );

export const destinationNotFound = (name: string, destinationId: string) =>
  invalidArgument(`Destination Id ${destinationId} for firehose ${name} does not exist.`);

export const tooManyTags = (name: string, limit: number) =>
  new ServiceError('LimitExceededException', `Firehose ${name} cannot have more than ${limit} tags.`);

export const batchTooLarge = (limitBytes: number) =>
  invalidArgument(`Records size exceeds ${limitBytes / (1024 * 1024)} MiB limit.`);

export const kinesisStreamNotFound = (arn: string) => invalidArgument(`Kinesis stream ${arn} does not exist or is not ACTIVE.`);

/** Features of the real service the sandbox does not emulate: refused clearly rather than silently ignored. */
export const notEmulated = (what: string) => invalidArgument(`The sandbox does not emulate ${what}.`);
