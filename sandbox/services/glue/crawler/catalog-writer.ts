// The writing half of a crawl: tables and partitions as Glue writes them for JSON data (OpenX JSON SerDe,
// text input format, the crawler's table properties), and the crawler's SchemaChangePolicy on later runs:
// UPDATE_IN_DATABASE replaces a changed schema (a new table version), LOG only logs it; new partitions are
// added either way. Tables and partitions the crawler made whose data is gone are deleted
// (DELETE_FROM_DATABASE), marked DEPRECATED_BY_CRAWLER (DEPRECATE_IN_DATABASE) or left (LOG).

import { createHash } from 'node:crypto';
import type { Sandbox } from '../../../sandbox.js';
import type { RoleSummary } from '../../iam/api.js';
import type { GlueColumn, GlueStorageDescriptor } from '../api.js';
import { createPartition, createTable, deletePartition, deleteTable, findTable, partitionsOfTable, putPartition, putTable, tablesIn, type Owner } from '../catalog.js';
import type { CrawlCounts, CrawlerRecord, TableRecord } from '../store.js';
import type { CrawlLog } from './crawl-log.js';
import { typeName, type JsonField } from './json-schema.js';
import { catalogArn, databaseArn, tableArn } from '../arns.js';
import type { PartitionPlan, Stats, TablePlan } from './layout.js';
import { crawlerSession, refusal } from './role.js';

export const JSON_SERDE = 'org.openx.data.jsonserde.JsonSerDe';
export const TEXT_INPUT_FORMAT = 'org.apache.hadoop.mapred.TextInputFormat';
export const HIVE_OUTPUT_FORMAT = 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat';

/** A crawl that cannot go on; its message becomes LastCrawl.ErrorMessage. */
export class CrawlFailure extends Error {}

export interface WriteOptions {
  crawler: CrawlerRecord;
  runId: string;
  role: RoleSummary;
  database: string;
  /** Configuration's CrawlerOutput.Partitions.AddOrUpdateBehavior = InheritFromTable. */
  inheritFromTable: boolean;
  /** CRAWL_NEW_FOLDERS_ONLY after a first crawl: add partitions, touch nothing else. */
  newFoldersOnly: boolean;
  listed: string[];
}

const columnsOf = (fields: JsonField[]): GlueColumn[] => fields.map((f) => ({ Name: f.name, Type: typeName(f.type) }));

const sameColumns = (a: GlueColumn[] | undefined, b: GlueColumn[] | undefined) =>
  JSON.stringify((a ?? []).map((c) => [c.Name, c.Type])) === JSON.stringify((b ?? []).map((c) => [c.Name, c.Type]));

function parameters(plan: { compressed: boolean; stats: Stats }, classification: string, crawler: string, runId: string): Record<string, string> {
  return {
    CRAWL_RUN_ID: runId,
    CrawlerSchemaDeserializerVersion: '1.0',
    CrawlerSchemaSerializerVersion: '1.0',
    UPDATED_BY_CRAWLER: crawler,
    averageRecordSize: String(plan.stats.averageRecordSize),
    classification,
    compressionType: plan.compressed ? 'gzip' : 'none',
    objectCount: String(plan.stats.objectCount),
    recordCount: String(plan.stats.recordCount),
    sizeKey: String(plan.stats.sizeKey),
    typeOfData: 'file',
  };
}

function storage(location: string, columns: GlueColumn[], fields: JsonField[], compressed: boolean, classification: string, params: Record<string, string>): GlueStorageDescriptor {
  const json = classification === 'json';
  return {
    Columns: columns,
    Location: location,
    ...(json ? { InputFormat: TEXT_INPUT_FORMAT, OutputFormat: HIVE_OUTPUT_FORMAT } : {}),
    Compressed: compressed,
    NumberOfBuckets: -1,
    SerdeInfo: json ? { SerializationLibrary: JSON_SERDE, Parameters: { paths: fields.map((f) => f.key).sort().join(',') } } : { Parameters: {} },
    BucketColumns: [],
    SortColumns: [],
    Parameters: params,
    StoredAsSubDirectories: false,
  };
}

/** Keeps the table's column order: columns it has stay where they are (with their new type), new ones follow. */
function orderLike(existing: GlueColumn[], fresh: GlueColumn[]): GlueColumn[] {
  const byName = new Map(fresh.map((c) => [c.Name, c]));
  const kept = existing.filter((c) => byName.has(c.Name)).map((c) => byName.get(c.Name)!);
  return [...kept, ...fresh.filter((c) => !existing.some((e) => e.Name === c.Name))];
}

