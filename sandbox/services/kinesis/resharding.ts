// Resharding as UpdateShardCount, SplitShard and MergeShards share it: the stream is UPDATING for the
// provisioning delay, then the parents close with an ending sequence number and the children open
// (store.ts settles the plan). Records keep flowing: closed shards stay readable to their end, new
// records hash to the open children.

import type { RequestContext } from '../../edge/context.js';
import type { HashRange } from './hash-keys.js';
import { onDemandResharding, shardAlreadyClosed, shardNotFoundForList } from './errors.js';
import type { StreamTarget } from './shapes.js';
import {
  isOpen,
  provisioningDelay,
  readShardId,
  refOf,
  requireStream,
  saveStream,
  settleReshard,
  targetRef,
  type ShardMeta,
  type StreamMeta,
} from './store.js';

/** A shard to open: its hash-key range and the one or two shards it succeeds (parent, then adjacent parent). */
export interface ChildPlan {
  range: HashRange;
  parents: ShardMeta[];
}

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
  const canonical = shardIds.map((id) => readShardId(named, id));
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

/**
 * Closes `closing` and opens `children` when the stream's UPDATING ends, as AWS does: until then the
 * old shards stay open and take writes. Returns the stream as saved.
 */
export function reshard(ctx: Pick<RequestContext, 'sandbox' | 'clock'>, stream: StreamMeta, closing: ShardMeta[], children: ChildPlan[]): StreamMeta {
  const updated: StreamMeta = {
    ...stream,
    busyUntil: ctx.clock.now() + provisioningDelay(ctx.sandbox),
    busyStatus: 'UPDATING',
    pendingReshard: {
      closing: closing.map((s) => s.shardId),
      children: children.map(({ range, parents }) => ({
        hashStart: range.start.toString(),
        hashEnd: range.end.toString(),
        parentShardId: parents[0]?.shardId,
        adjacentParentShardId: parents[1]?.shardId,
      })),
    },
  };
  saveStream(ctx.sandbox, updated);
  return provisioningDelay(ctx.sandbox) === 0 ? settleReshard(ctx.sandbox, updated) : updated;
}
