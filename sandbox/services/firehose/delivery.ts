// Delivery to S3 as Firehose does it: one buffer per stream, flushed when it reaches SizeInMBs or when
// IntervalInSeconds (times the sandbox's firehoseIntervalScale) has passed since its oldest record,
// whichever comes first. Records are concatenated as sent, GZIP compresses the whole object, and keys
// follow AWS's format. Every buffered record is journaled (one row each) until its object is written, so
// acknowledged records survive a crash. Failed deliveries are retried with backoff for a (scaled) 24 h
// window, then written under the error output prefix; if that fails too they stay buffered.

import { gzip } from 'node:zlib';
import { promisify } from 'node:util';
import { randomBytes } from 'node:crypto';
import type { Sandbox } from '../../sandbox.js';
import { isServiceError } from '../../protocols/errors.js';
import { bufferedRecords, parseStreamKey, streamKey, streamStatus, streamsTable, type DeliveryStream } from './store.js';
import { appendsDelimiter, bucketName, fileExtension } from './destination.js';
import { evaluateErrorPrefix, evaluatePrefix, objectSuffix } from './prefix.js';
import { publish } from './metrics.js';
import { checkRoleWrites } from './role.js';

const gzipAsync = promisify(gzip);

const MIB = 1024 * 1024;
/** AWS retries S3 delivery for up to 24 hours (scaled by firehoseIntervalScale). */
export const RETRY_WINDOW_MS = 24 * 60 * 60 * 1000;
/** Backoff between attempts: 1 s doubling up to 60 s (scaled). */
const MAX_BACKOFF_MS = 60_000;
/** The error-output-type of records that could not be written to the bucket (the sandbox's name: AWS drops them). */
export const DELIVERY_FAILED = 'delivery-failed';

interface Buffered {
  key: string;
  data: Buffer;
  /** When Firehose received the record (epoch ms). */
  t: number;
}

interface Failure {
  since: number;
  attempts: number;
  nextAttempt: number;
  errorCode: string;
  message: string;
  errorOutputFailed?: boolean;
}

interface StreamBuffer {
  key: string;
  records: Buffered[];
  bytes: number;
  nextSeq: number;
  draining: Promise<void> | null;
  failure?: Failure;
}

export class DeliveryEngine {
  private readonly buffers = new Map<string, StreamBuffer>();

  constructor(private readonly sandbox: Sandbox) {
    this.recover();
  }

  private get scale(): number {
    return this.sandbox.options.firehoseIntervalScale ?? 1;
  }

  /** Rebuilds the buffers from the journal: what was acknowledged before a crash is delivered after it. */
  private recover(): void {
    const table = bufferedRecords(this.sandbox);
    const rows = [...table.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [key, row] of rows) {
      const cut = key.lastIndexOf('/');
      const buf = this.buffer(key.slice(0, cut));
      const data = Buffer.from(row.d, 'base64');
      buf.records.push({ key, data, t: row.t });
      buf.bytes += data.length;
      buf.nextSeq = Math.max(buf.nextSeq, Number(key.slice(cut + 1)) + 1);
    }
  }

  private buffer(key: string): StreamBuffer {
    let buf = this.buffers.get(key);
    if (!buf) {
      buf = { key, records: [], bytes: 0, nextSeq: 0, draining: null };
      this.buffers.set(key, buf);
    }
    return buf;
  }

  /** Journals and buffers acknowledged records; starts a delivery at once if the buffer is full. */
  accept(owner: { accountId: string; region: string }, stream: DeliveryStream, records: Buffer[], arrival: number): void {
    const buf = this.buffer(streamKey(owner, stream.name));
    const table = bufferedRecords(this.sandbox);
    for (const data of records) {
      const key = `${buf.key}/${String(buf.nextSeq++).padStart(16, '0')}`;
      table.set(key, { d: data.toString('base64'), t: arrival });
      buf.records.push({ key, data, t: arrival });
      buf.bytes += data.length;
    }
    if (this.isDue(buf, stream, arrival)) this.drain(buf).catch((err: unknown) => this.sandbox.warn(`firehose ${stream.name}: delivery failed: ${String(err)}`));
  }

  /** Forgets a deleted stream's buffer (AWS does not deliver what a deleted stream still held). */
  drop(key: string): void {
    const buf = this.buffers.get(key);
    if (!buf) return;
    this.buffers.delete(key);
    const table = bufferedRecords(this.sandbox);
    for (const r of buf.records) table.delete(r.key);
    buf.records = [];
  }

  /** Buffered bytes and records of a stream (for tests and status). */
  pending(key: string): { records: number; bytes: number } {
    const buf = this.buffers.get(key);
    return { records: buf?.records.length ?? 0, bytes: buf?.bytes ?? 0 };
  }

  /** Waits for the deliveries in flight (the sandbox closes after them). */
  async settle(): Promise<void> {
    await Promise.all([...this.buffers.values()].map((b) => b.draining));
  }

