// PutRecords: up to 500 records in one call; each succeeds or fails on its own (FailedRecordCount).

import { defineOperation } from '../../definition.js';
import { blob, list, str, struct } from '../../../protocols/shapes.js';
import { rateExceededMessage } from '../errors.js';
import { appendRecords, checkEntries, MAX_RECORD_BYTES, type PutEntry } from '../records.js';
import { refOf, requireStream } from '../store.js';
import { publishMetrics } from '../metrics.js';
import { hashKey, streamTarget, type StreamTarget } from '../shapes.js';

const input = struct({
  ...streamTarget(),
  Records: list(
    struct({
      Data: blob({ required: true, min: 0, max: MAX_RECORD_BYTES }),
      ExplicitHashKey: hashKey(),
      PartitionKey: str({ required: true, min: 1, max: 256 }),
    }),
    { required: true, min: 1, max: 500 },
  ),
});

export const putRecords = defineOperation<StreamTarget & { Records: PutEntry[] }>({
  name: 'PutRecords',
  input,
  readOnly: false,
  handler(input, ctx) {
    const started = performance.now();
    const stream = requireStream(ctx, input, 'readable');
    checkEntries(stream, input.Records, true);
    const appended = appendRecords(ctx.sandbox, stream, input.Records, ctx.clock.now());
    let failed = 0;
    let bytes = 0;
    const records = appended.map((a, i) => {
      if (a.sequenceNumber === undefined) {
        failed++;
        return { ErrorCode: 'ProvisionedThroughputExceededException', ErrorMessage: rateExceededMessage(refOf(stream), a.shardId) };
      }
      bytes += input.Records[i].Data.length;
      return { SequenceNumber: a.sequenceNumber, ShardId: a.shardId };
    });
    const succeeded = records.length - failed;
    publishMetrics(ctx.sandbox, ctx, stream.name, [
      ['IncomingRecords', succeeded, 'Count'],
      ['IncomingBytes', bytes, 'Bytes'],
      ['PutRecords.Success', succeeded > 0 ? 1 : 0, 'Count'],
      ['PutRecords.Records', succeeded, 'Count'],
      ['PutRecords.TotalRecords', records.length, 'Count'],
      ['PutRecords.SuccessfulRecords', succeeded, 'Count'],
      ['PutRecords.FailedRecords', 0, 'Count'],
      ['PutRecords.ThrottledRecords', failed, 'Count'],
      ['PutRecords.Bytes', bytes, 'Bytes'],
      ['PutRecords.Latency', performance.now() - started, 'Milliseconds'],
      ['WriteProvisionedThroughputExceeded', failed, 'Count'],
    ]);
    return { FailedRecordCount: failed, Records: records };
  },
});
