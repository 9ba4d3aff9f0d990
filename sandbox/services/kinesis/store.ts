// Kinesis state: stream metadata (shards, retention, tags) in the journaled state table, per account
// and region; the records themselves in per-shard logs owned by this sandbox's KinesisRuntime.
// Status is derived lazily from stored times and the clock: CREATING/UPDATING until `busyUntil`,
// DELETING until `deletedAt + provisioningDelayMs`, then gone.

import { EventEmitter } from 'node:events';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Sandbox } from '../../sandbox.js';
import type { Principal, RequestContext } from '../../edge/context.js';
import { scoped } from '../../store/scoped-table.js';
import { ShardLog } from './shard-log.js';
import { encodeSequence } from './sequence-numbers.js';
import { arnMismatch, nameOrArnRequired, shardNotFoundForList, streamNotActive, streamNotFound, type StreamRef } from './errors.js';

export interface ShardMeta {
  shardId: string;
  index: number;
  /** Decimal strings (128-bit values do not fit JSON numbers). */
  hashStart: string;
  hashEnd: string;
  startSeq: string;
  endSeq?: string;
  parentShardId?: string;
  adjacentParentShardId?: string;
  createdAt: number;
  closedAt?: number;
}

export type StreamStatus = 'CREATING' | 'ACTIVE' | 'UPDATING' | 'DELETING';

export interface StreamMeta {
  name: string;
  arn: string;
  accountId: string;
  region: string;
  createdAt: number;
  mode: 'PROVISIONED' | 'ON_DEMAND';
  modeChangedAt: number;
  retentionHours: number;
  /** The largest record it takes, in KiB (1024 to 10240); absent: 1024. */
  maxRecordSizeKiB?: number;
  shards: ShardMeta[];
  tags: Record<string, string>;
  /** Until then the stream is in `busyStatus` (CREATING after CreateStream, UPDATING after a change). */
  busyUntil: number;
  busyStatus: 'CREATING' | 'UPDATING';
  deletedAt?: number;
  /** A resharding that takes effect when UPDATING ends: until then the old shards stay open and take writes. */
  pendingReshard?: PendingReshard;
}

export interface PendingReshard {
  closing: string[];
  children: { hashStart: string; hashEnd: string; parentShardId?: string; adjacentParentShardId?: string }[];
}

const table = (sandbox: Sandbox) => sandbox.state.table<StreamMeta>('kinesis.streams');

export const streamTable = (sandbox: Sandbox, owner: Pick<Principal, 'accountId' | 'region'>) => scoped(table(sandbox), owner, 'region');

export const allStreams = (sandbox: Sandbox) => table(sandbox);

export const provisioningDelay = (sandbox: Sandbox) => sandbox.options.provisioningDelayMs ?? 0;

/** The stream's status now, or undefined once a deleted stream is gone. */
export function statusOf(stream: StreamMeta, sandbox: Sandbox, now: number): StreamStatus | undefined {
  if (stream.deletedAt !== undefined) return now >= stream.deletedAt + provisioningDelay(sandbox) ? undefined : 'DELETING';
  return now < stream.busyUntil ? stream.busyStatus : 'ACTIVE';
}

export const refOf = (stream: StreamMeta): StreamRef => ({ name: stream.name, accountId: stream.accountId });

export const streamArn = (owner: Pick<Principal, 'accountId' | 'region'>, name: string) => `arn:aws:kinesis:${owner.region}:${owner.accountId}:stream/${name}`;

const ARN = /^arn:aws[\w-]*:kinesis:([\w-]*):(\d{12}):stream\/(.+)$/;

/** The stream named by name or ARN, if it exists now (DELETING included). */
export function lookupStream(sandbox: Sandbox, owner: Principal, nameOrArn: string): StreamMeta | undefined {
  const m = ARN.exec(nameOrArn);
  const name = m ? m[3] : nameOrArn;
  if (m && (m[1] !== owner.region || m[2] !== owner.accountId)) return undefined;
  const stream = streamTable(sandbox, owner).get(name);
  const now = owner.clock.now();
  if (!stream || !statusOf(stream, sandbox, now)) return undefined;
  return stream.pendingReshard && now >= stream.busyUntil ? settleReshard(sandbox, stream) : stream;
}

