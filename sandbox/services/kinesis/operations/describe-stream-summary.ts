// DescribeStreamSummary: the stream without its shards, with the open shard count.

import { defineOperation } from '../../definition.js';
import { struct } from '../../../protocols/shapes.js';
import { requireStream, statusOf } from '../store.js';
import { DEFAULT_MAX_RECORD_KIB } from '../records.js';
import { streamTarget, type StreamTarget } from '../shapes.js';
import { openShardCount } from '../views.js';

export const describeStreamSummary = defineOperation<StreamTarget>({
  name: 'DescribeStreamSummary',
  input: struct(streamTarget()),
  handler(input, ctx) {
    const stream = requireStream(ctx, input, 'exists');
    return {
      StreamDescriptionSummary: {
        StreamName: stream.name,
        StreamARN: stream.arn,
        StreamStatus: statusOf(stream, ctx.sandbox, ctx.clock.now()),
        StreamModeDetails: { StreamMode: stream.mode },
        RetentionPeriodHours: stream.retentionHours,
        StreamCreationTimestamp: new Date(stream.createdAt),
        EnhancedMonitoring: [{ ShardLevelMetrics: [] }],
        EncryptionType: 'NONE',
        OpenShardCount: openShardCount(stream),
        ConsumerCount: 0,
        MaxRecordSizeInKiB: stream.maxRecordSizeKiB ?? DEFAULT_MAX_RECORD_KIB,
      },
    };
  },
});
