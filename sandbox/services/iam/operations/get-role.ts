// GetRole: one role with its trust policy (URL-encoded, as IAM returns documents), tags and last use.

import { defineOperation } from '../../definition.js';
import { struct } from '../../../protocols/shapes.js';
import { requireRole, roleView } from '../model.js';
import { roleName } from '../shapes.js';

export const getRole = defineOperation<{ RoleName: string }>({
  name: 'GetRole',
  input: struct({ RoleName: roleName() }),
  handler(input, ctx) {
    return { Role: roleView(requireRole(ctx.sandbox, ctx, input.RoleName), { full: true }) };
  },
});
