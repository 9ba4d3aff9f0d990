// ListQueryExecutions: the ids of a workgroup's queries (primary by default), newest first, up to 50 a page.

import { defineOperation } from '../../definition.js';
import { struct } from '../../../protocols/shapes.js';
import { workGroupNotFoundUnnamed } from '../errors.js';
import { page } from '../paging.js';
import { maxResults, token, workGroupName } from '../shapes.js';
import { executions, PRIMARY } from '../store.js';
import { requireWorkGroup } from '../workgroups.js';

const input = struct({ NextToken: token, MaxResults: maxResults(0, 50), WorkGroup: workGroupName() });

export const listQueryExecutions = defineOperation<{ NextToken?: string; MaxResults?: number; WorkGroup?: string }>({
  name: 'ListQueryExecutions',
  input,
  handler(input, ctx) {
    const wg = requireWorkGroup(ctx.sandbox, ctx, input.WorkGroup ?? PRIMARY, workGroupNotFoundUnnamed);
    const records = executions(ctx.sandbox, ctx)
      .values()
      .filter((r) => r.workGroup === wg.name)
      .reverse()
      .sort((a, b) => b.submittedAt - a.submittedAt);
    const { items, next } = page(records, input.NextToken, input.MaxResults || 50, `executions/${wg.name}`);
    return { QueryExecutionIds: items.map((r) => r.id), NextToken: next };
  },
});
