// GetShardIterator: an iterator at TRIM_HORIZON, LATEST, AT/AFTER_SEQUENCE_NUMBER or AT_TIMESTAMP.

import { defineOperation } from '../../definition.js';
import { str, struct, timestamp } from '../../../protocols/shapes.js';
import type { RequestContext } from '../../../edge/context.js';
import {
  invalidStartingSequence,
  legacySequenceFailure,
  iteratorNeedsSequence,
  iteratorNeedsTimestamp,
  iteratorTakesNoSequence,
  sequenceOfOtherShard,
  sequenceOfOtherStream,
  shardNotFound,
  timestampInFuture,
} from '../errors.js';
import { readSequence } from '../sequence-numbers.js';
import { encodeIterator, type ReadPosition } from '../shard-iterator.js';
import { lookupStream, readShardId, refOf, requireStatus, runtime, shardIdFor, targetRef, type ShardMeta, type StreamMeta } from '../store.js';
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

/**
 * The stream and shard an operation names. Kinesis looks the pair up as one key, so an unknown stream is
 * reported as an unknown shard; an id it cannot read is reported as given.
 */
export function requireShard(ctx: RequestContext, input: StreamTarget & { ShardId: string }): { stream: StreamMeta; shard: ShardMeta } {
  const ref = targetRef(ctx, input);
  const canonical = readShardId(ref, input.ShardId);
  const stream = lookupStream(ctx.sandbox, ctx, input.StreamARN ?? ref.name);
  const shard = stream?.shards.find((s) => s.shardId === canonical);
  if (!stream || !shard) throw shardNotFound(ref, canonical);
  return { stream: requireStatus(ctx, stream, 'readable'), shard };
}

/** A client's sequence number for `shard`, checked as Kinesis checks it (legacy numbers fail inside AWS). */
function checkStartingSequence(stream: StreamMeta, shard: ShardMeta, seq: string): void {
  const parts = readSequence(seq);
  if (!parts) throw invalidStartingSequence(refOf(stream), shard.shardId, seq);
  if (parts.shardIndex !== shard.index) throw sequenceOfOtherShard(shardIdFor(parts.shardIndex), shard.shardId);
  if (parts.version === 0) throw legacySequenceFailure();
  if (parts.version !== 2 || parts.shardCreatedAt !== Math.floor(shard.createdAt / 1000) * 1000) throw sequenceOfOtherStream(refOf(stream), shard.shardId, seq);
}

/** Where a new iterator of `type` starts, in the terms the log reads. */
export function startPosition(stream: StreamMeta, shard: ShardMeta, input: Omit<Input, 'ShardId'>, ctx: Pick<RequestContext, 'sandbox' | 'clock'>): ReadPosition {
  const type = input.ShardIteratorType;
  const seq = input.StartingSequenceNumber;
  if (type === 'AT_SEQUENCE_NUMBER' || type === 'AFTER_SEQUENCE_NUMBER') {
    if (seq === undefined) throw iteratorNeedsSequence(type);
    checkStartingSequence(stream, shard, seq);
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
    const { stream, shard } = requireShard(ctx, input);
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
