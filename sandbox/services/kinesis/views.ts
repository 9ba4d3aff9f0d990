// How streams and shards look on the wire (DescribeStream, ListShards, ListStreams, GetRecords).

import type { Sandbox } from '../../sandbox.js';
import { isOpen, statusOf, type ShardMeta, type StreamMeta } from './store.js';
import type { StoredRecord } from './shard-log.js';

export function shardView(shard: ShardMeta) {
  return {
    ShardId: shard.shardId,
    ParentShardId: shard.parentShardId,
    AdjacentParentShardId: shard.adjacentParentShardId,
    HashKeyRange: { StartingHashKey: shard.hashStart, EndingHashKey: shard.hashEnd },
    SequenceNumberRange: { StartingSequenceNumber: shard.startSeq, EndingSequenceNumber: shard.endSeq },
  };
}

/**
 * Shards visible now: none while the stream is being created, and closed shards disappear once
 * everything in them has passed retention.
 */
export function visibleShards(stream: StreamMeta, now: number): ShardMeta[] {
  if (stream.busyStatus === 'CREATING' && now < stream.busyUntil) return [];
  const retention = stream.retentionHours * 3_600_000;
  return stream.shards.filter((s) => s.closedAt === undefined || s.closedAt + retention > now);
}

export function streamSummary(stream: StreamMeta, sandbox: Sandbox, now: number) {
  return {
    StreamName: stream.name,
    StreamARN: stream.arn,
    StreamStatus: statusOf(stream, sandbox, now),
    StreamModeDetails: { StreamMode: stream.mode },
    StreamCreationTimestamp: new Date(stream.createdAt),
  };
}

export function recordView(r: StoredRecord) {
  return {
    SequenceNumber: r.sequenceNumber,
    ApproximateArrivalTimestamp: new Date(r.arrival),
    Data: r.data,
    PartitionKey: r.partitionKey,
  };
}

export const openShardCount = (stream: StreamMeta) => stream.shards.filter(isOpen).length;
