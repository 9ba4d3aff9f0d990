// TagRole: adds tags to a role, replacing the values of keys it already has.

import { defineOperation } from '../../definition.js';
import { struct } from '../../../protocols/shapes.js';
import { mergeTags, requireRole, updateRole } from '../model.js';
import { roleName, tags } from '../shapes.js';
import type { Tag } from '../store.js';

export const tagRole = defineOperation<{ RoleName: string; Tags: Tag[] }>({
  name: 'TagRole',
  input: struct({ RoleName: roleName(), Tags: tags(true) }),
  handler(input, ctx) {
    const role = requireRole(ctx.sandbox, ctx, input.RoleName);
    updateRole(ctx.sandbox, ctx, role, { tags: mergeTags(role.tags, input.Tags) });
    return {};
  },
});
