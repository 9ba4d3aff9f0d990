// What other services ask Kinesis in-process: Firehose's Kinesis source and Lambda's event source
// mappings read shards as real consumers (their reads count in the stream's GetRecords metrics).

import type { Principal } from '../../edge/context.js';

export interface KinesisRecordView {
  sequenceNumber: string;
  partitionKey: string;
  data: Buffer;
  /** Epoch ms. */
  approximateArrivalTimestamp: number;
}

export interface ShardView {
  shardId: string;
  /** Open shards have no ending sequence number. */
  closed: boolean;
  parentShardId?: string;
}

export type ShardPosition =
  | { type: 'TRIM_HORIZON' }
  | { type: 'LATEST' }
  | { type: 'AT_TIMESTAMP'; timestamp: number }
  | { type: 'AFTER_SEQUENCE_NUMBER'; sequenceNumber: string }
  | { type: 'AT_SEQUENCE_NUMBER'; sequenceNumber: string };

export interface KinesisApi {
  /** The stream (by name or ARN) in the owner's account and region; undefined if it does not exist or is not ACTIVE. */
  findStream(owner: Principal, nameOrArn: string): { streamName: string; streamArn: string; status: string } | undefined;
  shards(owner: Principal, streamName: string): ShardView[];
  /** The sequence number a consumer starting at `position` reads after (resolves LATEST/AT_TIMESTAMP once). */
  resolvePosition(owner: Principal, streamName: string, shardId: string, position: ShardPosition): ShardPosition;
  /**
   * Reads up to `limit` records after `position`, as GetRecords does (and counted in its metrics).
   * Returns the records, the position to continue from, and how far behind the tip the reader is.
   */
  read(
    owner: Principal,
    streamName: string,
    shardId: string,
    position: ShardPosition,
    limit: number,
  ): { records: KinesisRecordView[]; next: ShardPosition; millisBehindLatest: number };
  /** Calls `listener` whenever records are appended to the stream (so consumers wake at once). */
  onAppend(owner: Principal, streamName: string, listener: () => void): () => void;
  /** Puts one record as PutRecord does (checks and metrics included), for the IoT rule action; throws AWS's ServiceError. */
  putRecord(owner: Principal, streamName: string, data: Buffer, partitionKey: string): { shardId: string; sequenceNumber: string };
}

// The implementation, over the same store and log code the wire operations use.

import type { Sandbox } from '../../sandbox.js';
import { appendEvent, publishReadMetrics, readRecords } from './records.js';
import type { ReadPosition } from './shard-iterator.js';
import { findShard, lookupStream, refOf, runtime, statusOf, type StreamMeta } from './store.js';
import { shardNotFound, streamNotActive, streamNotFound } from './errors.js';
import { putOneRecord } from './operations/put-record.js';

function toReadPosition(sandbox: Sandbox, stream: StreamMeta, shardId: string, position: ShardPosition): ReadPosition {
  switch (position.type) {
    case 'TRIM_HORIZON':
      return { kind: 'start' };
    case 'AT_TIMESTAMP':
      return { kind: 'time', time: position.timestamp };
    case 'AT_SEQUENCE_NUMBER':
      return { kind: 'at', seq: position.sequenceNumber };
    case 'AFTER_SEQUENCE_NUMBER':
      return { kind: 'after', seq: position.sequenceNumber };
    case 'LATEST': {
      const shard = findShard(stream, shardId)!;
      return { kind: 'after', seq: shard.endSeq ?? runtime(sandbox).log(stream, shard.shardId).last?.sequenceNumber ?? shard.startSeq };
    }
  }
}

function toShardPosition(position: ReadPosition): ShardPosition {
  switch (position.kind) {
    case 'start':
      return { type: 'TRIM_HORIZON' };
    case 'time':
      return { type: 'AT_TIMESTAMP', timestamp: position.time };
    case 'at':
      return { type: 'AT_SEQUENCE_NUMBER', sequenceNumber: position.seq };
    case 'after':
      return { type: 'AFTER_SEQUENCE_NUMBER', sequenceNumber: position.seq };
  }
}

export function createKinesisApi(sandbox: Sandbox): KinesisApi {
  const stream = (owner: Principal, nameOrArn: string) => {
    const found = lookupStream(sandbox, owner, nameOrArn);
    if (!found) throw streamNotFound({ name: nameOrArn, accountId: owner.accountId });
    return found;
  };
  const shard = (s: StreamMeta, shardId: string) => {
    const found = findShard(s, shardId);
    if (!found) throw shardNotFound(refOf(s), shardId);
    return found;
  };
  return {
    findStream(owner, nameOrArn) {
      const found = lookupStream(sandbox, owner, nameOrArn);
      const status = found && statusOf(found, sandbox, owner.clock.now());
      if (!found || (status !== 'ACTIVE' && status !== 'UPDATING')) return undefined;
      return { streamName: found.name, streamArn: found.arn, status };
    },
    shards(owner, streamName) {
      return stream(owner, streamName).shards.map((s) => ({ shardId: s.shardId, closed: s.endSeq !== undefined, parentShardId: s.parentShardId }));
    },
    resolvePosition(owner, streamName, shardId, position) {
      if (position.type !== 'LATEST') return position;
      return toShardPosition(toReadPosition(sandbox, stream(owner, streamName), shardId, position));
    },
    read(owner, streamName, shardId, position, limit) {
      const started = performance.now();
      const s = stream(owner, streamName);
      const sh = shard(s, shardId);
      const now = owner.clock.now();
      const result = readRecords(sandbox, s, sh, toReadPosition(sandbox, s, sh.shardId, position), Math.max(1, Math.min(limit, 10000)), now);
      publishReadMetrics(sandbox, owner, s, result, performance.now() - started, now);
      return {
        records: result.records.map((r) => ({ sequenceNumber: r.sequenceNumber, partitionKey: r.partitionKey, data: r.data, approximateArrivalTimestamp: r.arrival })),
        next: toShardPosition(result.next),
        millisBehindLatest: result.millisBehindLatest,
      };
    },
    onAppend(owner, streamName, listener) {
      const event = appendEvent({ accountId: owner.accountId, region: owner.region, name: stream(owner, streamName).name });
      const appends = runtime(sandbox).appends;
      appends.on(event, listener);
      return () => appends.off(event, listener);
    },
    putRecord(owner, streamName, data, partitionKey) {
      const started = performance.now();
      const s = stream(owner, streamName);
      const status = statusOf(s, sandbox, owner.clock.now())!;
      if (status !== 'ACTIVE' && status !== 'UPDATING') throw streamNotActive(refOf(s), status);
      const result = putOneRecord(sandbox, owner, s, { Data: data, PartitionKey: partitionKey }, started);
      return { shardId: result.ShardId, sequenceNumber: result.SequenceNumber };
    },
  };
}
