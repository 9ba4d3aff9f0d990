// Each shard's records: kept in memory for reads and, with a data directory, appended to the shard's own
// log file (`<dataDir>/kinesis/<account>/<region>/<stream>-<createdAt>/<shardId>.log`, one JSON line per
// record) with a synchronous write before PutRecord(s) answers, so an acknowledged record survives kill -9.
// A write costs only its own records; a log is read back once, the first time its shard is touched.
// `checkShardLogs` reads every log at start, so a damaged one stops the start instead of failing reads.

import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, renameSync, rmSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { compareSequences } from './sequence-numbers.js';
import { StoreDamagedError, describeLines, parseJson, scanLines, type DamageRepair } from '../../store/damage.js';

export interface StoredRecord {
  sequenceNumber: string;
  partitionKey: string;
  data: Buffer;
  /** Epoch ms. */
  arrival: number;
  /** The shard counter the sequence number encodes (to resume after a restart). */
  counter: bigint;
}

export class ShardLog {
  /** Records from `head` on are live; older ones were trimmed by retention. */
  private records: StoredRecord[] = [];
  private head = 0;
  /** The counter of the newest record (to resume the stream's counter after a restart). */
  lastCounter = 0n;
  private fd: number | null = null;

  constructor(private readonly file: string | null) {
    if (file && existsSync(file)) this.load(file);
  }

  get size(): number {
    return this.records.length - this.head;
  }

  get last(): StoredRecord | undefined {
    return this.size > 0 ? this.records[this.records.length - 1] : undefined;
  }

  /** Appends records (already numbered) durably, in one write. */
  append(records: StoredRecord[]): void {
    if (records.length === 0) return;
    if (this.file) {
      if (this.fd === null) {
        mkdirSync(join(this.file, '..'), { recursive: true });
        this.fd = openSync(this.file, 'a');
      }
      const lines = records.map((r) => JSON.stringify([r.sequenceNumber, r.arrival, r.partitionKey, r.data.toString('base64'), r.counter.toString()])).join('\n') + '\n';
      writeSync(this.fd, lines);
    }
    for (const r of records) this.records.push(r);
    this.lastCounter = records[records.length - 1].counter;
  }

  /** Drops records that arrived before `cutoff` (retention). */
  trim(cutoff: number): void {
    const recs = this.records;
    while (this.head < recs.length && recs[this.head].arrival < cutoff) this.head++;
    // Compact the array once the dead prefix dominates, so trimming stays amortised O(1).
    if (this.head > 1024 && this.head * 2 > recs.length) {
      this.records = recs.slice(this.head);
      this.head = 0;
    }
  }

  /** Index of the first live record whose sequence number is greater (or, with `inclusive`, not smaller) than `seq`. */
  indexAfter(seq: string, inclusive: boolean): number {
    let lo = this.head;
    let hi = this.records.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const c = compareSequences(this.records[mid].sequenceNumber, seq);
      if (c < 0 || (c === 0 && !inclusive)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Index of the first live record that arrived at or after `time`. */
  indexAtTime(time: number): number {
    let lo = this.head;
    let hi = this.records.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.records[mid].arrival < time) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  get firstIndex(): number {
    return this.head;
  }
  get endIndex(): number {
    return this.records.length;
  }
  at(index: number): StoredRecord {
    return this.records[index];
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }

  /** Closes the log and deletes its file (the stream is gone). */
  destroy(): void {
    this.close();
    if (this.file) rmSync(this.file, { force: true });
    this.records = [];
    this.head = 0;
  }

  private load(file: string): void {
    const bytes = readFileSync(file);
    // Only the last line can be cut short (by a crash mid-write); it was never acknowledged: drop it.
    const complete = bytes.lastIndexOf(0x0a) + 1;
    if (complete < bytes.length) truncateSync(file, complete);
    for (const line of bytes.subarray(0, complete).toString('utf8').split('\n')) {
      if (!line) continue;
      const fields = recordFields(line);
      // Checked at start (checkShardLogs); a line damaged since then is a fault of the disk, not of a crash.
      if (!fields) throw new StoreDamagedError('Kinesis', file, 'has a line that cannot be read (not a complete record)');
      const [sequenceNumber, arrival, partitionKey, data, counter] = fields;
      this.records.push({ sequenceNumber, arrival, partitionKey, data: Buffer.from(data, 'base64'), counter: BigInt(counter) });
      this.lastCounter = BigInt(counter);
    }
  }
}

type RecordFields = [sequenceNumber: string, arrival: number, partitionKey: string, base64Data: string, counter: string];

/** A log line's fields (`[sequenceNumber, arrival, partitionKey, base64 data, counter]`), or undefined if damaged. */
function recordFields(line: string): RecordFields | undefined {
  const row = parseJson(line);
  if (!Array.isArray(row) || row.length !== 5) return undefined;
  const [sequenceNumber, arrival, partitionKey, data, counter] = row as unknown[];
  if (typeof sequenceNumber !== 'string' || !/^\d+$/.test(sequenceNumber) || typeof arrival !== 'number' || typeof partitionKey !== 'string') return undefined;
  if (typeof data !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(data) || typeof counter !== 'string' || !/^\d+$/.test(counter)) return undefined;
  return row as RecordFields;
}

/**
 * Reads every shard log under `<dataDir>/kinesis` before the stream serves a read. A damaged line (not a
 * last line cut short by a crash) stops the start, naming the file; with `repair`, the log keeps every
 * readable record, before and after the damage, and the damaged file is moved aside.
 */
export function checkShardLogs(dataDir: string, repair?: DamageRepair): void {
  for (const file of logFiles(join(dataDir, 'kinesis'))) {
    const scan = scanLines(readFileSync(file, 'utf8'), recordFields);
    if (scan.damaged.length === 0) continue;
    if (!repair) throw new StoreDamagedError('Kinesis', file, `${describeLines(scan.damaged)} of ${scan.total} cannot be read (not a complete record)`);
    const kept = `${file}.repaired`;
    writeFileSync(kept, scan.good.map(({ line }) => `${line}\n`).join(''));
    const moved = repair.moveAside(file);
    renameSync(kept, file);
    repair.note(`${file} ${describeLines(scan.damaged)} could not be read: kept the other ${scan.good.length} records, before and after them; the damaged file is now ${moved}`);
  }
}

function logFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.log'))
    .map((name) => join(dir, name));
}
