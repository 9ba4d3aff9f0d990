// DescribeStream: the stream and a page of its shards (Limit, ExclusiveStartShardId, HasMoreShards).

import { defineOperation } from '../../definition.js';
import { int, struct } from '../../../protocols/shapes.js';
import { requireStream, statusOf } from '../store.js';
import { shardId, streamTarget, type StreamTarget } from '../shapes.js';
import { shardView, visibleShards } from '../views.js';

const input = struct({ ...streamTarget(), Limit: int({ min: 1, max: 10000 }), ExclusiveStartShardId: shardId() });

export const describeStream = defineOperation<StreamTarget & { Limit?: number; ExclusiveStartShardId?: string }>({
  name: 'DescribeStream',
  input,
  handler(input, ctx) {
    const stream = requireStream(ctx, input, 'exists');
    const now = ctx.clock.now();
    let shards = visibleShards(stream, now);
    if (input.ExclusiveStartShardId) {
      const after = input.ExclusiveStartShardId;
      shards = shards.filter((s) => s.shardId > after);
    }
    const limit = input.Limit ?? 100;
    return {
      StreamDescription: {
        StreamName: stream.name,
        StreamARN: stream.arn,
        StreamStatus: statusOf(stream, ctx.sandbox, now),
        StreamModeDetails: { StreamMode: stream.mode },
        Shards: shards.slice(0, limit).map(shardView),
        HasMoreShards: shards.length > limit,
        RetentionPeriodHours: stream.retentionHours,
        StreamCreationTimestamp: new Date(stream.createdAt),
        EnhancedMonitoring: [{ ShardLevelMetrics: [] }],
        EncryptionType: 'NONE',
      },
    };
  },
});
