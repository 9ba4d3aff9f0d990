// DeleteLogStream: the stream and its events.

import { defineOperation } from '../../definition.js';
import { struct } from '../../../protocols/shapes.js';
import { findGroup, findStream, groupName, streamName } from '../shapes.js';
import { deleteStream } from '../store.js';

export const deleteLogStream = defineOperation<{ logGroupName: string; logStreamName: string }>({
  name: 'DeleteLogStream',
  input: struct({ logGroupName: groupName(true), logStreamName: streamName(true) }),
  handler(input, ctx) {
    const group = findGroup(ctx, input);
    deleteStream(ctx.sandbox, ctx, group.logGroupName, findStream(ctx, group.logGroupName, input.logStreamName));
    return {};
  },
});
