// The sandbox's persistent state: named tables of JSON values, kept in memory and made durable by an
// append-only journal. Every set/delete is written to the journal (a write(2) before the call returns)
// so an acknowledged change survives `kill -9` of the process; on open, the snapshot is loaded and the
// journal replayed, and both are compacted into a new snapshot once the start-up check of the whole data
// directory has passed (`startJournal`), so a refused start rewrites nothing. Only a journal line cut
// short by a crash is passed over; any other damage stops the open with a StoreDamagedError and leaves
// both files as they are, unless a DamageRepair is given (then every readable entry is kept and the
// damaged files are moved aside).

import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readFileSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { StoreDamagedError, type DamageRepair, describeLines, parseJson, scanLines } from './damage.js';

type JournalEntry = { t: string; k: string; v?: unknown; d?: 1 };

/** Compact the journal into a snapshot once it grows past this size. */
const COMPACT_BYTES = 64 * 1024 * 1024;

export class StateStore {
  private readonly tables = new Map<string, Map<string, unknown>>();
  private journalFd: number | null = null;
  private journalBytes = 0;
  /** Loaded (files as found), journaling (snapshot rewritten, journal open) or closed. */
  private phase: 'loaded' | 'journaling' | 'closed' = 'loaded';

  private constructor(private readonly dir: string | null) {}

  /** An in-memory store (tests, `--in-memory`): nothing touches the disk. */
  static inMemory(): StateStore {
    return new StateStore(null);
  }

  /**
   * Opens (or creates) the store under `dir`, recovering whatever was acknowledged before a crash.
   * Throws StoreDamagedError for damage a crash cannot leave, unless `repair` is given.
   */
  static open(dir: string, repair?: DamageRepair): StateStore {
    mkdirSync(dir, { recursive: true });
    const store = new StateStore(dir);
    store.recover(repair);
    return store;
  }

  get persistent(): boolean {
    return this.dir !== null;
  }

  table<T>(name: string): Table<T> {
    return new Table<T>(this, name);
  }

  /** @internal */ rows(name: string): Map<string, unknown> {
    let rows = this.tables.get(name);
    if (!rows) {
      rows = new Map();
      this.tables.set(name, rows);
    }
    return rows;
  }

  /**
   * Compacts what was loaded into a new snapshot and opens an empty journal: called once the data
   * directory passed its start-up check (and by the first write, whichever comes first).
   */
  startJournal(): void {
    if (this.dir === null || this.phase !== 'loaded') return;
    this.phase = 'journaling';
    this.compact();
  }

  /** @internal */ record(entry: JournalEntry): void {
    this.startJournal();
    if (this.journalFd === null) return;
    const line = Buffer.from(JSON.stringify(entry) + '\n');
    writeSync(this.journalFd, line);
    this.journalBytes += line.length;
    if (this.journalBytes > COMPACT_BYTES) this.compact();
  }

  close(): void {
    this.phase = 'closed';
    if (this.journalFd !== null) {
      closeSync(this.journalFd);
      this.journalFd = null;
    }
  }

  private get snapshotPath(): string {
    return join(this.dir!, 'state.json');
  }
  private get journalPath(): string {
    return join(this.dir!, 'state.journal');
  }

  private recover(repair: DamageRepair | undefined): void {
    // Both files are checked before anything is moved or rewritten, so a refused start changes nothing.
    const snapshot = existsSync(this.snapshotPath) ? readSnapshot(this.snapshotPath) : undefined;
    const journal = existsSync(this.journalPath) ? scanLines(readFileSync(this.journalPath, 'utf8'), journalEntry) : undefined;
    if (!repair) {
      if (snapshot?.damage) throw new StoreDamagedError(STATE_SERVICE, this.snapshotPath, snapshot.damage);
      if (journal && journal.damaged.length > 0) {
        throw new StoreDamagedError(serviceOfLine(journal.damagedText[0]), this.journalPath, `${describeLines(journal.damaged)} of ${journal.total} cannot be read (not a complete record)`);
      }
    }
    if (snapshot) {
      for (const [name, rows] of Object.entries(snapshot.tables)) this.tables.set(name, new Map(Object.entries(rows)));
      if (snapshot.damage && repair) {
        const moved = repair.moveAside(this.snapshotPath);
        const kept = Object.values(snapshot.tables).reduce((n, rows) => n + Object.keys(rows).length, 0);
        repair.note(`${this.snapshotPath} ${snapshot.damage}: kept the ${kept} entries that could be read; the file is now ${moved}`);
      }
    }
    if (journal) {
      for (const { value: entry } of journal.good) {
        if (entry.d) this.rows(entry.t).delete(entry.k);
        else this.rows(entry.t).set(entry.k, entry.v);
      }
      if (journal.damaged.length > 0 && repair) {
        const moved = repair.moveAside(this.journalPath);
        repair.note(`${this.journalPath} ${describeLines(journal.damaged)} could not be read: kept the other ${journal.good.length} entries, before and after them; the file is now ${moved}`);
      }
    }
    // A repair moved files aside: write what was kept at once.
    if (snapshot?.damage || journal?.damaged.length) this.startJournal();
  }

