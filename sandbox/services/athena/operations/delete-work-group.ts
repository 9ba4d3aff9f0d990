// DeleteWorkGroup: refused for `primary`, and for a workgroup that still holds named queries or query
// executions unless RecursiveDeleteOption deletes them with it.

import { defineOperation } from '../../definition.js';
import { bool, struct } from '../../../protocols/shapes.js';
import { primaryNotDeletable, workGroupNotEmpty } from '../errors.js';
import { workGroupName } from '../shapes.js';
import { executions, namedQueries, PRIMARY, workGroups } from '../store.js';
import { requireWorkGroup } from '../workgroups.js';

const input = struct({ WorkGroup: workGroupName(true), RecursiveDeleteOption: bool() });

export const deleteWorkGroup = defineOperation<{ WorkGroup: string; RecursiveDeleteOption?: boolean }>({
  name: 'DeleteWorkGroup',
  input,
  handler(input, ctx) {
    if (input.WorkGroup === PRIMARY) throw primaryNotDeletable();
    const wg = requireWorkGroup(ctx.sandbox, ctx, input.WorkGroup);
    const named = namedQueries(ctx.sandbox, ctx);
    const runs = executions(ctx.sandbox, ctx);
    const ownNamed = named.values().filter((q) => q.workGroup === wg.name);
    const ownRuns = runs.values().filter((q) => q.workGroup === wg.name);
    if ((ownNamed.length > 0 || ownRuns.length > 0) && !input.RecursiveDeleteOption) throw workGroupNotEmpty(wg.name);
    for (const q of ownNamed) named.delete(q.id);
    for (const q of ownRuns) runs.delete(q.id);
    workGroups(ctx.sandbox, ctx).delete(wg.name);
    return {};
  },
});
