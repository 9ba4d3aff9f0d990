// PutRetentionPolicy: events older than the retention are no longer returned (applied when read).

import { defineOperation } from '../../definition.js';
import { int, struct } from '../../../protocols/shapes.js';
import { findGroup, groupName } from '../shapes.js';
import { logGroups } from '../store.js';
import { invalidRetention } from '../errors.js';

const DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653] as const;

export const putRetentionPolicy = defineOperation<{ logGroupName: string; retentionInDays: number }>({
  name: 'PutRetentionPolicy',
  input: struct({ logGroupName: groupName(true), retentionInDays: int({ required: true }) }),
  handler(input, ctx) {
    if (!(DAYS as readonly number[]).includes(input.retentionInDays)) throw invalidRetention(input.retentionInDays, DAYS);
    const group = findGroup(ctx, input);
    logGroups(ctx.sandbox, ctx).set(group.logGroupName, { ...group, retentionInDays: input.retentionInDays });
    return {};
  },
});
