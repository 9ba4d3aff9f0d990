// UpdateMaxRecordSize: the largest record an ACTIVE stream takes, 1024 to 10240 KiB; the stream is
// UPDATING for the provisioning delay, and takes writes meanwhile.

import { defineOperation } from '../../definition.js';
import { int, struct } from '../../../protocols/shapes.js';
import { provisioningDelay, requireStream, saveStream } from '../store.js';
import { streamArn, streamTarget } from '../shapes.js';
import { emptyResult } from '../empty-result.js';

interface Input {
  StreamARN?: string;
  MaxRecordSizeInKiB: number;
}

export const updateMaxRecordSize = defineOperation<Input>({
  name: 'UpdateMaxRecordSize',
  input: struct({ StreamARN: streamArn(), StreamId: streamTarget().StreamId, MaxRecordSizeInKiB: int({ required: true, min: 1024, max: 10240 }) }),
  readOnly: false,
  handler(input, ctx) {
    const stream = requireStream(ctx, { StreamARN: input.StreamARN }, 'active');
    const now = ctx.clock.now();
    saveStream(ctx.sandbox, { ...stream, maxRecordSizeKiB: input.MaxRecordSizeInKiB, busyUntil: now + provisioningDelay(ctx.sandbox), busyStatus: 'UPDATING' });
    return emptyResult(ctx);
  },
});