function uniqueName(sandbox: Sandbox, owner: Owner, database: string, plan: TablePlan, taken: Set<string>): string {
  const existing = findTable(sandbox, owner, database, plan.name);
  const clash = taken.has(plan.name) || (existing !== undefined && existing.StorageDescriptor?.Location !== plan.location);
  if (!clash) return plan.name;
  // Glue keeps both: the newcomer's name gets a hash of its location.
  return `${plan.name}_${createHash('md5').update(plan.location).digest('hex')}`;
}

export function writeCatalog(sandbox: Sandbox, owner: Owner, plans: TablePlan[], options: WriteOptions, log: CrawlLog): CrawlCounts {
  const { crawler, runId, role, database } = options;
  const now = sandbox.clock.now();
  const session = crawlerSession(owner.accountId, role);
  const counts: CrawlCounts = { TablesCreated: 0, TablesUpdated: 0, TablesDeleted: 0 };
  const may = (action: string, table: string) => {
    const denied = refusal(sandbox, owner, role, action, [catalogArn(owner), databaseArn(owner, database), tableArn(owner, database, table)]);
    if (denied) throw new CrawlFailure(denied);
  };
  const prefix = (crawler.TablePrefix ?? '').toLowerCase();
  const taken = new Set<string>();
  const written = new Set<string>();
  const updateInDatabase = crawler.SchemaChangePolicy.UpdateBehavior === 'UPDATE_IN_DATABASE';

  for (const rawPlan of plans) {
    const plan = { ...rawPlan, name: `${prefix}${rawPlan.name}`.slice(0, 255) };
    const name = uniqueName(sandbox, owner, database, plan, taken);
    taken.add(name);
    written.add(name);
    const params = parameters(plan, plan.classification, crawler.Name, runId);
    const columns = columnsOf(plan.fields);
    const partitionKeys = plan.partitionKeys.map((k) => ({ Name: k, Type: 'string' }));
    const existing = findTable(sandbox, owner, database, name);
    let table: TableRecord;
    if (!existing) {
      may('glue:CreateTable', name);
      table = createTable(
        sandbox,
        owner,
        database,
        {
          Name: name,
          Owner: 'owner',
          LastAccessTime: now,
          Retention: 0,
          StorageDescriptor: storage(plan.location, columns, plan.fields, plan.compressed, plan.classification, params),
          PartitionKeys: partitionKeys,
          TableType: 'EXTERNAL_TABLE',
          Parameters: params,
        },
        now,
        session,
      );
      counts.TablesCreated++;
      log.info(`Created table ${name} in database ${database}`);
    } else if (options.newFoldersOnly) {
      table = existing;
    } else {
      const changed =
        !sameColumns(existing.StorageDescriptor?.Columns, columns) ||
        !sameColumns(existing.PartitionKeys, partitionKeys) ||
        existing.Parameters?.classification !== plan.classification ||
        existing.StorageDescriptor?.Compressed !== plan.compressed;
      if (changed && updateInDatabase) {
        may('glue:UpdateTable', name);
        const ordered = orderLike(existing.StorageDescriptor?.Columns ?? [], columns);
        const { DEPRECATED_BY_CRAWLER: _gone, ...kept } = existing.Parameters ?? {};
        table = {
          ...existing,
          UpdateTime: now,
          VersionId: existing.VersionId + 1,
          StorageDescriptor: storage(plan.location, ordered, plan.fields, plan.compressed, plan.classification, params),
          PartitionKeys: partitionKeys,
          Parameters: { ...kept, ...params },
        };
        putTable(sandbox, owner, table, true);
        counts.TablesUpdated++;
        log.info(`Table ${name} in database ${database} has been updated with new schema`);
      } else {
        if (changed) log.warn(`The schema of table ${name} in database ${database} has changed, but the crawler's SchemaChangePolicy UpdateBehavior is LOG: the table was not updated`);
        const sd = existing.StorageDescriptor;
        const { DEPRECATED_BY_CRAWLER: _gone, ...kept } = existing.Parameters ?? {};
        table = { ...existing, Parameters: { ...kept, ...params }, StorageDescriptor: sd && { ...sd, Parameters: { ...sd.Parameters, ...params } } };
        putTable(sandbox, owner, table);
      }
    }
    writePartitions(sandbox, owner, table, plan, options, log, now, may);
  }

  if (!options.newFoldersOnly) counts.TablesDeleted += removeVanished(sandbox, owner, options, written, log, now, counts, may);
  return counts;
}

