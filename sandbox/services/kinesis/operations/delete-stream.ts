// DeleteStream: DELETING for provisioningDelayMs, then gone with all its records. Like AWS, a stream
// may be deleted in any state, CREATING included.

import { defineOperation } from '../../definition.js';
import { bool, struct } from '../../../protocols/shapes.js';
import { provisioningDelay, removeStream, requireStream, saveStream } from '../store.js';
import { streamTarget, type StreamTarget } from '../shapes.js';
import { emptyResult } from '../empty-result.js';

export const deleteStream = defineOperation<StreamTarget>({
  name: 'DeleteStream',
  input: struct({ ...streamTarget(), EnforceConsumerDeletion: bool() }),
  handler(input, ctx) {
    const stream = requireStream(ctx, input, 'exists');
    const deleted = { ...stream, deletedAt: stream.deletedAt ?? ctx.clock.now() };
    if (provisioningDelay(ctx.sandbox) === 0) removeStream(ctx.sandbox, deleted);
    else saveStream(ctx.sandbox, deleted);
    return emptyResult(ctx);
  },
});
