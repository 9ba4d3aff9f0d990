// Deploy step: a service role with its trust policy, tags and inline policies, made to match exactly.

import {
  AttachRolePolicyCommand,
  CreateRoleCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  IAMClient,
  ListAttachedRolePoliciesCommand,
  PutRolePolicyCommand,
  UpdateAssumeRolePolicyCommand,
} from '@aws-sdk/client-iam';
import type { SolutionContext } from '../../src/engine/solution.js';
import { parsePolicyDocument } from '../../checks/lib/policy.js';
import type { Ledger } from './ledger.js';
import { orUndefined } from '../../checks/lib/not-found.js';
import { ts } from './messages.js';

export interface RoleSpec {
  name: string;
  /** `lambda.amazonaws.com`, `iot.amazonaws.com`. */
  service: string;
  /** Inline policy name → document. */
  inline: Record<string, object>;
  /** ARNs of managed policies (AWS's or the account's) to attach. */
  managed?: string[];
  description: string;
}

const sameDocument = (a: object, b: object) => JSON.stringify(a) === JSON.stringify(b);

export async function ensureRole(ctx: SolutionContext, ledger: Ledger, spec: RoleSpec): Promise<string> {
  const iam = ctx.clients.get(IAMClient);
  const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: spec.service }, Action: 'sts:AssumeRole' }] };
  const existing = (await orUndefined(iam.send(new GetRoleCommand({ RoleName: spec.name }))))?.Role;
  let arn = existing?.Arn;
  if (!existing) {
    const out = await iam.send(
      new CreateRoleCommand({
        RoleName: spec.name,
        AssumeRolePolicyDocument: JSON.stringify(trust),
        Description: spec.description,
        Tags: Object.entries(ctx.tags).map(([Key, Value]) => ({ Key, Value })),
      }),
    );
    arn = out.Role!.Arn!;
    ledger.record(ts('ledger.role', { name: spec.name }), 'created');
  } else if (!sameDocument(parsePolicyDocument(existing.AssumeRolePolicyDocument), trust)) {
    await iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: spec.name, PolicyDocument: JSON.stringify(trust) }));
    ledger.record(ts('ledger.trustPolicy', { name: spec.name }), 'updated');
  } else {
    ledger.record(ts('ledger.role', { name: spec.name }), 'unchanged');
  }
  for (const [policyName, document] of Object.entries(spec.inline)) {
    const current = existing ? await orUndefined(iam.send(new GetRolePolicyCommand({ RoleName: spec.name, PolicyName: policyName }))) : undefined;
    if (current && sameDocument(parsePolicyDocument(current.PolicyDocument), document)) continue;
    await iam.send(new PutRolePolicyCommand({ RoleName: spec.name, PolicyName: policyName, PolicyDocument: JSON.stringify(document) }));
    if (existing) ledger.record(ts('ledger.rolePolicy', { name: policyName, role: spec.name }), current ? 'updated' : 'created');
  }
  if (spec.managed?.length) {
    const attached = existing ? ((await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: spec.name }))).AttachedPolicies ?? []).map((p) => p.PolicyArn) : [];
    for (const policyArn of spec.managed.filter((a) => !attached.includes(a))) {
      await iam.send(new AttachRolePolicyCommand({ RoleName: spec.name, PolicyArn: policyArn }));
      if (existing) ledger.record(ts('ledger.attachment', { policy: policyArn, role: spec.name }), 'created');
    }
  }
  return arn!;
}
