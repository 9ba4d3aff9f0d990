// DynamoDB state: one dynalite store per account and region, opened on first use, kept under
// `<dataDir>/dynamodb/<account>/<region>` (LevelDB) or in memory, closed with the sandbox. Every store
// on disk is read whole at start (checkDynamoStores), so damage stops the start rather than every call.

import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Sandbox } from '../../sandbox.js';
import type { Principal } from '../../edge/context.js';
import { StoreDamagedError, type DamageRepair } from '../../store/damage.js';
import { createDynaliteStore, readWholeLevelDb, repairLevelDb, tables, type DynaliteStore } from './dynalite.js';

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
 * Reads every DynamoDB store under `<dataDir>/dynamodb`. A store LevelDB cannot read stops the start,
 * naming its damaged file where one can be told (a table file without its footer) or else its folder;
 * with `repair`, the store is copied aside as it was and LevelDB's own repair keeps what it can read.
 */
export async function checkDynamoStores(dataDir: string, repair?: DamageRepair): Promise<void> {
  for (const path of levelDbFolders(join(dataDir, 'dynamodb'))) {
    const read = await readWholeLevelDb(path);
    if (!('damage' in read)) continue;
    const where = unfinishedTableFile(path) ?? path;
    if (!repair) throw new StoreDamagedError('DynamoDB', where, `cannot be read (LevelDB: ${read.damage})`);
    const copy = repair.copyAside(path);
    await repairLevelDb(path);
    const after = await readWholeLevelDb(path);
    if ('damage' in after) throw new StoreDamagedError('DynamoDB', path, `is damaged beyond LevelDB's repair (LevelDB: ${after.damage}); it was copied to ${copy}`);
    repair.note(`${where} could not be read (LevelDB: ${read.damage}): LevelDB's repair kept the ${after.entries} entries it could read (files it could not are in ${join(path, 'lost')}); the store as it was is in ${copy}`);
  }
}

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

/** LevelDB table files end with a fixed magic number; one without it was cut short or overwritten. */
const TABLE_MAGIC = Buffer.from('57fb808b247547db', 'hex');

function unfinishedTableFile(folder: string): string | undefined {
  for (const name of readdirSync(folder).filter((n) => n.endsWith('.ldb') || n.endsWith('.sst')).sort()) {
    const file = join(folder, name);
    const fd = openSync(file, 'r');
    try {
      const size = fstatSync(fd).size;
      const tail = Buffer.alloc(TABLE_MAGIC.length);
      if (size < 48 || readSync(fd, tail, 0, tail.length, size - tail.length) !== tail.length || !tail.equals(TABLE_MAGIC)) return file;
    } finally {
      closeSync(fd);
    }
  }
  return undefined;
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
