// Who calls AssumeRole and whether the role's trust policy lets them: IAM's rules over the project's one
// policy language. A trust policy trusts an account (its id, its root ARN) or `*`, a named role or user,
// or a service principal; the caller is the account's root (the sandbox's ordinary keys) or a role
// session AssumeRole issued earlier. A root of the role's own account is trusted only where the policy
// names the account, as in AWS; a service principal never stands for a caller with keys.

import { decide, timeKeys, type RequestContext } from '../../../policy/index.js';
import type { RequestContext as CallContext } from '../../edge/context.js';
import type { RoleSummary } from '../iam/api.js';
import { statementsOf } from '../iam/policy-document.js';
import { issuedCredentials } from './store.js';

export interface AssumeRoleCaller {
  accountId: string;
  /** The ARN AWS names in its messages (`arn:aws:iam::<id>:root`, `arn:aws:sts::<id>:assumed-role/<role>/<session>`). */
  arn: string;
  /** The ARN a trust policy names to trust this caller (a session is trusted through its role). */
  principalArn: string;
  principalType: 'Account' | 'AssumedRole';
}

export function assumeRoleCaller(ctx: CallContext): AssumeRoleCaller {
  const session = issuedCredentials(ctx.sandbox).get(ctx.accessKeyId);
  if (session) {
    return {
      accountId: session.accountId,
      arn: `arn:aws:sts::${session.accountId}:assumed-role/${session.roleName}/${session.sessionName}`,
      principalArn: session.roleArn,
      principalType: 'AssumedRole',
    };
  }
  const root = `arn:aws:iam::${ctx.accountId}:root`;
  return { accountId: ctx.accountId, arn: root, principalArn: root, principalType: 'Account' };
}

export interface AssumeRoleRequest {
  roleSessionName: string;
  externalId?: string;
}

/** Whether the role's trust policy allows the caller's sts:AssumeRole, conditions evaluated with what the call says. */
export function trustsCaller(role: RoleSummary, caller: AssumeRoleCaller, request: AssumeRoleRequest, now: number): boolean {
  const context: RequestContext = {
    ...timeKeys(now),
    'aws:SecureTransport': 'false',
    'aws:PrincipalAccount': caller.accountId,
    'aws:PrincipalArn': caller.principalArn,
    'aws:PrincipalType': caller.principalType,
    'sts:RoleSessionName': request.roleSessionName,
    'sts:ExternalId': request.externalId,
  };
  const statements = statementsOf(role.assumeRolePolicy, 'trust');
  return decide(statements, { action: 'sts:AssumeRole', resource: '*', caller: { arn: caller.principalArn }, context }).decision === 'Allow';
}
