// Writing and reading records, shared by PutRecord/PutRecords, GetRecords and the in-process API:
// hashing to a shard, per-shard write limits, numbering, durable append, retention, and reads that stop
// at the record limit or 10 MiB.

import type { Principal } from '../../edge/context.js';
import type { Sandbox } from '../../sandbox.js';
import { MAX_HASH_KEY, partitionKeyHash } from './hash-keys.js';
import { encodeSequence } from './sequence-numbers.js';
import type { StoredRecord } from './shard-log.js';
import type { ReadPosition } from './shard-iterator.js';
import { invalidHashKey, recordTooLarge, requestTooLarge } from './errors.js';
import { isOpen, runtime, type ShardMeta, type StreamMeta } from './store.js';
import { publishMetrics } from './metrics.js';

/** The largest record any stream takes (its data blob, per the API model): a stream's own limit is 1 to 10 MiB. */
export const MAX_RECORD_BYTES = 10 * 1024 * 1024;
/** A stream's record limit unless CreateStream or UpdateMaxRecordSize set another (KiB). */
export const DEFAULT_MAX_RECORD_KIB = 1024;
/** PutRecords: 10 MiB for the whole request, partition keys included. */
export const MAX_REQUEST_BYTES = 10 * 1024 * 1024;
const MAX_READ_BYTES = 10 * 1024 * 1024;
const SHARD_BYTES_PER_SECOND = 1024 * 1024;
const SHARD_RECORDS_PER_SECOND = 1000;
const HOUR_MS = 3_600_000;

export interface PutEntry {
  Data: Buffer;
  PartitionKey: string;
  ExplicitHashKey?: string;
}

/** Where an entry went: its shard, and its sequence number unless the shard's write limit refused it. */
export interface Appended {
  shardId: string;
  sequenceNumber?: string;
}

/** The largest record `stream` takes, data and partition key together (bytes). */
export const maxRecordBytes = (stream: Pick<StreamMeta, 'maxRecordSizeKiB'>) => (stream.maxRecordSizeKiB ?? DEFAULT_MAX_RECORD_KIB) * 1024;

/** Rejects a whole request AWS would reject: hash keys out of range, a record over the stream's limit, the call too large. */
export function checkEntries(stream: Pick<StreamMeta, 'maxRecordSizeKiB'>, entries: PutEntry[], batch: boolean): void {
  let total = 0;
  const limit = maxRecordBytes(stream);
  entries.forEach((e, i) => {
    if (e.ExplicitHashKey !== undefined && BigInt(e.ExplicitHashKey) > MAX_HASH_KEY) throw invalidHashKey(e.ExplicitHashKey);
    const size = e.Data.length + Buffer.byteLength(e.PartitionKey, 'utf8');
    if (size > limit) throw recordTooLarge(batch ? i : undefined, limit);
    total += size;
  });
  if (total > MAX_REQUEST_BYTES) throw requestTooLarge();
}

export function shardForHash(stream: StreamMeta, hash: bigint): ShardMeta {
  const shard = stream.shards.find((s) => isOpen(s) && BigInt(s.hashStart) <= hash && hash <= BigInt(s.hashEnd));
  if (!shard) throw new Error(`no open shard of ${stream.name} covers hash key ${hash}`);
  return shard;
}

/**
 * Appends entries to their shards, in order. An entry over its shard's write limit (with enforceLimits)
 * fails alone with ProvisionedThroughputExceededException; the others are written.
 */
