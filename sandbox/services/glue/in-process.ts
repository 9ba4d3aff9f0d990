// The in-process Glue API (api.ts) over the same store and rules as the wire operations: Athena resolves
// tables and partitions and runs its DDL through it.

import type { Sandbox } from '../../sandbox.js';
import type { GlueApi } from './api.js';
import { apiTable, createDatabase, createPartition, createTable, deleteTable, findDatabase, findPartition, findTable, partitionsOfTable, requireTable, tablesIn } from './catalog.js';
import { databases } from './store.js';
import { crawlerEngine } from './crawler/engine.js';

export function createGlueApi(sandbox: Sandbox): GlueApi {
  return {
    getDatabase(owner, name) {
      const db = findDatabase(sandbox, owner, name);
      return db && { Name: db.Name, Description: db.Description, LocationUri: db.LocationUri };
    },
    listDatabases(owner) {
      return databases(sandbox, owner)
        .values()
        .map((d) => ({ Name: d.Name }))
        .sort((a, b) => (a.Name < b.Name ? -1 : 1));
    },
    createDatabase(owner, input) {
      createDatabase(sandbox, owner, input, owner.clock.now());
    },
    getTable(owner, database, name) {
      const table = findTable(sandbox, owner, database, name);
      return table && apiTable(table);
    },
    getTables(owner, database) {
      return findDatabase(sandbox, owner, database) ? tablesIn(sandbox, owner, database).map(apiTable) : [];
    },
    createTable(owner, database, input) {
      createTable(sandbox, owner, database, input, owner.clock.now(), `arn:aws:iam::${owner.accountId}:root`);
    },
    deleteTable(owner, database, name) {
      deleteTable(sandbox, owner, database, name);
    },
    getPartitions(owner, database, name) {
      const table = findTable(sandbox, owner, database, name);
      if (!table) return [];
      return partitionsOfTable(sandbox, owner, table).map((p) => {
        const { LastAccessTime: _a, LastAnalyzedTime: _b, ...rest } = p;
        return structuredClone(rest);
      });
    },
    addPartitions(owner, database, name, inputs) {
      const table = requireTable(sandbox, owner, database, name);
      const now = owner.clock.now();
      let added = 0;
      for (const input of inputs) {
        if (findPartition(sandbox, owner, table, input.Values)) continue;
        createPartition(sandbox, owner, table, input, now);
        added++;
      }
      return added;
    },
    runCrawlers() {
      return crawlerEngine(sandbox).settle();
    },
  };
}
