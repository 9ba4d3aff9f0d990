// GetRecords: up to Limit records (10 MiB at most) from where the iterator points, the next iterator,
// how far behind the tip the reader is, and the child shards once a closed shard is read to its end.

import { defineOperation } from '../../definition.js';
import { int, str, struct } from '../../../protocols/shapes.js';
import { expiredIterator, invalidShardIterator, shardNotFound } from '../errors.js';
import { decodeIterator, encodeIterator, ITERATOR_TTL_MS } from '../shard-iterator.js';
import { publishReadMetrics, readRecords } from '../records.js';
import { lookupStream, requireStream } from '../store.js';
import { streamArn } from '../shapes.js';
import { recordView } from '../views.js';

const input = struct({ ShardIterator: str({ required: true, min: 1, max: 512 }), Limit: int({ min: 1, max: 10000 }), StreamARN: streamArn() });

export const getRecords = defineOperation<{ ShardIterator: string; Limit?: number; StreamARN?: string }>({
  name: 'GetRecords',
  input,
  handler(input, ctx) {
    const started = performance.now();
    const it = decodeIterator(input.ShardIterator);
    if (!it || it.accountId !== ctx.accountId || it.region !== ctx.region) throw invalidShardIterator();
    const now = ctx.clock.now();
    const found = lookupStream(ctx.sandbox, ctx, it.streamName);
    const ref = { name: it.streamName, accountId: it.accountId };
    if (!found || found.createdAt !== it.streamCreatedAt) throw shardNotFound(ref, it.shardId);
    const stream = requireStream(ctx, { StreamName: it.streamName }, 'readable');
    if (now - it.issuedAt > ITERATOR_TTL_MS) throw expiredIterator(it.issuedAt, now);
    const shard = stream.shards.find((s) => s.shardId === it.shardId);
    if (!shard) throw shardNotFound(ref, it.shardId);
    const result = readRecords(ctx.sandbox, stream, shard, it.position, input.Limit ?? 10000, now);
    publishReadMetrics(ctx.sandbox, ctx, stream, result, performance.now() - started, now);
    const children = stream.shards.filter((s) => s.parentShardId === shard.shardId || s.adjacentParentShardId === shard.shardId);
    return {
      Records: result.records.map(recordView),
      NextShardIterator: result.endOfShard ? undefined : encodeIterator({ ...it, position: result.next, issuedAt: now }),
      MillisBehindLatest: result.millisBehindLatest,
      ChildShards: result.endOfShard
        ? children.map((c) => ({
            ShardId: c.shardId,
            ParentShards: [c.parentShardId, c.adjacentParentShardId].filter((p): p is string => p !== undefined),
            HashKeyRange: { StartingHashKey: c.hashStart, EndingHashKey: c.hashEnd },
          }))
        : undefined,
    };
  },
});
