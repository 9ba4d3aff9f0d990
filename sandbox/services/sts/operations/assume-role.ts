// AssumeRole: temporary credentials that act in the role's account (the account in the role ARN), for a
// caller the role's trust policy names; anyone else is refused with AWS's AccessDenied.

import { randomBytes } from 'node:crypto';
import { defineOperation } from '../../definition.js';
import { int, list, str, struct } from '../../../protocols/shapes.js';
import { ServiceError } from '../../../protocols/errors.js';
import { issuedCredentials } from '../store.js';
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

const token = (prefix: string, length: number) => prefix + randomBytes(length).toString('hex').toUpperCase().slice(0, length - prefix.length);

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
    const issued = {
      accessKeyId: token('ASIA', 20),
      secretAccessKey: randomBytes(30).toString('base64').slice(0, 40),
      sessionToken: randomBytes(96).toString('base64'),
      expiration: now + (input.DurationSeconds ?? 3600) * 1000,
      accountId,
      roleArn: input.RoleArn,
      roleName,
      sessionName: input.RoleSessionName,
      roleId: role?.RoleId ?? token('AROA', 21),
    };
    issuedCredentials(ctx.sandbox).set(issued.accessKeyId, issued);
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
