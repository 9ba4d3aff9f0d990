// Firehose state: delivery streams per account and region, the journal of records acknowledged but not
// yet delivered (one row per record, so a put costs O(record) and a crash loses nothing), and the read
// position of each Kinesis source shard.

import type { Sandbox } from '../../sandbox.js';
import type { Principal } from '../../edge/context.js';
import { scoped, scopePrefix } from '../../store/scoped-table.js';
import type { ShardPosition } from '../kinesis/api.js';

export type CompressionFormat = 'UNCOMPRESSED' | 'GZIP';

/** The one S3 destination of a stream, as configured (wire spelling kept for describe). */
export interface S3Destination {
  /** Whether it was configured through ExtendedS3DestinationConfiguration. */
  extended: boolean;
  RoleARN: string;
  BucketARN: string;
  Prefix?: string;
  ErrorOutputPrefix?: string;
  BufferingHints: { SizeInMBs: number; IntervalInSeconds: number };
  CompressionFormat: CompressionFormat;
  EncryptionConfiguration: Record<string, unknown>;
  CloudWatchLoggingOptions: { Enabled?: boolean; LogGroupName?: string; LogStreamName?: string };
  ProcessingConfiguration?: { Enabled?: boolean; Processors?: { Type: string; Parameters?: unknown[] }[] };
  S3BackupMode?: string;
  FileExtension?: string;
  CustomTimeZone?: string;
}

export interface DeliveryStream {
  name: string;
  arn: string;
  type: 'DirectPut' | 'KinesisStreamAsSource';
  /** Epoch ms. */
  createdAt: number;
  updatedAt?: number;
  /** VersionId; also the <version> in object keys. */
  version: number;
  destination: S3Destination;
  source?: { KinesisStreamARN: string; RoleARN: string; streamName: string; deliveryStartTimestamp: number };
  encryption?: { KeyType: string; KeyARN?: string };
  tags: { Key: string; Value?: string }[];
}

/** A buffered record: its bytes (base64) and when Firehose received it (epoch ms). */
export interface BufferedRecord {
  d: string;
  t: number;
}

export const streamsTable = (sandbox: Sandbox) => sandbox.state.table<DeliveryStream>('firehose.streams');
export const streams = (sandbox: Sandbox, owner: Principal) => scoped(streamsTable(sandbox), owner, 'region');

/** Rows keyed `<account>/<region>/<stream>/<sequence>`; deleted once the record is in S3. */
export const bufferedRecords = (sandbox: Sandbox) => sandbox.state.table<BufferedRecord>('firehose.records');

/** Rows keyed `<account>/<region>/<stream>/<shardId>`: where the Kinesis source continues reading. */
export const shardPositions = (sandbox: Sandbox) => sandbox.state.table<ShardPosition>('firehose.positions');

/** The key every per-stream row starts with. */
export function streamKey(owner: Pick<Principal, 'accountId' | 'region'>, name: string): string {
  return `${scopePrefix(owner, 'region')}${name}`;
}

export function parseStreamKey(key: string): { accountId: string; region: string; name: string } {
  const [accountId, region, ...rest] = key.split('/');
  return { accountId, region, name: rest.join('/') };
}

/** CREATING until the provisioning delay has passed, computed from the stored creation time. */
export function streamStatus(stream: DeliveryStream, now: number, provisioningDelayMs: number): 'CREATING' | 'ACTIVE' {
  return now - stream.createdAt < provisioningDelayMs ? 'CREATING' : 'ACTIVE';
}
