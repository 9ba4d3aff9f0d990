// DeleteRole: refused while managed policies are attached or inline policies remain, as in AWS.

import { defineOperation } from '../../definition.js';
import { struct } from '../../../protocols/shapes.js';
import { roleHasAttachedPolicies, roleHasInlinePolicies } from '../errors.js';
import { requireRole } from '../model.js';
import { roleName } from '../shapes.js';
import { nameKey, roles } from '../store.js';

export const deleteRole = defineOperation<{ RoleName: string }>({
  name: 'DeleteRole',
  input: struct({ RoleName: roleName() }),
  handler(input, ctx) {
    const role = requireRole(ctx.sandbox, ctx, input.RoleName);
    if (role.attachedPolicyArns.length > 0) throw roleHasAttachedPolicies();
    if (role.inlinePolicies.length > 0) throw roleHasInlinePolicies();
    roles(ctx.sandbox, ctx).delete(nameKey(role.roleName));
    return {};
  },
});
