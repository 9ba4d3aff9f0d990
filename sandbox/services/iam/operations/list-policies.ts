// ListPolicies: AWS managed and/or the account's policies (Scope), optionally only attached ones,
// under a path prefix, a page at a time.

import { defineOperation } from '../../definition.js';
import { bool, str, struct } from '../../../protocols/shapes.js';
import { attachmentCounts, listPolicies as allPolicies, policyView, type ManagedPolicy } from '../model.js';
import { paginate, sortedBy } from '../pagination.js';
import { marker, maxItems, policyPath } from '../shapes.js';

interface Input {
  Scope?: 'All' | 'AWS' | 'Local';
  OnlyAttached?: boolean;
  PathPrefix?: string;
  Marker?: string;
  MaxItems?: number;
}

const key = (p: ManagedPolicy) => `${p.policyName.toLowerCase()}\u0000${p.arn}`;

export const listPolicies = defineOperation<Input>({
  name: 'ListPolicies',
  input: struct({
    Scope: str({ enum: ['All', 'AWS', 'Local'] }),
    OnlyAttached: bool(),
    PathPrefix: policyPath(),
    PolicyUsageFilter: str({ enum: ['PermissionsPolicy', 'PermissionsBoundary'] }),
    Marker: marker(),
    MaxItems: maxItems(),
  }),
  handler(input, ctx) {
    const counts = attachmentCounts(ctx.sandbox, ctx);
    const prefix = input.PathPrefix ?? '/';
    const matching = allPolicies(ctx.sandbox, ctx, input.Scope ?? 'All').filter(
      (p) => p.path.startsWith(prefix) && (!input.OnlyAttached || (counts.get(p.arn) ?? 0) > 0),
    );
    const page = paginate(sortedBy(matching, key), key, input.Marker, input.MaxItems);
    return {
      Policies: page.items.map((p) => policyView(p, counts.get(p.arn) ?? 0, { full: false })),
      IsTruncated: page.IsTruncated,
      Marker: page.Marker,
    };
  },
});
