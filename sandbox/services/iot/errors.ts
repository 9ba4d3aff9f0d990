// IoT Core's errors, with AWS's codes, statuses and words, built from the resource they are about.

import { ServiceError } from '../../protocols/errors.js';

export const invalidRequest = (message: string) => new ServiceError('InvalidRequestException', message, 400);

export const thingNotFound = (thingName: string) => new ServiceError('ResourceNotFoundException', `Thing ${thingName} cannot be found.`, 404);

export const thingExists = (thingName: string, thingArn: string, thingId: string) =>
  new ServiceError('ResourceAlreadyExistsException', `Thing ${thingName} already exists in account with different attributes`, 409, { resourceId: thingId, resourceArn: thingArn });

export const certificateNotFound = (certificateId: string) =>
  new ServiceError('ResourceNotFoundException', `The certificate ${certificateId} does not exist`, 404);

export const certificateExists = (certificateId: string, certificateArn: string) =>
  new ServiceError('ResourceAlreadyExistsException', 'The certificate is already provisioned or registered', 409, { resourceId: certificateId, resourceArn: certificateArn });

export const certificateStillActive = () => new ServiceError('CertificateStateException', 'Certificate must be deactivated (not ACTIVE) before deletion.', 406);

export const certificateRevoked = (certificateId: string) =>
  new ServiceError('CertificateStateException', `Certificate ${certificateId} is REVOKED and cannot change status`, 406);

export const certificateInvalid = () => new ServiceError('CertificateValidationException', 'The certificate is invalid.', 400);

export const certificateHasPolicies = (certificateArn: string) =>
  new ServiceError('DeleteConflictException', `Certificate policies must be detached before deletion (arn: ${certificateArn})`, 409);

export const certificateHasThings = (certificateArn: string) =>
  new ServiceError('DeleteConflictException', `Things must be detached before deletion (arn: ${certificateArn})`, 409);

export const policyNotFound = (policyName: string) => new ServiceError('ResourceNotFoundException', `Policy not found (name=${policyName})`, 404);

export const policyVersionNotFound = (policyName: string, versionId: string) =>
  new ServiceError('ResourceNotFoundException', `Policy not found (name=${policyName}, version=${versionId})`, 404);

export const policyExists = (policyName: string, policyArn: string) =>
  new ServiceError('ResourceAlreadyExistsException', `Policy cannot be created - name already exists (name=${policyName})`, 409, { resourceId: policyName, resourceArn: policyArn });

export const malformedPolicy = () => new ServiceError('MalformedPolicyException', 'Policy document is malformed', 400);

export const policyAttached = (policyName: string) =>
  new ServiceError('DeleteConflictException', `The policy cannot be deleted as the policy is attached to one or more principals (name=${policyName})`, 409);

export const policyHasVersions = (policyName: string) =>
  new ServiceError('DeleteConflictException', `Cannot delete the policy because it has one or more policy versions attached to it (name=${policyName})`, 409);

export const defaultVersionDelete = () => new ServiceError('DeleteConflictException', 'Cannot delete the default version of a policy', 409);

export const versionsLimit = (policyName: string) =>
  new ServiceError('VersionsLimitExceededException', `The policy ${policyName} already has the maximum number of versions (5)`, 409);

export const targetNotFound = (target: string) => new ServiceError('ResourceNotFoundException', `The target ${target} does not exist`, 404);

export const principalNotFound = (principal: string) => new ServiceError('ResourceNotFoundException', `The principal ${principal} does not exist`, 404);

export const ruleExists = (ruleName: string, ruleArn: string) =>
  new ServiceError('ResourceAlreadyExistsException', `Topic rule ${ruleName} already exists`, 409, { resourceId: ruleName, resourceArn: ruleArn });

/** IoT answers for a rule that is not there as for one the caller may not see. */
export const ruleNotFound = (ruleArn: string) => new ServiceError('UnauthorizedException', `Access to the resource ${ruleArn} is not authorized`, 401);

export const sqlParse = (message: string) => new ServiceError('SqlParseException', message, 400);

export const roleNotAssumable = (roleArn: string) =>
  invalidRequest(`AWS IoT (iot.amazonaws.com) is unable to assume role (sts:AssumeRole) on resource: ${roleArn}. If the role was just created or updated, please try again in a few seconds.`);

export const resourceNotFound = (arn: string) => new ServiceError('ResourceNotFoundException', `The resource ${arn} does not exist`, 404);
