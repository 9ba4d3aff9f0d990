// What other services ask IAM: does a role exist, may a service assume it, what may it do.

import type { Principal } from '../../edge/context.js';
import type { Sandbox } from '../../sandbox.js';
import { findPolicy } from './model.js';
import { statementsOf } from './policy-document.js';
import { assumeRoleKeys, evaluate, roleRequestKeys, trustsService, type Decision, type OnBehalfOf } from './policy-evaluation.js';
import type { Statement } from './policy-document.js';
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
  /**
   * Whether the role's trust policy lets `servicePrincipal` (e.g. `lambda.amazonaws.com`) assume it, for a
   * resource of the role's account unless `onBehalfOf` says which (aws:SourceAccount, aws:SourceArn).
   */
  trustsService(role: RoleSummary, servicePrincipal: string, onBehalfOf?: OnBehalfOf): boolean;
  /** Whether the role's policies (inline and attached) allow `action` on `resource`; always, with --iam-enforcement off. */
  allows(role: RoleSummary, action: string, resource: string): boolean;
  /**
   * The decision of the role's identity policies for a session of the role acting on `resource`: Allow,
   * ExplicitDeny, or ImplicitDeny (also for a role that no longer exists or has not propagated yet).
   */
  decide(roleArn: string, action: string, resource: string): Decision;
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

/** Everything about a role that services act on: a change to any of it propagates anew. */
const fingerprint = (role: RoleRecord) => JSON.stringify([role.assumeRolePolicyDocument, role.inlinePolicies, role.attachedPolicyArns]);

/**
 * Imitates IAM's eventual consistency (the sandbox's iamPropagationDelayMs): a role created or changed
 * less than the delay ago is not yet assumable and grants nothing to the services that use it. A change
 * is noticed when a service first looks at the role after it, so the delay runs from then at the latest.
 */
function propagation(sandbox: Sandbox) {
  const seen = new Map<string, { print: string; at: number }>();
  return (role: RoleRecord): boolean => {
    const delay = sandbox.options.iamPropagationDelayMs ?? 0;
    if (delay <= 0) return true;
    const now = sandbox.clock.now();
    const print = fingerprint(role);
    const known = seen.get(role.arn);
    if (!known) seen.set(role.arn, { print, at: Math.max(role.createDate, now - delay) });
    else if (known.print !== print) seen.set(role.arn, { print, at: now });
    return now - seen.get(role.arn)!.at >= delay;
  };
}

export function createIamApi(sandbox: Sandbox): IamApi {
  const propagated = propagation(sandbox);
  // A role's statements, parsed once per version of its policies: sessions ask on every call they make.
  // A change to the role replaces its record, a new policy version its document: both are new objects.
  const parsed = new WeakMap<RoleRecord, { attached: unknown[]; statements: Statement[] }>();
  const statementsOfRole = (record: RoleRecord): Statement[] => {
    const owner = { accountId: ROLE_ARN.exec(record.arn)![1], region: '' };
    const attached = record.attachedPolicyArns.map((a) => findPolicy(sandbox, owner, a)?.document);
    const known = parsed.get(record);
    if (known && known.attached.length === attached.length && known.attached.every((d, i) => d === attached[i])) return known.statements;
    const documents = [...record.inlinePolicies.map((p) => p.document), ...attached];
    const statements = documents.flatMap((d) => (d === undefined ? [] : statementsOf(d, 'identity')));
    parsed.set(record, { attached, statements });
    return statements;
  };
  const decideFor = (record: RoleRecord | undefined, action: string, resource: string): Decision => {
    if (!record || !propagated(record)) return 'ImplicitDeny';
    return evaluate(statementsOfRole(record), action, resource, roleRequestKeys(record.arn, resource, sandbox.clock.now()));
  };
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
    trustsService(role, servicePrincipal, onBehalfOf = {}) {
      const record = byArn(role.Arn);
      if (record && !propagated(record)) return false;
      const keys = assumeRoleKeys(role.Arn, servicePrincipal, onBehalfOf, sandbox.clock.now());
      return trustsService(statementsOf(role.assumeRolePolicy, 'trust'), servicePrincipal, keys);
    },
    allows(role, action, resource) {
      if (sandbox.options.iamEnforcement === false) return true;
      return decideFor(byArn(role.Arn), action, resource) === 'Allow';
    },
    decide(roleArn, action, resource) {
      return decideFor(byArn(roleArn), action, resource);
    },
  };
}
