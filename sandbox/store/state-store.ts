// The sandbox's persistent state: named tables of JSON values, kept in memory and made durable by an
// append-only journal. Every set/delete is written to the journal (a write(2) before the call returns)
// so an acknowledged change survives `kill -9` of the process; on open, the snapshot is loaded, the
// journal replayed, and both compacted into a new snapshot.

import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readFileSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';

type JournalEntry = { t: string; k: string; v?: unknown; d?: 1 };

/** Compact the journal into a snapshot once it grows past this size. */
const COMPACT_BYTES = 64 * 1024 * 1024;

export class StateStore {
  private readonly tables = new Map<string, Map<string, unknown>>();
  private journalFd: number | null = null;
  private journalBytes = 0;

  private constructor(private readonly dir: string | null) {}

  /** An in-memory store (tests, `--in-memory`): nothing touches the disk. */
  static inMemory(): StateStore {
    return new StateStore(null);
  }

  /** Opens (or creates) the store under `dir`, recovering whatever was acknowledged before a crash. */
  static open(dir: string): StateStore {
    mkdirSync(dir, { recursive: true });
    const store = new StateStore(dir);
    store.recover();
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

  /** @internal */ record(entry: JournalEntry): void {
    if (this.journalFd === null) return;
    const line = Buffer.from(JSON.stringify(entry) + '\n');
    writeSync(this.journalFd, line);
    this.journalBytes += line.length;
    if (this.journalBytes > COMPACT_BYTES) this.compact();
  }

  close(): void {
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

  private recover(): void {
    if (existsSync(this.snapshotPath)) {
      const snapshot = JSON.parse(readFileSync(this.snapshotPath, 'utf8')) as Record<string, Record<string, unknown>>;
      for (const [name, rows] of Object.entries(snapshot)) this.tables.set(name, new Map(Object.entries(rows)));
    }
    if (existsSync(this.journalPath)) {
      const text = readFileSync(this.journalPath, 'utf8');
      for (const line of text.split('\n')) {
        if (!line) continue;
        let entry: JournalEntry;
        try {
          entry = JSON.parse(line) as JournalEntry;
        } catch {
          // A line cut short by a crash was never acknowledged: stop at it.
          break;
        }
        if (entry.d) this.rows(entry.t).delete(entry.k);
        else this.rows(entry.t).set(entry.k, entry.v);
      }
    }
    this.compact();
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
