// PutRecord: one record onto the shard its partition key (or ExplicitHashKey) hashes to.

import { defineOperation } from '../../definition.js';
import { blob, str, struct } from '../../../protocols/shapes.js';
import { invalidOrderingSequence, rateExceeded } from '../errors.js';
import { readSequence } from '../sequence-numbers.js';
import { appendRecords, checkEntries, MAX_RECORD_BYTES, type PutEntry } from '../records.js';
import type { Principal } from '../../../edge/context.js';
import type { Sandbox } from '../../../sandbox.js';
import { refOf, requireStream, type StreamMeta } from '../store.js';
import { publishMetrics } from '../metrics.js';
import { hashKey, sequenceNumber, streamTarget, type StreamTarget } from '../shapes.js';

const input = struct({
  ...streamTarget(),
  Data: blob({ required: true, min: 0, max: MAX_RECORD_BYTES }),
  PartitionKey: str({ required: true, min: 1, max: 256 }),
  ExplicitHashKey: hashKey(),
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
    const ordering = input.SequenceNumberForOrdering;
    if (ordering !== undefined) {
      const parts = readSequence(ordering);
      if (!parts || (parts.time ?? 0) > ctx.clock.now()) throw invalidOrderingSequence(refOf(stream), ordering);
    }
    const entry = { Data: input.Data, PartitionKey: input.PartitionKey, ExplicitHashKey: input.ExplicitHashKey };
    return putOneRecord(ctx.sandbox, ctx, stream, entry, started);
  },
});

/** Appends one record with PutRecord's checks and metrics (shared by the operation and the in-process API). */
export function putOneRecord(sandbox: Sandbox, owner: Principal, stream: StreamMeta, entry: PutEntry, started: number): { ShardId: string; SequenceNumber: string } {
  checkEntries(stream, [entry], false);
  const now = owner.clock.now();
  const [result] = appendRecords(sandbox, stream, [entry], now);
  if (result.sequenceNumber === undefined) {
    publishMetrics(sandbox, owner, stream.name, [['WriteProvisionedThroughputExceeded', 1, 'Count']]);
    throw rateExceeded(refOf(stream), result.shardId);
  }
  const bytes = entry.Data.length;
  publishMetrics(sandbox, owner, stream.name, [
    ['IncomingRecords', 1, 'Count'],
    ['IncomingBytes', bytes, 'Bytes'],
    ['PutRecord.Success', 1, 'Count'],
    ['PutRecord.Bytes', bytes, 'Bytes'],
    ['PutRecord.Latency', performance.now() - started, 'Milliseconds'],
    ['WriteProvisionedThroughputExceeded', 0, 'Count'],
  ]);
  return { ShardId: result.shardId, SequenceNumber: result.sequenceNumber };
}
