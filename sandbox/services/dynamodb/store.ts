// DynamoDB state: one dynalite store per account and region, opened on first use, kept under
// `<dataDir>/dynamodb/<account>/<region>` (LevelDB) or in memory, closed with the sandbox.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Sandbox } from '../../sandbox.js';
import type { Principal } from '../../edge/context.js';
import { createDynaliteStore, tables, type DynaliteStore } from './dynalite.js';

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

const registry = new WeakMap<Sandbox, DynamoStores>();

export function dynamoStores(sandbox: Sandbox): DynamoStores {
  let stores = registry.get(sandbox);
  if (!stores) {
    stores = new DynamoStores(sandbox);
    registry.set(sandbox, stores);
  }
  return stores;
}
