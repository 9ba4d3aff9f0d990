// ListNamedQueries: the ids of a workgroup's saved queries (primary by default), oldest first, up to 50 a page.

import { defineOperation } from '../../definition.js';
import { struct } from '../../../protocols/shapes.js';
import { workGroupNotFoundUnnamed } from '../errors.js';
import { page } from '../paging.js';
import { maxResults, token, workGroupName } from '../shapes.js';
import { namedQueries, PRIMARY } from '../store.js';
import { requireWorkGroup } from '../workgroups.js';

const input = struct({ NextToken: token, MaxResults: maxResults(0, 50), WorkGroup: workGroupName() });

export const listNamedQueries = defineOperation<{ NextToken?: string; MaxResults?: number; WorkGroup?: string }>({
  name: 'ListNamedQueries',
  input,
  handler(input, ctx) {
    const wg = requireWorkGroup(ctx.sandbox, ctx, input.WorkGroup ?? PRIMARY, workGroupNotFoundUnnamed);
    const ids = namedQueries(ctx.sandbox, ctx)
      .values()
      .filter((q) => q.workGroup === wg.name)
      .map((q) => q.id);
    const { items, next } = page(ids, input.NextToken, input.MaxResults || 50, `named/${wg.name}`);
    return { NamedQueryIds: items, NextToken: next };
  },
});
