// AssumeRole: temporary credentials that act in the role's account (the account in the role ARN), for a
// caller the role's trust policy names; anyone else is refused with AWS's AccessDenied.

import { defineOperation } from '../../definition.js';
import { int, list, str, struct } from '../../../protocols/shapes.js';
import { ServiceError } from '../../../protocols/errors.js';
import { issueCredentials } from '../issue.js';
import { assumeRoleCaller, trustsCaller } from '../trust.js';

const ROLE_ARN = /^arn:aws:iam::(\d{12}):role\/(?:.*\/)?([\w+=,.@-]+)$/;

const input = struct({
  RoleArn: str({ required: true, min: 20, max: 2048 }),
  RoleSessionName: str({ required: true, min: 2, max: 64, pattern: '[\\w+=,.@-]*' }),
  Policy: str({ min: 1, max: 2048 }),
  DurationSeconds: int({ min: 900, max: 43200 }),
  PolicyArns: list(struct({ arn: str() })),
  ExternalId: str({ min: 2, max: 1224 }),
});

interface Input {
  RoleArn: string;
  RoleSessionName: string;
  DurationSeconds?: number;
  ExternalId?: string;
}

export const assumeRole = defineOperation<Input>({
  name: 'AssumeRole',
  input,
  readOnly: true,
  handler(input, ctx) {
    const match = ROLE_ARN.exec(input.RoleArn);
    const caller = assumeRoleCaller(ctx);
    const denied = () => new ServiceError('AccessDenied', `User: ${caller.arn} is not authorized to perform: sts:AssumeRole on resource: ${input.RoleArn}`, 403);
    if (!match) throw new ServiceError('ValidationError', `${input.RoleArn} is invalid`, 400);
    const [, accountId, roleName] = match;
    const now = ctx.clock.now();
    const iam = ctx.sandbox.apis.iam;
    const role = iam?.getRole({ accountId, region: ctx.region, clock: ctx.clock }, roleName);
    // Without IAM in this sandbox there is no trust policy to read: every role is assumable.
    if (iam && (!role || !trustsCaller(role, caller, { roleSessionName: input.RoleSessionName, externalId: input.ExternalId }, now))) throw denied();
    const issued = issueCredentials(ctx.sandbox, { roleArn: input.RoleArn, sessionName: input.RoleSessionName, durationSeconds: input.DurationSeconds ?? 3600, roleId: role?.RoleId });
    return {
      Credentials: {
        AccessKeyId: issued.accessKeyId,
        SecretAccessKey: issued.secretAccessKey,
        SessionToken: issued.sessionToken,
        Expiration: new Date(issued.expiration),
      },
      AssumedRoleUser: {
        AssumedRoleId: `${issued.roleId}:${issued.sessionName}`,
        Arn: `arn:aws:sts::${accountId}:assumed-role/${roleName}/${issued.sessionName}`,
      },
    };
  },
});