  /** Writes all tables to a new snapshot (atomically, by rename) and starts an empty journal. */
  private compact(): void {
    if (this.dir === null) return;
    const snapshot: Record<string, Record<string, unknown>> = {};
    for (const [name, rows] of this.tables) if (rows.size > 0) snapshot[name] = Object.fromEntries(rows);
    const tmp = `${this.snapshotPath}.tmp`;
    writeFileSync(tmp, JSON.stringify(snapshot));
    renameSync(tmp, this.snapshotPath);
    if (this.journalFd !== null) closeSync(this.journalFd);
    this.journalFd = openSync(this.journalPath, 'w');
    this.journalBytes = fstatSync(this.journalFd).size;
  }
}

const STATE_SERVICE = 'Sandbox state';

/** The services whose tables live in the state store, by their tables' prefix. */
const SERVICE_NAMES: Record<string, string> = {
  apigateway: 'API Gateway', athena: 'Athena', cloudwatch: 'CloudWatch', firehose: 'Firehose', glue: 'Glue', iam: 'IAM',
  iot: 'IoT', kinesis: 'Kinesis', lambda: 'Lambda', logs: 'CloudWatch Logs', s3: 'S3', sts: 'STS',
};

/** The service a damaged journal line belonged to, when its start still shows its table's name. */
function serviceOfLine(line: string | undefined): string {
  const prefix = /^\{"t":"([a-z0-9]+)[./]/.exec(line ?? '')?.[1];
  return (prefix && SERVICE_NAMES[prefix]) ?? STATE_SERVICE;
}

function journalEntry(line: string): JournalEntry | undefined {
  const entry = parseJson(line) as JournalEntry | undefined;
  if (!entry || typeof entry !== 'object' || typeof entry.t !== 'string' || typeof entry.k !== 'string') return undefined;
  return entry.d === 1 || 'v' in entry ? entry : undefined;
}

type Snapshot = Record<string, Record<string, unknown>>;

const isSnapshot = (value: unknown): value is Snapshot =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((rows) => typeof rows === 'object' && rows !== null && !Array.isArray(rows));

/** The snapshot's tables; for a damaged one, what its readable beginning holds, and what is wrong. */
function readSnapshot(path: string): { tables: Snapshot; damage?: string } {
  const text = readFileSync(path, 'utf8');
  const whole = parseJson(text);
  if (isSnapshot(whole)) return { tables: whole };
  let why: string;
  try {
    JSON.parse(text);
    why = 'is JSON but not a snapshot of tables';
  } catch (err) {
    why = `is cut short or not JSON (${(err as Error).message.split('\n')[0]})`;
  }
  return { tables: salvageSnapshot(text), damage: why };
}

/**
 * The complete rows at the start of a damaged snapshot (`{"table":{"key":value,...},...}`): every place
 * where a row or a table ends is a point the text can be closed at; the last such point whose closed text
 * parses is found by bisection (closing points after the damage do not parse).
 */
function salvageSnapshot(text: string): Snapshot {
  const closings: { at: number; close: string }[] = [];
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 1) closings.push({ at: i + 1, close: '}' }); // a table ended
      if (depth === 0) closings.push({ at: i + 1, close: '' });
    } else if (c === ',' && depth === 2) closings.push({ at: i, close: '}}' }); // a row ended
  }
  const attempt = (k: number): Snapshot | undefined => {
    const value = parseJson(text.slice(0, closings[k].at) + closings[k].close);
    return isSnapshot(value) ? value : undefined;
  };
  let lo = 0;
  let hi = closings.length - 1;
  let best: Snapshot = {};
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const value = attempt(mid);
    if (value) {
      best = value;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}

/**
 * One named table. Values must be plain JSON (numbers for times). A value read from the table is the
 * live object: change a copy, then `set` it, so the journal sees every change.
 */
export class Table<T> {
  constructor(
    private readonly store: StateStore,
    readonly name: string,
  ) {}

  get(key: string): T | undefined {
    return this.store.rows(this.name).get(key) as T | undefined;
  }

  has(key: string): boolean {
    return this.store.rows(this.name).has(key);
  }

  set(key: string, value: T): void {
    this.store.rows(this.name).set(key, value);
    this.store.record({ t: this.name, k: key, v: value });
  }

  delete(key: string): boolean {
    const existed = this.store.rows(this.name).delete(key);
    if (existed) this.store.record({ t: this.name, k: key, d: 1 });
    return existed;
  }

  /** Entries whose key starts with `prefix`, in insertion order. */
  *entries(prefix = ''): IterableIterator<[string, T]> {
    for (const [k, v] of this.store.rows(this.name)) if (k.startsWith(prefix)) yield [k, v as T];
  }

  values(prefix = ''): T[] {
    return [...this.entries(prefix)].map(([, v]) => v);
  }

  count(prefix = ''): number {
    let n = 0;
    for (const _ of this.entries(prefix)) n++;
    return n;
  }
}
