// ListRolePolicies: the names of a role's inline policies, a page at a time.

import { defineOperation } from '../../definition.js';
import { struct } from '../../../protocols/shapes.js';
import { requireRole } from '../model.js';
import { paginate, sortedBy } from '../pagination.js';
import { marker, maxItems, roleName } from '../shapes.js';

export const listRolePolicies = defineOperation<{ RoleName: string; Marker?: string; MaxItems?: number }>({
  name: 'ListRolePolicies',
  input: struct({ RoleName: roleName(), Marker: marker(), MaxItems: maxItems() }),
  handler(input, ctx) {
    const names = requireRole(ctx.sandbox, ctx, input.RoleName).inlinePolicies.map((p) => p.name);
    const page = paginate(sortedBy(names, (n) => n), (n) => n, input.Marker, input.MaxItems);
    return { PolicyNames: page.items, IsTruncated: page.IsTruncated, Marker: page.Marker };
  },
});
