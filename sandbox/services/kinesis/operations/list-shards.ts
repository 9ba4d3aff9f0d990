// ListShards: the stream's shards in order, paged by MaxResults and NextToken, narrowed by
// ExclusiveStartShardId or a ShardFilter.

import { defineOperation } from '../../definition.js';
import { int, str, struct, timestamp } from '../../../protocols/shapes.js';
import { listShardsNeedsNameOrToken, listShardsTokenAndName } from '../errors.js';
import { isOpen, requireStream, type ShardMeta } from '../store.js';
import { shardId, streamTarget, type StreamTarget } from '../shapes.js';
import { shardView, visibleShards } from '../views.js';
import { decodeToken, encodeToken } from '../next-token.js';

const MAX_PAGE = 1000;

const input = struct({
  ...streamTarget(),
  NextToken: str({ min: 1, max: 1048576 }),
  ExclusiveStartShardId: shardId(),
  MaxResults: int({ min: 1, max: 10000 }),
  StreamCreationTimestamp: timestamp(),
  ShardFilter: struct({
    Type: str({ required: true, enum: ['AFTER_SHARD_ID', 'AT_TRIM_HORIZON', 'FROM_TRIM_HORIZON', 'AT_LATEST', 'AT_TIMESTAMP', 'FROM_TIMESTAMP'] }),
    ShardId: shardId(),
    Timestamp: timestamp(),
  }),
});

interface Input extends StreamTarget {
  NextToken?: string;
  ExclusiveStartShardId?: string;
  MaxResults?: number;
  ShardFilter?: { Type: string; ShardId?: string; Timestamp?: Date };
}

/** Which shards a ShardFilter keeps. */
function filterShards(shards: ShardMeta[], filter: Input['ShardFilter'], now: number): ShardMeta[] {
  if (!filter) return shards;
  const openAt = (s: ShardMeta, t: number) => s.createdAt <= t && (s.closedAt === undefined || s.closedAt > t);
  switch (filter.Type) {
    case 'AFTER_SHARD_ID':
      return shards.filter((s) => filter.ShardId === undefined || s.shardId > filter.ShardId);
    case 'AT_LATEST':
      return shards.filter(isOpen);
    case 'AT_TIMESTAMP':
      return shards.filter((s) => openAt(s, filter.Timestamp?.getTime() ?? now));
    case 'FROM_TIMESTAMP': {
      const t = filter.Timestamp?.getTime() ?? now;
      return shards.filter((s) => s.closedAt === undefined || s.closedAt > t);
    }
    case 'AT_TRIM_HORIZON': {
      // The shards a reader starting at the oldest data begins with: those without a visible parent.
      const ids = new Set(shards.map((s) => s.shardId));
      return shards.filter((s) => !(s.parentShardId && ids.has(s.parentShardId)) && !(s.adjacentParentShardId && ids.has(s.adjacentParentShardId)));
    }
    default:
      return shards;
  }
}

export const listShards = defineOperation<Input>({
  name: 'ListShards',
  input,
  handler(input, ctx) {
    const now = ctx.clock.now();
    if (input.NextToken && (input.StreamName || input.StreamARN)) throw listShardsTokenAndName();
    if (!input.NextToken && !input.StreamName && !input.StreamARN) throw listShardsNeedsNameOrToken();
    const token = input.NextToken ? decodeToken(input.NextToken, now) : undefined;
    const stream = requireStream(ctx, token ? { StreamARN: token.stream } : input, 'readable');
    const after = token?.after ?? input.ExclusiveStartShardId;
    let shards = filterShards(visibleShards(stream, now), input.ShardFilter, now);
    if (after !== undefined) shards = shards.filter((s) => s.shardId > after);
    const limit = Math.min(input.MaxResults ?? MAX_PAGE, MAX_PAGE);
    const page = shards.slice(0, limit);
    const more = shards.length > limit;
    return {
      Shards: page.map(shardView),
      NextToken: more ? encodeToken({ after: page[page.length - 1].shardId, stream: stream.arn, createdAt: stream.createdAt, issuedAt: now }) : undefined,
    };
  },
});
