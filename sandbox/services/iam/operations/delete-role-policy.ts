// DeleteRolePolicy: removes one inline policy from a role.

import { defineOperation } from '../../definition.js';
import { struct } from '../../../protocols/shapes.js';
import { rolePolicyNotFound } from '../errors.js';
import { requireRole, updateRole } from '../model.js';
import { policyName, roleName } from '../shapes.js';

export const deleteRolePolicy = defineOperation<{ RoleName: string; PolicyName: string }>({
  name: 'DeleteRolePolicy',
  input: struct({ RoleName: roleName(), PolicyName: policyName() }),
  handler(input, ctx) {
    const role = requireRole(ctx.sandbox, ctx, input.RoleName);
    if (!role.inlinePolicies.some((p) => p.name === input.PolicyName)) throw rolePolicyNotFound(input.PolicyName);
    updateRole(ctx.sandbox, ctx, role, { inlinePolicies: role.inlinePolicies.filter((p) => p.name !== input.PolicyName) });
    return {};
  },
});
