// PutRecordBatch: up to 500 records, 1,000 KiB each, 4 MiB per call. All records of a batch are accepted
// together (the sandbox has no partial failures), so FailedPutCount is 0 and every entry has a RecordId.

import { performance } from 'node:perf_hooks';
import { defineOperation } from '../../definition.js';
import { blob, list, struct } from '../../../protocols/shapes.js';
import { deliveryStreamName } from '../shapes.js';
import { batchTooLarge } from '../errors.js';
import { ingest } from '../ingest.js';
import { MAX_RECORD_BYTES } from './put-record.js';

const MAX_BATCH_BYTES = 4 * 1024 * 1024;

const input = struct({
  DeliveryStreamName: deliveryStreamName(),
  Records: list(struct({ Data: blob({ required: true, min: 0, max: MAX_RECORD_BYTES }) }), { required: true, min: 1, max: 500 }),
});

export const putRecordBatch = defineOperation<{ DeliveryStreamName: string; Records: { Data: Buffer }[] }>({
  name: 'PutRecordBatch',
  input,
  readOnly: false,
  handler(input, ctx) {
    const startedAt = performance.now();
    const data = input.Records.map((r) => r.Data);
    if (data.reduce((n, d) => n + d.length, 0) > MAX_BATCH_BYTES) throw batchTooLarge(MAX_BATCH_BYTES);
    const { recordIds, encrypted } = ingest(ctx.sandbox, ctx, input.DeliveryStreamName, data, 'PutRecordBatch', startedAt);
    return { FailedPutCount: 0, Encrypted: encrypted, RequestResponses: recordIds.map((RecordId) => ({ RecordId })) };
  },
});