  /** Starts every delivery that is due and waits for all running ones. */
  async check(): Promise<void> {
    const now = this.sandbox.clock.now();
    const running: Promise<void>[] = [];
    for (const buf of [...this.buffers.values()]) {
      const stream = this.streamOf(buf.key);
      if (!stream) {
        this.drop(buf.key);
        continue;
      }
      if (buf.draining) running.push(buf.draining);
      else if (buf.records.length > 0 && this.isDue(buf, stream, now)) running.push(this.drain(buf));
    }
    await Promise.all(running);
  }

  private streamOf(key: string): DeliveryStream | undefined {
    return streamsTable(this.sandbox).get(key);
  }

  private isDue(buf: StreamBuffer, stream: DeliveryStream, now: number): boolean {
    if (buf.records.length === 0) return false;
    if (buf.failure) return now >= buf.failure.nextAttempt;
    const hints = stream.destination.BufferingHints;
    if (buf.bytes >= hints.SizeInMBs * MIB) return true;
    return now - buf.records[0].t >= hints.IntervalInSeconds * 1000 * this.scale;
  }

  /** Delivers object after object while the buffer is due; one drain per stream at a time. */
  private drain(buf: StreamBuffer): Promise<void> {
    buf.draining ??= (async () => {
      try {
        for (;;) {
          const stream = this.streamOf(buf.key);
          if (!stream || this.buffers.get(buf.key) !== buf) return;
          const { accountId, region } = parseStreamKey(buf.key);
          if (streamStatus(stream, this.sandbox.clock.now(), this.sandbox.options.provisioningDelayMs ?? 0) !== 'ACTIVE') return;
          if (!this.isDue(buf, stream, this.sandbox.clock.now())) return;
          const limit = stream.destination.BufferingHints.SizeInMBs * MIB;
          let count = 0;
          let size = 0;
          while (count < buf.records.length && (count === 0 || size + buf.records[count].data.length <= limit)) size += buf.records[count++].data.length;
          const chunk = buf.records.slice(0, count);
          if (!(await this.deliver({ accountId, region }, stream, buf, chunk))) return;
        }
      } finally {
        buf.draining = null;
      }
    })();
    return buf.draining;
  }

  /** Writes one object; true when the chunk left the buffer (delivered, or written as error records). */
  private async deliver(owner: { accountId: string; region: string }, stream: DeliveryStream, buf: StreamBuffer, chunk: Buffered[]): Promise<boolean> {
    const dest = stream.destination;
    const now = this.sandbox.clock.now();
    if (buf.failure && this.retriesOver(buf.failure, now)) return this.writeErrorRecords(owner, stream, buf, chunk, now);
    const oldest = chunk[0].t;
    const rawBytes = chunk.reduce((n, r) => n + r.data.length, 0);
    const delimiter = appendsDelimiter(dest) ? Buffer.from('\n') : undefined;
    const body = await this.encode(dest.CompressionFormat, delimiter ? chunk.flatMap((r) => [r.data, delimiter]) : chunk.map((r) => r.data));
    const bucket = bucketName(dest.BucketARN);
    const key = evaluatePrefix(dest.Prefix, oldest) + objectSuffix(stream.name, stream.version, oldest, fileExtension(dest));
    try {
      this.putObject(owner, dest.RoleARN, bucket, key, body);
    } catch (err) {
      this.recordFailure(owner, stream, buf, err, now);
      if (this.retriesOver(buf.failure!, now)) return this.writeErrorRecords(owner, stream, buf, chunk, now);
      return false;
    }
    if (this.buffers.get(buf.key) !== buf) return false;
    this.remove(buf, chunk);
    if (buf.failure) {
      this.sandbox.warn(`firehose ${stream.name}: delivered to s3://${bucket} again after ${buf.failure.attempts} failed attempt(s)`);
      buf.failure = undefined;
    }
    publish(this.sandbox, owner, stream.name, [
      ['DeliveryToS3.Records', chunk.length, 'Count'],
      ['DeliveryToS3.Bytes', rawBytes, 'Bytes'],
      ['DeliveryToS3.Success', 1, 'Count'],
      ['DeliveryToS3.DataFreshness', Math.max(0, (now - oldest) / 1000), 'Seconds'],
    ]);
    return true;
  }

  private retriesOver(failure: Failure, now: number): boolean {
    return now - failure.since >= RETRY_WINDOW_MS * this.scale;
  }

  /** Writes as the stream's role: the role must let Firehose assume it and allow s3:PutObject there. */
  private putObject(owner: { accountId: string; region: string }, roleArn: string, bucket: string, key: string, body: Buffer): void {
    const s3 = this.sandbox.apis.s3;
    if (!s3) throw new Error('S3 is not running in this sandbox');
    checkRoleWrites(this.sandbox, { ...owner, clock: this.sandbox.clock }, roleArn, bucket, key);
    s3.putObject({ ...owner, clock: this.sandbox.clock }, bucket, key, body);
  }

  private async encode(format: string, parts: Buffer[]): Promise<Buffer> {
    const raw = Buffer.concat(parts);
    return format === 'GZIP' ? gzipAsync(raw) : raw;
  }

