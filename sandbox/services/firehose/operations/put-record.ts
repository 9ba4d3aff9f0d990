// PutRecord: one record (up to 1,000 KiB) into a DirectPut stream's buffer.

import { performance } from 'node:perf_hooks';
import { defineOperation } from '../../definition.js';
import { blob, struct } from '../../../protocols/shapes.js';
import { deliveryStreamName } from '../shapes.js';
import { ingest } from '../ingest.js';

export const MAX_RECORD_BYTES = 1_024_000;

const input = struct({
  DeliveryStreamName: deliveryStreamName(),
  Record: struct({ Data: blob({ required: true, min: 0, max: MAX_RECORD_BYTES }) }, { required: true }),
});

export const putRecord = defineOperation<{ DeliveryStreamName: string; Record: { Data: Buffer } }>({
  name: 'PutRecord',
  input,
  readOnly: false,
  handler(input, ctx) {
    const startedAt = performance.now();
    const { recordIds, encrypted } = ingest(ctx.sandbox, ctx, input.DeliveryStreamName, [input.Record.Data], 'PutRecord', startedAt);
    return { RecordId: recordIds[0], Encrypted: encrypted };
  },
});
