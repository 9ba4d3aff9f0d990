// DynamoDB state: one dynalite store per account and region, opened on first use, kept under
// `<dataDir>/dynamodb/<account>/<region>` (LevelDB) or in memory, closed with the sandbox. Every store
// on disk is read whole at start (checkDynamoStores), so damage stops the start rather than every call.

import { copyFileSync, existsSync, linkSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Sandbox } from '../../sandbox.js';
import type { Principal } from '../../edge/context.js';
import { StoreDamagedError, type DamageRepair } from '../../store/damage.js';
import { createDynaliteStore, readWholeLevelDb, repairLevelDb, tables, type DynaliteStore } from './dynalite.js';
import { levelDbLog, scanLevelDbLog, type LogScan } from './leveldb-log.js';

export class DynamoStores {
  private readonly open = new Map<string, Promise<DynaliteStore>>();
  private closed = false;

  constructor(private readonly sandbox: Sandbox) {}

  /** The store of one account and region, created (or reopened from disk) the first time it is asked for. */
  for(owner: Pick<Principal, 'accountId' | 'region'>): Promise<DynaliteStore> {
    if (this.closed) return Promise.reject(new Error('DynamoDB stores are closed'));
    const key = `${owner.accountId}/${owner.region}`;
    let store = this.open.get(key);
    if (!store) {
      store = this.openStore(owner.accountId, owner.region);
      this.open.set(key, store);
    }
    return store;
  }

  private async openStore(accountId: string, region: string): Promise<DynaliteStore> {
    const path = this.sandbox.dataDir ? join(this.sandbox.dataDir, 'dynamodb', accountId, region) : undefined;
    if (path) mkdirSync(path, { recursive: true });
    const store = createDynaliteStore({ path, accountId, region, transitionMs: this.sandbox.options.provisioningDelayMs ?? 0 });
    if (path) await finishTransitions(store);
    return store;
  }

  async close(): Promise<void> {
    this.closed = true;
    const stores = await Promise.allSettled(this.open.values());
    this.open.clear();
    for (const s of stores) if (s.status === 'fulfilled') await s.value.db.close();
  }
}

/**
 * dynalite moves tables out of CREATING/UPDATING/DELETING with in-process timers; a sandbox stopped or
 * killed meanwhile would leave them stuck, so a reopened store finishes those transitions at once.
 */
async function finishTransitions(store: DynaliteStore): Promise<void> {
  const pending = [];
  for await (const table of tables.all(store)) if (table.TableStatus !== 'ACTIVE') pending.push(table);
  for (const table of pending) {
    if (table.TableStatus === 'DELETING') {
      await tables.dropContents(store, table.TableName);
      await tables.del(store, table.TableName);
      continue;
    }
    const indexes = table.GlobalSecondaryIndexes?.map((index) => ({ ...index, IndexStatus: 'ACTIVE' }));
    await tables.put(store, { ...table, TableStatus: 'ACTIVE', ...(indexes ? { GlobalSecondaryIndexes: indexes } : {}) });
  }
}

/**
 * Reads every DynamoDB store under `<dataDir>/dynamodb`. A store with a damaged write-ahead log or a
 * table file LevelDB cannot read stops the start, naming the file (or else the store's folder); with
 * `repair`, the store is copied aside as it was, a damaged log is rewritten with every write that can be
 * read, before and after the damage, and LevelDB's own repair keeps every entry it can read.
 */
