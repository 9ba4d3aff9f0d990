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
}
