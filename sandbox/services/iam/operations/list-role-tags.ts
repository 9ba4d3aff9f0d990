// ListRoleTags: a role's tags, a page at a time.

import { defineOperation } from '../../definition.js';
import { struct } from '../../../protocols/shapes.js';
import { requireRole } from '../model.js';
import { paginate, sortedBy } from '../pagination.js';
import { marker, maxItems, roleName } from '../shapes.js';
import type { Tag } from '../store.js';

const key = (t: Tag) => t.Key.toLowerCase();

export const listRoleTags = defineOperation<{ RoleName: string; Marker?: string; MaxItems?: number }>({
  name: 'ListRoleTags',
  input: struct({ RoleName: roleName(), Marker: marker(), MaxItems: maxItems() }),
  handler(input, ctx) {
    const role = requireRole(ctx.sandbox, ctx, input.RoleName);
    const page = paginate(sortedBy(role.tags, key), key, input.Marker, input.MaxItems);
    return { Tags: page.items, IsTruncated: page.IsTruncated, Marker: page.Marker };
  },
});
