// IAM's errors with AWS's codes, statuses and messages, built from the resource they are about.

import { ServiceError } from '../../protocols/errors.js';

const noSuchEntity = (message: string) => new ServiceError('NoSuchEntity', message, 404);
const deleteConflict = (message: string) => new ServiceError('DeleteConflict', message, 409);

export const roleNotFound = (roleName: string) => noSuchEntity(`The role with name ${roleName} cannot be found.`);
export const rolePolicyNotFound = (policyName: string) => noSuchEntity(`The role policy with name ${policyName} cannot be found.`);
export const policyNotFound = (policyArn: string) => noSuchEntity(`Policy ${policyArn} was not found.`);
export const policyNotAttachable = (policyArn: string) => noSuchEntity(`Policy ${policyArn} does not exist or is not attachable.`);
export const policyVersionNotFound = (policyArn: string, versionId: string) =>
  noSuchEntity(`Policy ${policyArn} version ${versionId} does not exist or is not attachable.`);

export const roleExists = (roleName: string) => new ServiceError('EntityAlreadyExists', `Role with name ${roleName} already exists.`, 409);
export const policyExists = (policyName: string) =>
  new ServiceError('EntityAlreadyExists', `A policy called ${policyName} already exists. Duplicate names are not allowed.`, 409);

export const roleHasAttachedPolicies = () => deleteConflict('Cannot delete entity, must detach all policies first.');
export const roleHasInlinePolicies = () => deleteConflict('Cannot delete entity, must delete policies first.');
export const policyIsAttached = () => deleteConflict('Cannot delete a policy attached to entities.');

export const malformedPolicy = (message: string) => new ServiceError('MalformedPolicyDocument', message, 400);
export const invalidArn = (arn: string) => new ServiceError('InvalidInput', `ARN ${arn} is not valid.`, 400);
export const duplicateTagKeys = () =>
  new ServiceError('InvalidInput', 'Duplicate tag keys found. Please note that Tag keys are case insensitive.', 400);
export const awsPolicyUnmodifiable = (accountId: string, policyArn: string) =>
  new ServiceError('AccessDenied', `User: arn:aws:iam::${accountId}:root is not authorized to perform: iam:DeletePolicy on resource: policy ${policyArn}`, 403);
