// GetShardIterator: an iterator at TRIM_HORIZON, LATEST, AT/AFTER_SEQUENCE_NUMBER or AT_TIMESTAMP.

import { defineOperation } from '../../definition.js';
import { str, struct, timestamp } from '../../../protocols/shapes.js';
import type { RequestContext } from '../../../edge/context.js';
import {
  invalidStartingSequence,
  iteratorNeedsSequence,
  iteratorNeedsTimestamp,
  iteratorTakesNoSequence,
  sequenceOfOtherShard,
  shardNotFound,
  timestampInFuture,
} from '../errors.js';
import { decodeSequence } from '../sequence-numbers.js';
import { encodeIterator, type ReadPosition } from '../shard-iterator.js';
import { refOf, requireStream, runtime, shardIdFor, type ShardMeta, type StreamMeta } from '../store.js';
import { sequenceNumber, shardId, streamTarget, type StreamTarget } from '../shapes.js';

const TYPES = ['AT_SEQUENCE_NUMBER', 'AFTER_SEQUENCE_NUMBER', 'TRIM_HORIZON', 'LATEST', 'AT_TIMESTAMP'] as const;
type IteratorType = (typeof TYPES)[number];

const input = struct({
  ...streamTarget(),
  ShardId: shardId({ required: true }),
  ShardIteratorType: str({ required: true, enum: TYPES }),
  StartingSequenceNumber: sequenceNumber(),
  Timestamp: timestamp(),
});

interface Input extends StreamTarget {
  ShardId: string;
  ShardIteratorType: IteratorType;
  StartingSequenceNumber?: string;
  Timestamp?: Date;
}

/** A shard id as Kinesis reads it: the number after the last hyphen (`shardId-1`, `anything-000000000001`). */
export function canonicalShardId(id: string): string {
  const m = /^(?:.*-)?(\d{1,12})$/.exec(id);
  return m ? shardIdFor(Number(m[1])) : id;
}

export function findShard(stream: StreamMeta, id: string): ShardMeta | undefined {
  const canonical = canonicalShardId(id);
  return stream.shards.find((s) => s.shardId === canonical);
}

/** Where a new iterator of `type` starts, in the terms the log reads. */
export function startPosition(stream: StreamMeta, shard: ShardMeta, input: Omit<Input, 'ShardId'>, ctx: Pick<RequestContext, 'sandbox' | 'clock'>): ReadPosition {
  const type = input.ShardIteratorType;
  const seq = input.StartingSequenceNumber;
  if (type === 'AT_SEQUENCE_NUMBER' || type === 'AFTER_SEQUENCE_NUMBER') {
    if (seq === undefined) throw iteratorNeedsSequence(type);
    const parts = decodeSequence(seq);
    if (!parts) throw invalidStartingSequence(refOf(stream), shard.shardId, seq);
    if (parts.shardIndex !== shard.index) throw sequenceOfOtherShard(shardIdFor(parts.shardIndex), shard.shardId);
    return { kind: type === 'AT_SEQUENCE_NUMBER' ? 'at' : 'after', seq };
  }
  if (seq !== undefined) throw iteratorTakesNoSequence(type);
  if (type === 'TRIM_HORIZON') return { kind: 'start' };
  if (type === 'LATEST') {
    const last = runtime(ctx.sandbox).log(stream, shard.shardId).last;
    return { kind: 'after', seq: shard.endSeq ?? last?.sequenceNumber ?? shard.startSeq };
  }
  if (!input.Timestamp) throw iteratorNeedsTimestamp();
  const ts = input.Timestamp.getTime();
  const now = ctx.clock.now();
  if (ts > now) throw timestampInFuture(ts, now);
  return { kind: 'time', time: ts };
}

export const getShardIterator = defineOperation<Input>({
  name: 'GetShardIterator',
  input,
  handler(input, ctx) {
    const stream = requireStream(ctx, input, 'readable');
    const shard = findShard(stream, input.ShardId);
    if (!shard) throw shardNotFound(refOf(stream), canonicalShardId(input.ShardId));
    const position = startPosition(stream, shard, input, ctx);
    return {
      ShardIterator: encodeIterator({
        accountId: stream.accountId,
        region: stream.region,
        streamName: stream.name,
        streamCreatedAt: stream.createdAt,
        shardId: shard.shardId,
        position,
        issuedAt: ctx.clock.now(),
      }),
    };
  },
});
