// PutRecord: one record onto the shard its partition key (or ExplicitHashKey) hashes to.

import { defineOperation } from '../../definition.js';
import { blob, str, struct } from '../../../protocols/shapes.js';
import { invalidOrderingSequence, rateExceeded } from '../errors.js';
import { decodeSequence } from '../sequence-numbers.js';
import { appendRecords, checkEntries, MAX_RECORD_BYTES, type PutEntry } from '../records.js';
import { refOf, requireStream } from '../store.js';
import { publishMetrics } from '../metrics.js';
import { sequenceNumber, streamTarget, type StreamTarget } from '../shapes.js';

const input = struct({
  ...streamTarget(),
  Data: blob({ required: true, min: 0, max: MAX_RECORD_BYTES }),
  PartitionKey: str({ required: true, min: 1, max: 256 }),
  ExplicitHashKey: str({ pattern: '0|([1-9]\\d{0,38})' }),
  SequenceNumberForOrdering: sequenceNumber(),
});

type Input = StreamTarget & PutEntry & { SequenceNumberForOrdering?: string };

export const putRecord = defineOperation<Input>({
  name: 'PutRecord',
  input,
  readOnly: false,
  handler(input, ctx) {
    const started = performance.now();
    const stream = requireStream(ctx, input, 'readable');
    if (input.SequenceNumberForOrdering !== undefined && !decodeSequence(input.SequenceNumberForOrdering)) {
      throw invalidOrderingSequence(refOf(stream), input.SequenceNumberForOrdering);
    }
    const entry = { Data: input.Data, PartitionKey: input.PartitionKey, ExplicitHashKey: input.ExplicitHashKey };
    checkEntries([entry], false);
    const now = ctx.clock.now();
    const [result] = appendRecords(ctx.sandbox, stream, [entry], now);
    if (result.sequenceNumber === undefined) {
      publishMetrics(ctx.sandbox, ctx, stream.name, [['WriteProvisionedThroughputExceeded', 1, 'Count']]);
      throw rateExceeded(refOf(stream), result.shardId);
    }
    const bytes = entry.Data.length;
    publishMetrics(ctx.sandbox, ctx, stream.name, [
      ['IncomingRecords', 1, 'Count'],
      ['IncomingBytes', bytes, 'Bytes'],
      ['PutRecord.Success', 1, 'Count'],
      ['PutRecord.Bytes', bytes, 'Bytes'],
      ['PutRecord.Latency', performance.now() - started, 'Milliseconds'],
      ['WriteProvisionedThroughputExceeded', 0, 'Count'],
    ]);
    return { ShardId: result.shardId, SequenceNumber: result.sequenceNumber };
  },
});
