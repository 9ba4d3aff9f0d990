// What other services ask IAM: does a role exist, may a service assume it, what may it do.

import type { Principal } from '../../edge/context.js';
import type { Sandbox } from '../../sandbox.js';
import { findPolicy } from './model.js';
import { statementsOf } from './policy-document.js';
import { evaluate, trustsService } from './policy-evaluation.js';
import { nameKey, roles, type RoleRecord } from './store.js';

export interface RoleSummary {
  RoleName: string;
  RoleId: string;
  Arn: string;
  /** The trust policy as a parsed JSON document. */
  assumeRolePolicy: unknown;
}

export interface IamApi {
  getRole(owner: Principal, roleName: string): RoleSummary | undefined;
  /** The role named by an ARN, in the ARN's account. */
  getRoleByArn(roleArn: string): RoleSummary | undefined;
  /** Whether the role's trust policy lets `servicePrincipal` (e.g. `lambda.amazonaws.com`) assume it. */
  trustsService(role: RoleSummary, servicePrincipal: string): boolean;
  /** Whether the role's policies (inline and attached) allow `action` on `resource`. */
  allows(role: RoleSummary, action: string, resource: string): boolean;
}

const ROLE_ARN = /^arn:aws:iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/;

function summary(role: RoleRecord): RoleSummary {
  let assumeRolePolicy: unknown;
  try {
    assumeRolePolicy = JSON.parse(role.assumeRolePolicyDocument);
  } catch {
    assumeRolePolicy = undefined;
  }
  return { RoleName: role.roleName, RoleId: role.roleId, Arn: role.arn, assumeRolePolicy };
}

export function createIamApi(sandbox: Sandbox): IamApi {
  const roleAt = (accountId: string, roleName: string) => roles(sandbox, { accountId, region: '' }).get(nameKey(roleName));
  const byArn = (roleArn: string) => {
    const match = ROLE_ARN.exec(roleArn);
    const role = match ? roleAt(match[1], match[2]) : undefined;
    return role && role.arn === roleArn ? role : undefined;
  };
  return {
    getRole(owner, roleName) {
      const role = roleAt(owner.accountId, roleName);
      return role && summary(role);
    },
    getRoleByArn(roleArn) {
      const role = byArn(roleArn);
      return role && summary(role);
    },
    trustsService(role, servicePrincipal) {
      return trustsService(statementsOf(role.assumeRolePolicy, 'trust'), servicePrincipal);
    },
    allows(role, action, resource) {
      const record = byArn(role.Arn);
      if (!record) return false;
      const owner = { accountId: ROLE_ARN.exec(record.arn)![1], region: '' };
      const documents = [
        ...record.inlinePolicies.map((p) => p.document),
        ...record.attachedPolicyArns.map((a) => findPolicy(sandbox, owner, a)?.document),
      ];
      const statements = documents.flatMap((d) => (d === undefined ? [] : statementsOf(d, 'identity')));
      return evaluate(statements, action, resource) === 'Allow';
    },
  };
}
