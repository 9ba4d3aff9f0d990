// Event source mapping errors, in AWS's words, built from the resources they are about.

import { ServiceError } from '../../../protocols/errors.js';
import { invalidParameter } from '../errors.js';

export function mappingNotFound(): ServiceError {
  return new ServiceError('ResourceNotFoundException', 'The resource you requested does not exist.', 404);
}

export function streamNotFound(streamArn: string): ServiceError {
  return invalidParameter(`Stream not found: ${streamArn}`);
}

export function cannotAccessStream(streamArn: string): ServiceError {
  return invalidParameter(
    `Cannot access stream ${streamArn}. Please ensure the role can perform the GetRecords, GetShardIterator, DescribeStream, ListShards, and ListStreams Actions on your stream in IAM.`,
  );
}

export function mappingExists(streamArn: string, functionName: string, uuid: string): ServiceError {
  return new ServiceError(
    'ResourceConflictException',
    `The event source arn (" ${streamArn} ") and function (" ${functionName} ") provided mapping already exists. Please update or delete the existing mapping with UUID ${uuid}`,
    409,
  );
}

export function unrecognizedEventSource(): ServiceError {
  return invalidParameter('Unrecognized event source.');
}

export function startingPositionMissing(): ServiceError {
  return invalidParameter("1 validation error detected: Value null at 'startingPosition' failed to satisfy constraint: Member must not be null.");
}

export function timestampWithoutAtTimestamp(): ServiceError {
  return invalidParameter('Timestamp only valid with StartingPosition AT_TIMESTAMP');
}

export function timestampMissing(): ServiceError {
  return invalidParameter('StartingPositionTimestamp must be provided when StartingPosition is AT_TIMESTAMP.');
}

export function mappingInUse(uuid: string, state: string): ServiceError {
  return new ServiceError('ResourceInUseException', `Cannot update the event source mapping ${uuid} because it is in use. Current state: ${state}.`, 400);
}

export function unsupportedOnSuccess(): ServiceError {
  return invalidParameter('Unsupported DestinationConfig parameter for given event source mapping type.');
}