  private remove(buf: StreamBuffer, chunk: Buffered[]): void {
    buf.records.splice(0, chunk.length);
    const table = bufferedRecords(this.sandbox);
    for (const r of chunk) {
      table.delete(r.key);
      buf.bytes -= r.data.length;
    }
  }

  /** Counts a failed attempt, schedules the next one (backoff) and reports it (warning, metric, log). */
  private recordFailure(owner: { accountId: string; region: string }, stream: DeliveryStream, buf: StreamBuffer, err: unknown, now: number): void {
    const errorCode = isServiceError(err) ? `S3.${err.code}` : 'S3.InternalError';
    const message = isServiceError(err) ? err.message : (err as Error).message;
    const failure: Failure = buf.failure ?? { since: now, attempts: 0, nextAttempt: now, errorCode, message };
    failure.attempts++;
    failure.errorCode = errorCode;
    failure.message = message;
    failure.nextAttempt = now + Math.min(1000 * 2 ** (failure.attempts - 1), MAX_BACKOFF_MS) * this.scale;
    buf.failure = failure;
    publish(this.sandbox, owner, stream.name, [['DeliveryToS3.Success', 0, 'Count']]);
    if (failure.attempts === 1) this.sandbox.warn(`firehose ${stream.name}: delivery to s3://${bucketName(stream.destination.BucketARN)} failed (${errorCode}: ${message}); retrying`);
    this.logError(owner, stream, errorCode, message);
  }

  /**
   * Once the retry window is over, records are written as AWS-style error records (one JSON line each, the
   * data in rawData) under the error output prefix, in the destination bucket; while that bucket is
   * unreachable too, they stay buffered and the write is retried.
   */
  private async writeErrorRecords(owner: { accountId: string; region: string }, stream: DeliveryStream, buf: StreamBuffer, chunk: Buffered[], now: number): Promise<boolean> {
    const dest = stream.destination;
    const failure = buf.failure!;
    const bucket = bucketName(dest.BucketARN);
    const lines = chunk.map((r) =>
      Buffer.from(
        JSON.stringify({
          attemptsMade: failure.attempts,
          arrivalTimestamp: r.t,
          errorCode: failure.errorCode,
          errorMessage: failure.message,
          attemptEndingTimestamp: now,
          rawData: r.data.toString('base64'),
        }) + '\n',
      ),
    );
    const body = await this.encode(dest.CompressionFormat, lines);
    const oldest = chunk[0].t;
    const key = evaluateErrorPrefix(dest.Prefix, dest.ErrorOutputPrefix, oldest, DELIVERY_FAILED) + objectSuffix(stream.name, stream.version, oldest, fileExtension(dest));
    try {
      this.putObject(owner, dest.RoleARN, bucket, key, body);
    } catch (err) {
      const warnNow = !failure.errorOutputFailed;
      this.recordFailure(owner, stream, buf, err, now);
      failure.errorOutputFailed = true;
      if (warnNow) this.sandbox.warn(`firehose ${stream.name}: the error output in s3://${bucket} is unreachable too; ${buf.records.length} record(s) stay buffered`);
      return false;
    }
    if (this.buffers.get(buf.key) !== buf) return false;
    this.remove(buf, chunk);
    this.sandbox.warn(`firehose ${stream.name}: ${chunk.length} record(s) written to s3://${bucket}/${key} after ${failure.attempts} failed attempt(s)`);
    failure.nextAttempt = now;
    // Records arriving later get a fresh retry window.
    if (buf.records.length === 0) buf.failure = undefined;
    return true;
  }

  /** AWS writes delivery errors to the destination's CloudWatch Logs stream when logging is enabled. */
  private logError(owner: { accountId: string; region: string }, stream: DeliveryStream, errorCode: string, message: string): void {
    const logging = stream.destination.CloudWatchLoggingOptions;
    const logs = this.sandbox.apis.logs;
    if (!logs || !logging.Enabled || !logging.LogGroupName || !logging.LogStreamName) return;
    const event = {
      deliveryStreamARN: stream.arn,
      destination: stream.destination.BucketARN,
      deliveryStreamVersionId: stream.version,
      message,
      errorCode,
    };
    const now = this.sandbox.clock.now();
    logs.putEvents({ ...owner, clock: this.sandbox.clock }, logging.LogGroupName, logging.LogStreamName, [{ timestamp: now, message: JSON.stringify(event) }]);
  }
}

const RECORD_ID_BYTES = 48;

/** Opaque base64 record ids, drawn from one random buffer per call (one draw per record costs more than the put). */
export function newRecordIds(count: number): string[] {
  const pool = randomBytes(RECORD_ID_BYTES * count);
  return Array.from({ length: count }, (_, i) => pool.toString('base64', i * RECORD_ID_BYTES, (i + 1) * RECORD_ID_BYTES));
}

const engines = new WeakMap<Sandbox, DeliveryEngine>();

/** The sandbox's delivery engine, recovered from the journal on first use. */
export function deliveryEngine(sandbox: Sandbox): DeliveryEngine {
  let engine = engines.get(sandbox);
  if (!engine) {
    engine = new DeliveryEngine(sandbox);
    engines.set(sandbox, engine);
  }
  return engine;
}
