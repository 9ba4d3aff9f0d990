// The IAM role a crawler acts as: given as a name, a path and name (`service-role/AWSGlueServiceRole-x`) or
// an ARN, in the caller's account. Glue must be able to assume it (its trust policy names glue.amazonaws.com).

import type { Sandbox } from '../../../sandbox.js';
import type { RoleSummary } from '../../iam/api.js';
import type { Owner } from '../catalog.js';

export const GLUE_PRINCIPAL = 'glue.amazonaws.com';

export function findRole(sandbox: Sandbox, owner: Owner, role: string): RoleSummary | undefined {
  const iam = sandbox.apis.iam;
  if (!iam) return undefined;
  if (role.startsWith('arn:')) return iam.getRoleByArn(role);
  return iam.getRole({ ...owner, clock: sandbox.clock }, role.slice(role.lastIndexOf('/') + 1));
}

/** The role when Glue may assume it, else undefined. */
export function assumableRole(sandbox: Sandbox, owner: Owner, role: string): RoleSummary | undefined {
  const found = findRole(sandbox, owner, role);
  return found && sandbox.apis.iam!.trustsService(found, GLUE_PRINCIPAL) ? found : undefined;
}

/** The identity a crawler's calls are made as. */
export const crawlerSession = (accountId: string, role: RoleSummary) => `arn:aws:sts::${accountId}:assumed-role/${role.RoleName}/AWS-Crawler`;

/**
 * AWS's refusal when the role may not do `action` on every one of `resources` (Glue authorizes catalog
 * calls on the catalog and on the database or table), else undefined.
 */
export function refusal(sandbox: Sandbox, owner: Owner, role: RoleSummary, action: string, resources: string[]): string | undefined {
  const denied = resources.find((resource) => !sandbox.apis.iam!.allows(role, action, resource));
  return denied && `User: ${crawlerSession(owner.accountId, role)} is not authorized to perform: ${action} on resource: ${denied}`;
}

