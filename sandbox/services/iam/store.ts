// IAM state, per account (IAM is global: one set of roles and policies per account, every region).
// Roles carry their inline policies and the ARNs of their attached managed policies; customer managed
// policies live in their own table. AWS managed policies are static data (aws-managed-policies.ts).

import type { Sandbox } from '../../sandbox.js';
import { scoped, type ScopeOwner, type ScopedTable } from '../../store/scoped-table.js';

export interface Tag {
  Key: string;
  Value: string;
}

export interface InlinePolicy {
  name: string;
  /** The document exactly as the client sent it (AWS returns it byte for byte). */
  document: string;
}

export interface RoleRecord {
  roleName: string;
  roleId: string;
  path: string;
  arn: string;
  /** Epoch ms. */
  createDate: number;
  assumeRolePolicyDocument: string;
  description?: string;
  maxSessionDuration: number;
  permissionsBoundary?: string;
  tags: Tag[];
  inlinePolicies: InlinePolicy[];
  attachedPolicyArns: string[];
}

export interface ManagedPolicyRecord {
  policyName: string;
  policyId: string;
  path: string;
  arn: string;
  description?: string;
  document: string;
  defaultVersionId: string;
  /** Epoch ms. */
  createDate: number;
  updateDate: number;
  tags: Tag[];
}

/** Names are the table keys, lower-cased: IAM names are unique regardless of case. */
export const nameKey = (name: string) => name.toLowerCase();

export const roles = (sandbox: Sandbox, owner: ScopeOwner): ScopedTable<RoleRecord> =>
  scoped(sandbox.state.table<RoleRecord>('iam.roles'), owner, 'account');

export const policies = (sandbox: Sandbox, owner: ScopeOwner): ScopedTable<ManagedPolicyRecord> =>
  scoped(sandbox.state.table<ManagedPolicyRecord>('iam.policies'), owner, 'account');
