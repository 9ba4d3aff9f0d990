// ListAttachedRolePolicies: the managed policies attached to a role, under a path prefix, a page at a time.

import { defineOperation } from '../../definition.js';
import { struct } from '../../../protocols/shapes.js';
import { findPolicy, requireRole, type ManagedPolicy } from '../model.js';
import { paginate, sortedBy } from '../pagination.js';
import { marker, maxItems, policyPath, roleName } from '../shapes.js';

interface Input {
  RoleName: string;
  PathPrefix?: string;
  Marker?: string;
  MaxItems?: number;
}

const key = (p: ManagedPolicy) => `${p.policyName.toLowerCase()}\u0000${p.arn}`;

export const listAttachedRolePolicies = defineOperation<Input>({
  name: 'ListAttachedRolePolicies',
  input: struct({ RoleName: roleName(), PathPrefix: policyPath(), Marker: marker(), MaxItems: maxItems() }),
  handler(input, ctx) {
    const role = requireRole(ctx.sandbox, ctx, input.RoleName);
    const prefix = input.PathPrefix ?? '/';
    const attached = role.attachedPolicyArns
      .map((a) => findPolicy(ctx.sandbox, ctx, a))
      .filter((p): p is ManagedPolicy => p !== undefined && p.path.startsWith(prefix));
    const page = paginate(sortedBy(attached, key), key, input.Marker, input.MaxItems);
    return {
      AttachedPolicies: page.items.map((p) => ({ PolicyName: p.policyName, PolicyArn: p.arn })),
      IsTruncated: page.IsTruncated,
      Marker: page.Marker,
    };
  },
});