export function appendRecords(sandbox: Sandbox, stream: StreamMeta, entries: PutEntry[], now: number): Appended[] {
  const rt = runtime(sandbox);
  const enforce = sandbox.options.enforceLimits === true;
  const second = Math.floor(now / 1000);
  // Kinesis numbers a call's records shard by shard, so one shard's records in a call get consecutive
  // counters: first route (and rate-check) every entry, then number each shard's share in call order.
  const routed = new Map<ShardMeta, number[]>();
  const results: Appended[] = entries.map((entry, i) => {
    const hash = entry.ExplicitHashKey !== undefined ? BigInt(entry.ExplicitHashKey) : partitionKeyHash(entry.PartitionKey);
    const shard = shardForHash(stream, hash);
    const size = entry.Data.length + Buffer.byteLength(entry.PartitionKey, 'utf8');
    if (enforce) {
      const key = `${stream.accountId}/${stream.region}/${stream.name}/${stream.createdAt}/${shard.shardId}`;
      let w = rt.windows.get(key);
      if (!w || w.second !== second) rt.windows.set(key, (w = { second, bytes: 0, records: 0 }));
      if (w.records + 1 > SHARD_RECORDS_PER_SECOND || w.bytes + size > SHARD_BYTES_PER_SECOND) {
        return { shardId: shard.shardId };
      }
      w.records += 1;
      w.bytes += size;
    }
    let indexes = routed.get(shard);
    if (!indexes) routed.set(shard, (indexes = []));
    indexes.push(i);
    return { shardId: shard.shardId };
  });
  const batches = new Map<ShardMeta, StoredRecord[]>();
  for (const [shard, indexes] of routed) {
    batches.set(
      shard,
      indexes.map((i) => {
        const entry = entries[i];
        const counter = rt.nextCounter(stream);
        const sequenceNumber = encodeSequence({ shardCreatedAt: shard.createdAt, shardIndex: shard.index, counter, time: now });
        results[i].sequenceNumber = sequenceNumber;
        return { sequenceNumber, partitionKey: entry.PartitionKey, data: entry.Data, arrival: now, counter };
      }),
    );
  }
  const cutoff = now - stream.retentionHours * HOUR_MS;
  for (const [shard, batch] of batches) {
    const log = rt.log(stream, shard.shardId);
    log.append(batch);
    log.trim(cutoff);
  }
  if (batches.size > 0) rt.appends.emit(appendEvent(stream));
  return results;
}

export const appendEvent = (stream: Pick<StreamMeta, 'accountId' | 'region' | 'name'>) => `${stream.accountId}/${stream.region}/${stream.name}`;

export interface ReadResult {
  records: StoredRecord[];
  next: ReadPosition;
  millisBehindLatest: number;
  /** The shard is closed and everything in it has been read. */
  endOfShard: boolean;
  bytes: number;
}

/** Reads up to `limit` live records from `position`, stopping before 10 MiB. */
export function readRecords(sandbox: Sandbox, stream: StreamMeta, shard: ShardMeta, position: ReadPosition, limit: number, now: number): ReadResult {
  const log = runtime(sandbox).log(stream, shard.shardId);
  log.trim(now - stream.retentionHours * HOUR_MS);
  let i: number;
  switch (position.kind) {
    case 'start':
      i = log.firstIndex;
      break;
    case 'time':
      i = log.indexAtTime(position.time);
      break;
    default:
      i = log.indexAfter(position.seq, position.kind === 'at');
  }
  const records: StoredRecord[] = [];
  let bytes = 0;
  while (i < log.endIndex && records.length < limit) {
    const r = log.at(i);
    const size = r.data.length + Buffer.byteLength(r.partitionKey, 'utf8');
    if (records.length > 0 && bytes + size > MAX_READ_BYTES) break;
    records.push(r);
    bytes += r.data.length;
    i++;
  }
  const caughtUp = i >= log.endIndex;
  return {
    records,
    next: records.length > 0 ? { kind: 'after', seq: records[records.length - 1].sequenceNumber } : position,
    millisBehindLatest: caughtUp ? 0 : Math.max(0, now - log.at(i).arrival),
    endOfShard: caughtUp && shard.endSeq !== undefined,
    bytes,
  };
}

/** The GetRecords metrics of one read, whoever made it (a client or an in-process consumer). */
export function publishReadMetrics(sandbox: Sandbox, owner: Principal, stream: StreamMeta, result: ReadResult, latencyMs: number, now: number): void {
  const last = result.records[result.records.length - 1];
  publishMetrics(sandbox, owner, stream.name, [
    ['GetRecords.Success', 1, 'Count'],
    ['GetRecords.Records', result.records.length, 'Count'],
    ['GetRecords.Bytes', result.bytes, 'Bytes'],
    ['GetRecords.Latency', latencyMs, 'Milliseconds'],
    ['GetRecords.IteratorAgeMilliseconds', last ? Math.max(0, now - last.arrival) : result.millisBehindLatest, 'Milliseconds'],
  ]);
}