/**
 * Carries out a stream's pending resharding and saves the result: the closing shards get an ending
 * sequence number above every record they hold (the stream-wide counter only grows), the children take
 * the next shard indexes and open at the moment UPDATING ended.
 */
export function settleReshard(sandbox: Sandbox, stream: StreamMeta): StreamMeta {
  const plan = stream.pendingReshard;
  if (!plan) return stream;
  const at = stream.busyUntil;
  const rt = runtime(sandbox);
  const shards = stream.shards.map((shard) =>
    plan.closing.includes(shard.shardId)
      ? { ...shard, endSeq: encodeSequence({ shardCreatedAt: shard.createdAt, shardIndex: shard.index, counter: rt.nextCounter(stream), time: at }), closedAt: at }
      : shard,
  );
  let nextIndex = Math.max(...stream.shards.map((s) => s.index)) + 1;
  for (const child of plan.children) {
    const index = nextIndex++;
    shards.push({ shardId: shardIdFor(index), index, ...child, startSeq: startingSequence(at, index), createdAt: at });
  }
  const settled: StreamMeta = { ...stream, shards, pendingReshard: undefined };
  saveStream(sandbox, settled);
  return settled;
}

export type Need = 'exists' | 'readable' | 'active';

/**
 * The stream an operation names (StreamName or StreamARN), or AWS's error: not found, or
 * ResourceInUseException when it is not in a state the operation accepts.
 */
export function requireStream(ctx: RequestContext, input: { StreamName?: string; StreamARN?: string }, need: Need): StreamMeta {
  const ref = targetRef(ctx, input);
  const stream = lookupStream(ctx.sandbox, ctx, input.StreamARN ?? ref.name);
  if (!stream) throw streamNotFound(ref);
  return requireStatus(ctx, stream, need);
}

/** `stream`, or ResourceInUseException when it is not in a state the operation accepts. */
export function requireStatus(ctx: RequestContext, stream: StreamMeta, need: Need): StreamMeta {
  const status = statusOf(stream, ctx.sandbox, ctx.clock.now())!;
  const ok = need === 'exists' || status === 'ACTIVE' || (need === 'readable' && status === 'UPDATING');
  if (!ok) throw streamNotActive(refOf(stream), status);
  return stream;
}

/** The stream an operation names, as its errors name it (whether or not it exists). */
export function targetRef(ctx: RequestContext, input: { StreamName?: string; StreamARN?: string }): StreamRef {
  const byArn = input.StreamARN ? ARN.exec(input.StreamARN) : null;
  const name = input.StreamName ?? byArn?.[3];
  if (!name) throw nameOrArnRequired();
  if (input.StreamName && byArn && byArn[3] !== input.StreamName) throw arnMismatch();
  return { name, accountId: byArn?.[2] ?? ctx.accountId };
}

export function saveStream(sandbox: Sandbox, stream: StreamMeta): void {
  streamTable(sandbox, stream).set(stream.name, stream);
}

/** Removes a deleted stream for good: its metadata and its records. */
export function removeStream(sandbox: Sandbox, stream: StreamMeta): void {
  runtime(sandbox).drop(stream);
  const table = streamTable(sandbox, stream);
  if (table.get(stream.name)?.createdAt === stream.createdAt) table.delete(stream.name);
}

/** Removes every stream whose deletion has completed (run in the background and before reuse of a name). */
export function sweepDeleted(sandbox: Sandbox): void {
  const now = sandbox.clock.now();
  for (const stream of allStreams(sandbox).values()) if (stream.deletedAt !== undefined && !statusOf(stream, sandbox, now)) removeStream(sandbox, stream);
}

export const isOpen = (shard: ShardMeta) => shard.endSeq === undefined;

const MAX_SHARD_INDEX = 2 ** 31 - 1;

/**
 * A shard id as Kinesis reads it: the number after the last hyphen (`shardId-1`, `anything-000000000001`),
 * printed canonically; undefined when there is no such number or it exceeds a Java int.
 */
