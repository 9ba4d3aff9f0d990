// CreateLogGroup: a new, empty log group (names are unique per account and region).

import { defineOperation } from '../../definition.js';
import { bool, map, str, struct } from '../../../protocols/shapes.js';
import { groupName } from '../shapes.js';
import { logGroups, newGroup } from '../store.js';
import { groupExists } from '../errors.js';

const input = struct({
  logGroupName: groupName(true),
  kmsKeyId: str({ max: 256 }),
  tags: map(str({ min: 1, max: 128 }), str({ max: 256 }), { min: 1, max: 50 }),
  logGroupClass: str({ enum: ['STANDARD', 'INFREQUENT_ACCESS', 'DELIVERY'] }),
  deletionProtectionEnabled: bool(),
});

export const createLogGroup = defineOperation<{ logGroupName: string; tags?: Record<string, string> }>({
  name: 'CreateLogGroup',
  input,
  handler(input, ctx) {
    const groups = logGroups(ctx.sandbox, ctx);
    if (groups.has(input.logGroupName)) throw groupExists();
    groups.set(input.logGroupName, newGroup(input.logGroupName, ctx.clock.now(), input.tags));
    return {};
  },
});
