// UntagRole: removes tags from a role by key (keys compare without case); absent keys are ignored.

import { defineOperation } from '../../definition.js';
import { list, struct } from '../../../protocols/shapes.js';
import { requireRole, updateRole } from '../model.js';
import { roleName, tagKey } from '../shapes.js';

export const untagRole = defineOperation<{ RoleName: string; TagKeys: string[] }>({
  name: 'UntagRole',
  input: struct({ RoleName: roleName(), TagKeys: list(tagKey(), { required: true, max: 50 }) }),
  handler(input, ctx) {
    const role = requireRole(ctx.sandbox, ctx, input.RoleName);
    const removed = new Set(input.TagKeys.map((k) => k.toLowerCase()));
    updateRole(ctx.sandbox, ctx, role, { tags: role.tags.filter((t) => !removed.has(t.Key.toLowerCase())) });
    return {};
  },
});
