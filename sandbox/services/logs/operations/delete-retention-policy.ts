// DeleteRetentionPolicy: the group keeps its events forever again.

import { defineOperation } from '../../definition.js';
import { struct } from '../../../protocols/shapes.js';
import { findGroup, groupName } from '../shapes.js';
import { logGroups } from '../store.js';

export const deleteRetentionPolicy = defineOperation<{ logGroupName: string }>({
  name: 'DeleteRetentionPolicy',
  input: struct({ logGroupName: groupName(true) }),
  handler(input, ctx) {
    const { retentionInDays: _, ...group } = findGroup(ctx, input);
    logGroups(ctx.sandbox, ctx).set(group.logGroupName, group);
    return {};
  },
});
