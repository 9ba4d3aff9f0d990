// DynamoDB's errors: the ones dynalite reports (already in AWS's words) mapped onto ServiceError, and
// the few the sandbox adds around it, built from the resource they are about.

import { ServiceError } from '../../protocols/errors.js';

const DYNAMODB = 'com.amazonaws.dynamodb.v20120810';
const CORAL = 'com.amazon.coral.service';
const VALIDATE = 'com.amazon.coral.validate';

/**
 * DynamoDB names error types with their namespace on the wire (`com.amazonaws.dynamodb.v20120810#...`);
 * the code stays short for our own checks and the qualified `__type` travels as a wire field.
 */
function dynamoError(namespace: string, code: string, message: string, status = 400): ServiceError {
  return new ServiceError(code, message, status, { __type: `${namespace}#${code}` });
}

/** A dynalite error body (already AWS's namespaced type and words) as a ServiceError. */
export function dynaliteError(body: { __type: string; message?: string; Message?: string }, status: number): ServiceError {
  const hash = body.__type.lastIndexOf('#');
  return dynamoError(body.__type.slice(0, hash), body.__type.slice(hash + 1), body.message ?? body.Message ?? '', status);
}

export function tableAlreadyExists(tableName: string): ServiceError {
  return dynamoError(DYNAMODB, 'ResourceInUseException', `Table already exists: ${tableName}`);
}

export function resourceArnNotFound(arn: string): ServiceError {
  return dynamoError(DYNAMODB, 'ResourceNotFoundException', `Requested resource not found: ResourcArn: ${arn} not found`);
}

/** Another account's table: without a resource-based policy, AWS refuses. */
export function notAuthorized(principalArn: string, action: string, arn: string): ServiceError {
  return dynamoError(
    CORAL,
    'AccessDeniedException',
    `User: ${principalArn} is not authorized to perform: dynamodb:${action} on resource: ${arn} because no resource-based policy allows the dynamodb:${action} action`,
  );
}

/** A value nested past 32 levels (AWS's words, which do not name the attribute). */
export function nestingTooDeep(): ServiceError {
  return dynamoError(VALIDATE, 'ValidationException', 'Nesting Levels have exceeded supported limits: Attributes in the item have nested levels beyond supported limit');
}