function writePartitions(
  sandbox: Sandbox,
  owner: Owner,
  table: TableRecord,
  plan: TablePlan,
  options: WriteOptions,
  log: CrawlLog,
  now: number,
  may: (action: string, table: string) => void,
): void {
  if (plan.partitionKeys.length === 0 || JSON.stringify(table.PartitionKeys.map((k) => k.Name)) !== JSON.stringify(plan.partitionKeys)) return;
  const updateInDatabase = options.crawler.SchemaChangePolicy.UpdateBehavior === 'UPDATE_IN_DATABASE';
  const tableColumns = table.StorageDescriptor?.Columns ?? [];
  const sdOf = (p: PartitionPlan) => {
    const columns = options.inheritFromTable ? tableColumns : columnsOf(p.fields);
    return storage(p.location, columns, p.fields, p.compressed, plan.classification, parameters(p, plan.classification, options.crawler.Name, options.runId));
  };
  const existing = new Map(partitionsOfTable(sandbox, owner, table).map((p) => [JSON.stringify(p.Values), p]));
  const added: string[][] = [];
  for (const p of plan.partitions) {
    const current = existing.get(JSON.stringify(p.values));
    existing.delete(JSON.stringify(p.values));
    if (!current) {
      may('glue:BatchCreatePartition', table.Name);
      createPartition(sandbox, owner, table, { Values: p.values, StorageDescriptor: sdOf(p), LastAccessTime: now }, now);
      added.push(p.values);
    } else if (updateInDatabase && !options.newFoldersOnly) {
      const sd = sdOf(p);
      if (!sameColumns(current.StorageDescriptor?.Columns, sd.Columns) || current.StorageDescriptor?.Compressed !== sd.Compressed) {
        may('glue:UpdatePartition', table.Name);
        putPartition(sandbox, owner, { ...current, StorageDescriptor: sd });
      }
    }
  }
  if (added.length > 0) log.info(`Created partitions with values ${JSON.stringify(added)} for table ${table.Name} in database ${table.DatabaseName}`);
  if (options.newFoldersOnly || existing.size === 0) return;
  const gone = [...existing.values()];
  if (options.crawler.SchemaChangePolicy.DeleteBehavior === 'DELETE_FROM_DATABASE') {
    may('glue:BatchDeletePartition', table.Name);
    for (const p of gone) deletePartition(sandbox, owner, table, p.Values);
    log.info(`Deleted partitions with values ${JSON.stringify(gone.map((p) => p.Values))} from table ${table.Name} in database ${table.DatabaseName}`);
  } else {
    log.info(`Partitions with values ${JSON.stringify(gone.map((p) => p.Values))} of table ${table.Name} have no data any more; the DeleteBehavior keeps them`);
  }
}

/** The crawler's own tables under the listed include paths that this crawl did not find again. */
function removeVanished(
  sandbox: Sandbox,
  owner: Owner,
  options: WriteOptions,
  written: Set<string>,
  log: CrawlLog,
  now: number,
  counts: CrawlCounts,
  may: (action: string, table: string) => void,
): number {
  const { crawler, database } = options;
  let deleted = 0;
  for (const t of tablesIn(sandbox, owner, database)) {
    if (written.has(t.Name) || t.Parameters?.UPDATED_BY_CRAWLER !== crawler.Name) continue;
    const location = t.StorageDescriptor?.Location ?? '';
    if (!options.listed.some((root) => location.startsWith(root))) continue;
    const behavior = crawler.SchemaChangePolicy.DeleteBehavior;
    if (behavior === 'DELETE_FROM_DATABASE') {
      may('glue:DeleteTable', t.Name);
      deleteTable(sandbox, owner, database, t.Name);
      deleted++;
      log.info(`Deleted table ${t.Name} in database ${database}: its data is gone`);
    } else if (behavior === 'DEPRECATE_IN_DATABASE') {
      if (t.Parameters?.DEPRECATED_BY_CRAWLER !== undefined) continue;
      may('glue:UpdateTable', t.Name);
      putTable(sandbox, owner, { ...t, UpdateTime: now, Parameters: { ...t.Parameters, DEPRECATED_BY_CRAWLER: '1' } });
      counts.TablesUpdated++;
      log.info(`Table ${t.Name} in database ${database} is marked DEPRECATED_BY_CRAWLER: its data is gone`);
    } else {
      log.info(`Table ${t.Name} in database ${database} has no data any more; the DeleteBehavior LOG keeps it`);
    }
  }
  return deleted;
}
