// CloudWatch Logs' errors with AWS's exact texts.

import { ServiceError } from '../../protocols/errors.js';

export const groupNotFound = () => new ServiceError('ResourceNotFoundException', 'The specified log group does not exist.', 400);
export const streamNotFound = () => new ServiceError('ResourceNotFoundException', 'The specified log stream does not exist.', 400);
export const groupExists = () => new ServiceError('ResourceAlreadyExistsException', 'The specified log group already exists', 400);
export const streamExists = () => new ServiceError('ResourceAlreadyExistsException', 'The specified log stream already exists', 400);

const invalid = (message: string) => new ServiceError('InvalidParameterException', message, 400);

export const notChronological = () => invalid('Log events in a single PutLogEvents request must be in chronological order.');
export const spansTooLong = () => invalid('The batch of log events in a single PutLogEvents request cannot span more than 24 hours.');
export const uploadTooLarge = (bytes: number, limit: number) => invalid(`Upload too large: ${bytes} bytes exceeds limit of ${limit}`);
export const invalidToken = () => invalid('The specified nextToken is invalid.');
export const nameAndIdentifier = () => invalid('LogGroup name and LogGroup ARN are mutually exclusive parameters.');
export const groupRequired = () => invalid('Should provide either logGroupName or logGroupIdentifier.');
export const prefixAndPattern = () => invalid('LogGroup name prefix and LogGroup name pattern are mutually exclusive parameters.');
export const orderByWithPrefix = () => invalid('Cannot order by LastEventTime with a logStreamNamePrefix.');
export const namesAndPrefix = () => invalid('logStreamNames and logStreamNamePrefix are mutually exclusive parameters.');
export const unsupportedPattern = (kind: string) => invalid(`${kind} filter patterns are not supported by the sandbox; use terms, "quoted phrases", ?optional and -excluded terms.`);
export const invalidPattern = (pattern: string) => invalid(`Invalid filter pattern: ${pattern}`);
export const invalidArn = (arn: string) => invalid(`Invalid resource ARN: ${arn}`);

export const invalidRetention = (days: number, allowed: readonly number[]) =>
  invalid(`1 validation error detected: Value '${days}' at 'retentionInDays' failed to satisfy constraint: Member must satisfy enum value set: [${allowed.join(', ')}]`);