export async function checkDynamoStores(dataDir: string, repair?: DamageRepair): Promise<void> {
  for (const path of levelDbFolders(join(dataDir, 'dynamodb'))) {
    const logs = damagedLogs(path);
    const damage = logs[0]
      ? { reason: `its write-ahead log is damaged at byte ${logs[0].scan.damageAt[0]}; LevelDB would drop every write after it`, files: logs.map((l) => l.file) }
      : await inspectUntouched(path, join(dataDir, '.dynamodb-check'));
    if (!damage) continue;
    const where = damage.files[0] ?? path;
    const others = damage.files.length > 1 ? `; ${damage.files.length - 1} more of its files cannot be read either` : '';
    if (!repair) throw new StoreDamagedError('DynamoDB', where, `cannot be read (${damage.reason})${others}`);
    const copy = repair.copyAside(path);
    for (const { file, scan } of logs) {
      writeFileSync(`${file}.repaired`, levelDbLog(scan.writes));
      renameSync(`${file}.repaired`, file);
    }
    const kept = logs.map(({ file, scan }) => `${file} keeps the ${scan.writes.length} writes that can be read; `).join('');
    await repairLevelDb(path);
    const after = await readWholeLevelDb(path);
    if ('damage' in after) throw new StoreDamagedError('DynamoDB', path, `is damaged beyond LevelDB's repair (${after.damage}); the store as it was is in ${copy}`);
    repair.note(`${where} could not be read (${damage.reason})${others}: ${kept}LevelDB's repair kept the ${after.entries} entries it could read and moved what it could not into ${join(path, 'lost')}; the store as it was is in ${copy}`);
  }
}

/** The store's write-ahead logs with damage (LevelDB itself would pass over it without a word). */
function damagedLogs(path: string): { file: string; scan: LogScan }[] {
  return readdirSync(path)
    .filter((name) => name.endsWith('.log'))
    .map((name) => ({ file: join(path, name), scan: scanLevelDbLog(readFileSync(join(path, name))) }))
    .filter(({ scan }) => scan.damageAt.length > 0);
}

/**
 * Reads a store through a scratch folder of hard links to its files: opening LevelDB rewrites its log
 * into a new table file, and a start refused for damage must leave the store as it found it. LevelDB
 * only adds, renames and deletes files (never rewrites one), so the links keep the originals unchanged.
 * On damage, LevelDB's repair runs on the scratch copy too: its log tells which table files it cannot read.
 */
async function inspectUntouched(path: string, scratch: string): Promise<{ reason: string; files: string[] } | undefined> {
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  try {
    for (const name of readdirSync(path)) {
      if (name === 'LOCK' || name === 'lost') continue;
      try {
        linkSync(join(path, name), join(scratch, name));
      } catch {
        copyFileSync(join(path, name), join(scratch, name)); // a file system without hard links
      }
    }
    const read = await readWholeLevelDb(scratch);
    if (!('damage' in read)) return undefined;
    await repairLevelDb(scratch).catch(() => undefined);
    const files = [...infoLog(scratch).matchAll(/Table #(\d+): \d+ entries (?!OK)/g)]
      .map((m) => readdirSync(path).find((name) => /\.(ldb|sst)$/.test(name) && Number(name.split('.')[0]) === Number(m[1])))
      .filter((name): name is string => name !== undefined)
      .map((name) => join(path, name));
    return { reason: `LevelDB: ${read.damage.split(scratch).join(path)}`, files: [...new Set(files)] };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** LevelDB's own account of what it did on opening or repairing a store. */
const infoLog = (folder: string) => (existsSync(join(folder, 'LOG')) ? readFileSync(join(folder, 'LOG'), 'utf8') : '');

/** `<account>/<region>` folders holding a LevelDB store. */
function levelDbFolders(root: string): string[] {
  if (!existsSync(root)) return [];
  const folders: string[] = [];
  for (const account of readdirSync(root, { withFileTypes: true })) {
    if (!account.isDirectory()) continue;
    for (const region of readdirSync(join(root, account.name), { withFileTypes: true })) {
      const path = join(root, account.name, region.name);
      if (region.isDirectory() && readdirSync(path).length > 0) folders.push(path);
    }
  }
  return folders;
}

const registry = new WeakMap<Sandbox, DynamoStores>();

export function dynamoStores(sandbox: Sandbox): DynamoStores {
  let stores = registry.get(sandbox);
  if (!stores) {
    stores = new DynamoStores(sandbox);
    registry.set(sandbox, stores);
  }
  return stores;
}
