// ListWorkGroups: every workgroup of the account and region, `primary` included, by name; MaxResults up
// to 50 (the default).

import { defineOperation } from '../../definition.js';
import { struct } from '../../../protocols/shapes.js';
import { page } from '../paging.js';
import { maxResults, token } from '../shapes.js';
import { PRIMARY, workGroups } from '../store.js';
import { findWorkGroup, workGroupSummary } from '../workgroups.js';

const input = struct({ NextToken: token, MaxResults: maxResults(1, 50) });

export const listWorkGroups = defineOperation<{ NextToken?: string; MaxResults?: number }>({
  name: 'ListWorkGroups',
  input,
  handler(input, ctx) {
    findWorkGroup(ctx.sandbox, ctx, PRIMARY);
    const all = workGroups(ctx.sandbox, ctx)
      .values()
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const { items, next } = page(all, input.NextToken, input.MaxResults ?? 50, 'workgroups');
    return { WorkGroups: items.map(workGroupSummary), NextToken: next };
  },
});
