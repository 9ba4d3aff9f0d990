// CreateLogStream: a new, empty stream in an existing group.

import { defineOperation } from '../../definition.js';
import { struct } from '../../../protocols/shapes.js';
import { groupName, streamName } from '../shapes.js';
import { logGroups, logStreams, newStream, streamKey } from '../store.js';
import { groupNotFound, streamExists } from '../errors.js';

export const createLogStream = defineOperation<{ logGroupName: string; logStreamName: string }>({
  name: 'CreateLogStream',
  input: struct({ logGroupName: groupName(true), logStreamName: streamName(true) }),
  handler(input, ctx) {
    if (!logGroups(ctx.sandbox, ctx).has(input.logGroupName)) throw groupNotFound();
    const streams = logStreams(ctx.sandbox, ctx);
    const key = streamKey(input.logGroupName, input.logStreamName);
    if (streams.has(key)) throw streamExists();
    streams.set(key, newStream(input.logStreamName, ctx.clock.now()));
    return {};
  },
});
