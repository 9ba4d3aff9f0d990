// DeleteLogGroup: the group, its streams and all their events.

import { defineOperation } from '../../definition.js';
import { struct } from '../../../protocols/shapes.js';
import { groupName } from '../shapes.js';
import { deleteStream, logGroups, streamsOf } from '../store.js';
import { groupNotFound } from '../errors.js';

export const deleteLogGroup = defineOperation<{ logGroupName: string }>({
  name: 'DeleteLogGroup',
  input: struct({ logGroupName: groupName(true) }),
  handler(input, ctx) {
    const groups = logGroups(ctx.sandbox, ctx);
    if (!groups.has(input.logGroupName)) throw groupNotFound();
    for (const stream of streamsOf(ctx.sandbox, ctx, input.logGroupName)) deleteStream(ctx.sandbox, ctx, input.logGroupName, stream);
    groups.delete(input.logGroupName);
    return {};
  },
});
