// IAM's resources as operations see them: identifiers and ARNs, roles looked up or refused, managed
// policies (AWS's and the account's) found by ARN, attachment counts, and the wire views of each.

import { createHash, randomBytes } from 'node:crypto';
import type { Sandbox } from '../../sandbox.js';
import type { ScopeOwner } from '../../store/scoped-table.js';
import { AWS_MANAGED_POLICIES } from './aws-managed-policies.js';
import { duplicateTagKeys, invalidArn, roleNotFound } from './errors.js';
import { encodeDocument } from './policy-document.js';
import { nameKey, policies, roles, type ManagedPolicyRecord, type RoleRecord, type Tag } from './store.js';

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** An IAM unique id: a type prefix (AROA role, ANPA managed policy) and 17 base32 characters. */
export function newId(prefix: string, seed?: string): string {
  const bytes = seed === undefined ? randomBytes(17) : createHash('sha256').update(seed).digest();
  return prefix + [...bytes.subarray(0, 17)].map((b) => ID_ALPHABET[b % 32]).join('');
}

export const roleArn = (accountId: string, path: string, name: string) => `arn:aws:iam::${accountId}:role${path}${name}`;
export const policyArn = (accountId: string, path: string, name: string) => `arn:aws:iam::${accountId}:policy${path}${name}`;

export function requireRole(sandbox: Sandbox, owner: ScopeOwner, roleName: string): RoleRecord {
  const role = roles(sandbox, owner).get(nameKey(roleName));
  if (!role) throw roleNotFound(roleName);
  return role;
}

/** Stores a changed copy of a role (table values are never changed in place). */
export function updateRole(sandbox: Sandbox, owner: ScopeOwner, role: RoleRecord, change: Partial<RoleRecord>): RoleRecord {
  const next = { ...role, ...change };
  roles(sandbox, owner).set(nameKey(role.roleName), next);
  return next;
}

/** A managed policy, AWS's or the account's. */
export interface ManagedPolicy extends ManagedPolicyRecord {
  awsManaged: boolean;
}

const AWS_POLICIES: readonly ManagedPolicy[] = AWS_MANAGED_POLICIES.map((p) => {
  const time = Date.parse(p.created);
  return {
    policyName: p.name,
    policyId: newId('ANPA', p.name),
    path: p.path,
    arn: policyArn('aws', p.path, p.name),
    description: p.description,
    document: JSON.stringify(p.document, null, 4),
    defaultVersionId: 'v1',
    createDate: time,
    updateDate: time,
    tags: [],
    awsManaged: true,
  };
});
const AWS_POLICIES_BY_ARN = new Map(AWS_POLICIES.map((p) => [p.arn, p]));

const POLICY_ARN = /^arn:aws:iam::(\d{12}|aws):policy(\/(?:.*\/)?)([^/]+)$/;

/** The policy an ARN names, seen from `owner`'s account; throws InvalidInput if it is not an ARN at all. */
export function findPolicy(sandbox: Sandbox, owner: ScopeOwner, arn: string): ManagedPolicy | undefined {
  if (!arn.startsWith('arn:')) throw invalidArn(arn);
  const match = POLICY_ARN.exec(arn);
  if (!match) return undefined;
  const [, account, path, name] = match;
  if (account === 'aws') return AWS_POLICIES_BY_ARN.get(arn);
  if (account !== owner.accountId) return undefined;
  const record = policies(sandbox, owner).get(nameKey(name));
  return record && record.arn === arn ? { ...record, awsManaged: false } : undefined;
}

export function listPolicies(sandbox: Sandbox, owner: ScopeOwner, scope: 'All' | 'AWS' | 'Local'): ManagedPolicy[] {
  const local = policies(sandbox, owner).values().map((p) => ({ ...p, awsManaged: false }));
  if (scope === 'AWS') return [...AWS_POLICIES];
  if (scope === 'Local') return local;
  return [...AWS_POLICIES, ...local];
}

/** How many roles of the account each managed policy is attached to. */
export function attachmentCounts(sandbox: Sandbox, owner: ScopeOwner): Map<string, number> {
  const counts = new Map<string, number>();
  for (const role of roles(sandbox, owner).values()) for (const arn of role.attachedPolicyArns) counts.set(arn, (counts.get(arn) ?? 0) + 1);
  return counts;
}

/** Tags merged over existing ones by key; IAM refuses a request naming one key twice (keys ignore case). */
export function mergeTags(existing: Tag[], added: Tag[]): Tag[] {
  const keys = added.map((t) => t.Key.toLowerCase());
  if (new Set(keys).size !== keys.length) throw duplicateTagKeys();
  return [...existing.filter((t) => !keys.includes(t.Key.toLowerCase())), ...added];
}

/** A role on the wire; `full` adds what GetRole/CreateRole return and ListRoles leaves out. */
export function roleView(role: RoleRecord, { full }: { full: boolean }) {
  return {
    Path: role.path,
    RoleName: role.roleName,
    RoleId: role.roleId,
    Arn: role.arn,
    CreateDate: new Date(role.createDate),
    AssumeRolePolicyDocument: encodeDocument(role.assumeRolePolicyDocument),
    Description: role.description,
    MaxSessionDuration: role.maxSessionDuration,
    PermissionsBoundary:
      full && role.permissionsBoundary ? { PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: role.permissionsBoundary } : undefined,
    Tags: full && role.tags.length > 0 ? role.tags : undefined,
    RoleLastUsed: full ? {} : undefined,
  };
}

/** A managed policy on the wire; `full` adds what GetPolicy/CreatePolicy return and ListPolicies leaves out. */
export function policyView(policy: ManagedPolicy, attachmentCount: number, { full }: { full: boolean }) {
  return {
    PolicyName: policy.policyName,
    PolicyId: policy.policyId,
    Arn: policy.arn,
    Path: policy.path,
    DefaultVersionId: policy.defaultVersionId,
    AttachmentCount: attachmentCount,
    PermissionsBoundaryUsageCount: 0,
    IsAttachable: true,
    Description: full ? policy.description : undefined,
    CreateDate: new Date(policy.createDate),
    UpdateDate: new Date(policy.updateDate),
    Tags: full && policy.tags.length > 0 ? policy.tags : undefined,
  };
}