export function canonicalShardId(id: string): string | undefined {
  const m = /^(?:.*-)?(\d+)$/.exec(id);
  const index = m ? Number(m[1]) : NaN;
  return index <= MAX_SHARD_INDEX ? shardIdFor(index) : undefined;
}

/** The canonical id of a shard the request names, or AWS's error naming the id as given when Kinesis cannot read it. */
export function readShardId(ref: StreamRef, id: string): string {
  const canonical = canonicalShardId(id);
  if (!canonical) throw shardNotFoundForList(ref, id);
  return canonical;
}

export function findShard(stream: StreamMeta, id: string): ShardMeta | undefined {
  const canonical = canonicalShardId(id);
  return stream.shards.find((s) => s.shardId === canonical);
}

/** `shardId-` and the index in twelve places, as Java's %012d prints it (a negative index keeps its sign first). */
export const shardIdFor = (index: number) => `shardId-${index < 0 ? '-' + String(-index).padStart(11, '0') : String(index).padStart(12, '0')}`;

export function startingSequence(createdAt: number, index: number): string {
  return encodeSequence({ shardCreatedAt: createdAt, shardIndex: index, counter: 0n, time: createdAt });
}

/** What lives only while the sandbox runs: open shard logs, append listeners, write-rate windows. */
export class KinesisRuntime {
  private readonly logs = new Map<string, ShardLog>();
  readonly appends = new EventEmitter();
  /** Per shard: the second the window is for, and bytes/records written in it. */
  readonly windows = new Map<string, { second: number; bytes: number; records: number }>();
  /** Per stream: the newest counter handed out. Kinesis counts records stream-wide, across shards. */
  private readonly counters = new Map<string, bigint>();

  constructor(private readonly sandbox: Sandbox) {
    this.appends.setMaxListeners(0);
  }

  private dir(stream: StreamMeta): string | null {
    const root = this.sandbox.dataDir;
    return root ? join(root, 'kinesis', stream.accountId, stream.region, `${stream.name}-${stream.createdAt}`) : null;
  }

  static key(stream: StreamMeta, shardId?: string): string {
    return `${stream.accountId}/${stream.region}/${stream.name}/${stream.createdAt}${shardId ? `/${shardId}` : ''}`;
  }

  log(stream: StreamMeta, shardId: string): ShardLog {
    const key = KinesisRuntime.key(stream, shardId);
    let log = this.logs.get(key);
    if (!log) {
      const dir = this.dir(stream);
      log = new ShardLog(dir ? join(dir, `${shardId}.log`) : null);
      this.logs.set(key, log);
    }
    return log;
  }

  /** The next sequence counter of the stream (recovered from its shard logs the first time). */
  nextCounter(stream: StreamMeta): bigint {
    const key = KinesisRuntime.key(stream);
    let last = this.counters.get(key);
    if (last === undefined) {
      last = 0n;
      for (const shard of stream.shards) {
        const c = this.log(stream, shard.shardId).lastCounter;
        if (c > last) last = c;
      }
    }
    this.counters.set(key, last + 1n);
    return last + 1n;
  }

  /** Forgets a deleted stream's records, on disk too. */
  drop(stream: StreamMeta): void {
    for (const shard of stream.shards) {
      this.log(stream, shard.shardId).destroy();
      this.logs.delete(KinesisRuntime.key(stream, shard.shardId));
    }
    this.windows.forEach((_, k) => k.startsWith(KinesisRuntime.key(stream) + '/') && this.windows.delete(k));
    this.counters.delete(KinesisRuntime.key(stream));
    const dir = this.dir(stream);
    if (dir) rmSync(dir, { recursive: true, force: true });
  }

  close(): void {
    for (const log of this.logs.values()) log.close();
    this.logs.clear();
  }
}

const runtimes = new WeakMap<Sandbox, KinesisRuntime>();

export function runtime(sandbox: Sandbox): KinesisRuntime {
  let rt = runtimes.get(sandbox);
  if (!rt) {
    rt = new KinesisRuntime(sandbox);
    runtimes.set(sandbox, rt);
  }
  return rt;
}
