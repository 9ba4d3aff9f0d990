// ListRoles: the account's roles under a path prefix, a page at a time (Marker/MaxItems).

import { defineOperation } from '../../definition.js';
import { struct } from '../../../protocols/shapes.js';
import { roleView } from '../model.js';
import { paginate, sortedBy } from '../pagination.js';
import { marker, maxItems, rolePathPrefix } from '../shapes.js';
import { nameKey, roles, type RoleRecord } from '../store.js';

interface Input {
  PathPrefix?: string;
  Marker?: string;
  MaxItems?: number;
}

const key = (role: RoleRecord) => nameKey(role.roleName);

export const listRoles = defineOperation<Input>({
  name: 'ListRoles',
  input: struct({ PathPrefix: rolePathPrefix(), Marker: marker(), MaxItems: maxItems() }),
  handler(input, ctx) {
    const prefix = input.PathPrefix ?? '/';
    const matching = roles(ctx.sandbox, ctx).values().filter((r) => r.path.startsWith(prefix));
    const page = paginate(sortedBy(matching, key), key, input.Marker, input.MaxItems);
    return { Roles: page.items.map((r) => roleView(r, { full: false })), IsTruncated: page.IsTruncated, Marker: page.Marker };
  },
});
