// Lambda's errors, in AWS's words, built from the resource they are about.

import { ServiceError } from '../../protocols/errors.js';

export function functionNotFound(functionArn: string): ServiceError {
  return new ServiceError('ResourceNotFoundException', `Function not found: ${functionArn}`, 404);
}

export function functionExists(name: string): ServiceError {
  return new ServiceError('ResourceConflictException', `Function already exist: ${name}`, 409);
}

export function invalidParameter(message: string): ServiceError {
  return new ServiceError('InvalidParameterValueException', message, 400);
}

export function roleCannotBeAssumed(): ServiceError {
  return invalidParameter('The role defined for the function cannot be assumed by Lambda.');
}

export function unsupportedRuntime(runtime: string, valid: readonly string[]): ServiceError {
  return invalidParameter(`Value ${runtime} at 'runtime' failed to satisfy constraint: Member must satisfy enum value set: [${valid.join(', ')}] or be a valid ARN`);
}

export function deprecatedRuntime(runtime: string, recommended: string): ServiceError {
  return invalidParameter(
    `The runtime parameter of ${runtime} is no longer supported for creating or updating AWS Lambda functions. We recommend you use the new runtime (${recommended}) while creating or updating functions.`,
  );
}

export function reservedEnvironmentKeys(keys: string[]): ServiceError {
  return invalidParameter(
    `Lambda was unable to configure your environment variables because the environment variables you have provided contains reserved keys that are currently not supported for modification. Reserved keys used in this request: ${keys.join(', ')}`,
  );
}

export function environmentTooLarge(size: number): ServiceError {
  return invalidParameter(`Lambda was unable to configure your environment variables because the environment variables you have provided exceeded the 4KB limit. String measured: ${size}`);
}

export function cannotUnzip(): ServiceError {
  return invalidParameter('Could not unzip uploaded file. Please check your file, then try to upload again.');
}

export function unzippedTooLarge(limit: number): ServiceError {
  return invalidParameter(`Unzipped size must be smaller than ${limit} bytes`);
}

export function requestTooLarge(limit: number, operation: string): ServiceError {
  return new ServiceError('RequestEntityTooLargeException', `Request must be smaller than ${limit} bytes for the ${operation} operation`, 413);
}

export function invokePayloadTooLarge(limit: number, operation: string): ServiceError {
  return new ServiceError('RequestTooLargeException', `Request must be smaller than ${limit} bytes for the ${operation} operation`, 413);
}

export function invalidRequestContent(detail: string): ServiceError {
  return new ServiceError('InvalidRequestContentException', `Could not parse request body into json: Could not parse payload into json: ${detail}`, 400);
}

export function notActive(state: string): ServiceError {
  return new ServiceError('ResourceConflictException', `The operation cannot be performed at this time. The function is currently in the following state: ${state}`, 409);
}

export function updateInProgress(functionArn: string): ServiceError {
  return new ServiceError('ResourceConflictException', `The operation cannot be performed at this time. An update is in progress for resource: ${functionArn}`, 409);
}

export function revisionMismatch(): ServiceError {
  return new ServiceError('PreconditionFailedException', 'The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id', 412);
}

export function noPolicy(): ServiceError {
  return new ServiceError('ResourceNotFoundException', 'No policy is associated with the given resource.', 404);
}

export function statementExists(): ServiceError {
  return new ServiceError('ResourceConflictException', 'The statement id (sid) provided already exists. Please choose a new statement id, or remove the existing statement.', 409);
}

export function statementNotFound(sid: string): ServiceError {
  return new ServiceError('ResourceNotFoundException', `Statement ${sid} is not found in resource policy.`, 404);
}

export function versionNotFound(functionArn: string, qualifier: string): ServiceError {
  return functionNotFound(`${functionArn}:${qualifier}`);
}

export function codeObjectMissing(s3Code: 'NoSuchKey' | 'NoSuchBucket'): ServiceError {
  const detail = s3Code === 'NoSuchKey' ? 'The specified key does not exist.' : 'The specified bucket does not exist';
  return invalidParameter(`Error occurred while GetObject. S3 Error Code: ${s3Code}. S3 Error Message: ${detail}`);
}

export function missingRuntimeOrHandler(): ServiceError {
  return invalidParameter('Runtime and Handler are mandatory parameters for functions created with deployment packages.');
}

export function missingCode(): ServiceError {
  return invalidParameter('Please provide a source for function code.');
}

/** More invocations at once than the account's concurrency quota allows (Reason as Lambda's model names it). */
export function concurrencyLimitExceeded(): ServiceError {
  return new ServiceError('TooManyRequestsException', 'Rate Exceeded.', 429, { Reason: 'ConcurrentInvocationLimitExceeded' });
}

/** The code bucket is not readable by the caller: another account's, whatever the key. */
export function codeObjectAccessDenied(bucket: string, key: string): ServiceError {
  return new ServiceError(
    'AccessDeniedException',
    `Your access has been denied by S3, please make sure your request credentials have permission to GetObject for ${bucket}/${key}. S3 Error Code: AccessDenied. S3 Error Message: Access Denied`,
    403,
  );
}
