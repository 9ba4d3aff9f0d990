// Resharding as UpdateShardCount, SplitShard and MergeShards share it: the parents close with an ending
// sequence number above every record they hold, the children take the next shard indexes and open now,
// and the stream is UPDATING for the provisioning delay. Records keep flowing: closed shards stay
// readable to their end, new records hash to the open children.

import type { RequestContext } from '../../edge/context.js';
import type { HashRange } from './hash-keys.js';
import { encodeSequence } from './sequence-numbers.js';
import { onDemandResharding, shardAlreadyClosed, shardNotFoundForList } from './errors.js';
import { canonicalShardId } from './operations/get-shard-iterator.js';
import type { StreamTarget } from './shapes.js';
import {
  provisioningDelay,
  refOf,
  requireStream,
  runtime,
  saveStream,
  shardIdFor,
  startingSequence,
  targetRef,
  type ShardMeta,
  type StreamMeta,
} from './store.js';

/** A shard to open: its hash-key range and the one or two shards it succeeds (parent, then adjacent parent). */
export interface ChildPlan {
  range: HashRange;
  parents: ShardMeta[];
}

export const isOpen = (shard: ShardMeta) => shard.endSeq === undefined;

export const hashRangeOf = (shard: ShardMeta): HashRange => ({ start: BigInt(shard.hashStart), end: BigInt(shard.hashEnd) });

/**
 * The ACTIVE, PROVISIONED stream and the open shards SplitShard or MergeShards names, checked in
 * Kinesis's order: shard ids it cannot read (before the stream is looked up), the stream and its
 * state, shards the stream does not have, then shards already closed.
 */
export function requireOpenShards(
  ctx: RequestContext,
  input: StreamTarget,
  shardIds: string[],
  operation: 'SplitShard' | 'MergeShards',
): { stream: StreamMeta; shards: ShardMeta[] } {
  const named = targetRef(ctx, input);
  const canonical = shardIds.map((id) => {
    const c = canonicalShardId(id);
    if (!c) throw shardNotFoundForList(named, id);
    return c;
  });
  const stream = requireStream(ctx, input, 'active');
  const ref = refOf(stream);
  if (stream.mode === 'ON_DEMAND') throw onDemandResharding(operation, ref);
  const shards = canonical.map((id) => {
    const shard = stream.shards.find((s) => s.shardId === id);
    if (!shard) throw shardNotFoundForList(ref, id);
    return shard;
  });
  const closed = shards.find((s) => !isOpen(s));
  if (closed) throw shardAlreadyClosed(ref, closed.shardId);
  return { stream, shards };
}

/** Closes `closing` and opens `children` in one saved change of `stream`; returns the stream as saved. */
export function reshard(ctx: Pick<RequestContext, 'sandbox' | 'clock'>, stream: StreamMeta, closing: ShardMeta[], children: ChildPlan[]): StreamMeta {
  const now = ctx.clock.now();
  const rt = runtime(ctx.sandbox);
  const closed = new Map<string, ShardMeta>();
  for (const shard of closing) {
    // The stream-wide counter only grows, so this number is above every record the shard holds.
    const endSeq = encodeSequence({ shardCreatedAt: shard.createdAt, shardIndex: shard.index, counter: rt.nextCounter(stream), time: now });
    closed.set(shard.shardId, { ...shard, endSeq, closedAt: now });
  }
  let nextIndex = Math.max(...stream.shards.map((s) => s.index)) + 1;
  const opened = children.map(({ range, parents }): ShardMeta => {
    const index = nextIndex++;
    return {
      shardId: shardIdFor(index),
      index,
      hashStart: range.start.toString(),
      hashEnd: range.end.toString(),
      startSeq: startingSequence(now, index),
      parentShardId: parents[0]?.shardId,
      adjacentParentShardId: parents[1]?.shardId,
      createdAt: now,
    };
  });
  const updated: StreamMeta = {
    ...stream,
    shards: [...stream.shards.map((s) => closed.get(s.shardId) ?? s), ...opened],
    busyUntil: now + provisioningDelay(ctx.sandbox),
    busyStatus: 'UPDATING',
  };
  saveStream(ctx.sandbox, updated);
  return updated;
}
