// Reads what a role may do: its trust policy and every inline and attached policy, decoded, so that
// checks can evaluate them with ./policy.ts. Read-only IAM calls only.

import {
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  IAMClient,
  ListAttachedRolePoliciesCommand,
  ListRolePoliciesCommand,
} from '@aws-sdk/client-iam';
import type { CheckContext } from '../../src/engine/types.js';
import { parsePolicyDocument, type NamedPolicy, type PolicyDocument } from './policy.js';

export interface RolePermissions {
  roleName: string;
  roleArn: string;
  trust: PolicyDocument;
  policies: NamedPolicy[];
}

/** `arn:aws:iam::123:role/path/name` → `name`; a bare name stays as it is. */
export function roleNameFromArn(arnOrName: string): string {
  const at = arnOrName.indexOf(':role/');
  if (at < 0) return arnOrName;
  const path = arnOrName.slice(at + ':role/'.length);
  return path.slice(path.lastIndexOf('/') + 1);
}

/** The role's permissions, or undefined when there is no such role. */
export async function readRole(ctx: CheckContext, arnOrName: string): Promise<RolePermissions | undefined> {
  const iam = ctx.clients.get(IAMClient);
  const opts = { abortSignal: ctx.signal };
  const roleName = roleNameFromArn(arnOrName);
  let role;
  try {
    role = (await iam.send(new GetRoleCommand({ RoleName: roleName }), opts)).Role;
  } catch (err) {
    if ((err as { name?: string }).name === 'NoSuchEntityException') return undefined;
    throw err;
  }
  const [inline, attached] = await Promise.all([listInline(ctx, roleName), listAttached(ctx, roleName)]);
  return { roleName, roleArn: role?.Arn ?? arnOrName, trust: parsePolicyDocument(role?.AssumeRolePolicyDocument), policies: [...inline, ...attached] };
}

async function listInline(ctx: CheckContext, roleName: string): Promise<NamedPolicy[]> {
  const iam = ctx.clients.get(IAMClient);
  const names: string[] = [];
  let marker: string | undefined;
  do {
    const page = await iam.send(new ListRolePoliciesCommand({ RoleName: roleName, Marker: marker }), { abortSignal: ctx.signal });
    names.push(...(page.PolicyNames ?? []));
    marker = page.IsTruncated ? page.Marker : undefined;
  } while (marker);
  return Promise.all(
    names.map(async (name) => {
      const { PolicyDocument } = await iam.send(new GetRolePolicyCommand({ RoleName: roleName, PolicyName: name }), { abortSignal: ctx.signal });
      return { name: `inline policy ${name}`, document: parsePolicyDocument(PolicyDocument) };
    }),
  );
}

async function listAttached(ctx: CheckContext, roleName: string): Promise<NamedPolicy[]> {
  const iam = ctx.clients.get(IAMClient);
  const arns: { arn: string; name: string }[] = [];
  let marker: string | undefined;
  do {
    const page = await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: roleName, Marker: marker }), { abortSignal: ctx.signal });
    for (const p of page.AttachedPolicies ?? []) if (p.PolicyArn) arns.push({ arn: p.PolicyArn, name: p.PolicyName ?? p.PolicyArn });
    marker = page.IsTruncated ? page.Marker : undefined;
  } while (marker);
  return Promise.all(
    arns.map(async ({ arn, name }) => {
      const { Policy } = await iam.send(new GetPolicyCommand({ PolicyArn: arn }), { abortSignal: ctx.signal });
      const { PolicyVersion } = await iam.send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: Policy?.DefaultVersionId ?? 'v1' }), { abortSignal: ctx.signal });
      return { name: `managed policy ${name}`, document: parsePolicyDocument(PolicyVersion?.Document) };
    }),
  );
}
