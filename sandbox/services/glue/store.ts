// Glue state per account and region: databases, tables (with their archived versions), partitions and
// crawlers. Names of databases and tables are folded to lower case, as Glue stores them; a table's and a
// partition's rows are keyed under their database so a database's contents are found by key prefix.
// Times are epoch milliseconds.

import type { Sandbox } from '../../sandbox.js';
import type { Principal } from '../../edge/context.js';
import { scoped, type ScopedTable } from '../../store/scoped-table.js';
import type { GlueColumn, GlueStorageDescriptor } from './api.js';

export type Tags = Record<string, string>;

export interface DatabaseRecord {
  Name: string;
  Description?: string;
  LocationUri?: string;
  Parameters?: Record<string, string>;
  CreateTableDefaultPermissions?: unknown;
  CreateTime: number;
  tags: Tags;
}

/** A table as stored: Table's wire fields (times as epoch ms, VersionId as a number) and its tags. */
export interface TableRecord {
  Name: string;
  DatabaseName: string;
  Description?: string;
  Owner?: string;
  CreateTime: number;
  UpdateTime: number;
  LastAccessTime?: number;
  LastAnalyzedTime?: number;
  Retention: number;
  StorageDescriptor?: GlueStorageDescriptor;
  PartitionKeys: GlueColumn[];
  ViewOriginalText?: string;
  ViewExpandedText?: string;
  TableType?: string;
  Parameters?: Record<string, string>;
  CreatedBy?: string;
  VersionId: number;
  tags: Tags;
}

export interface PartitionRecord {
  DatabaseName: string;
  TableName: string;
  Values: string[];
  CreationTime: number;
  LastAccessTime?: number;
  LastAnalyzedTime?: number;
  StorageDescriptor?: GlueStorageDescriptor;
  Parameters?: Record<string, string>;
}

export type CrawlerState = 'READY' | 'RUNNING' | 'STOPPING';
export type LastCrawlStatus = 'SUCCEEDED' | 'CANCELLED' | 'FAILED';

export interface S3TargetConfig {
  Path: string;
  Exclusions: string[];
  ConnectionName?: string;
  SampleSize?: number;
  EventQueueArn?: string;
  DlqEventQueueArn?: string;
}

export interface CrawlCounts {
  TablesCreated: number;
  TablesUpdated: number;
  TablesDeleted: number;
}

/** The crawl in progress: started by StartCrawler, carried out and ended by the background work. */
export interface CrawlRun {
  id: string;
  startTime: number;
  /** When StopCrawler made it STOPPING: it stays so for the crawl time, as AWS takes a while to stop one. */
  stoppedAt?: number;
  /** Set once the crawl has read S3 and written the catalog (or failed, or saw the stop). */
  done?: { counts: CrawlCounts; error?: string; cancelled?: boolean };
}

export interface CrawlerRecord {
  Name: string;
  /** As given: a role name, a path and name, or an ARN. */
  Role: string;
  DatabaseName?: string;
  Description?: string;
  Targets: { S3Targets: S3TargetConfig[] };
  Classifiers: string[];
  TablePrefix?: string;
  SchemaChangePolicy: { UpdateBehavior: string; DeleteBehavior: string };
  RecrawlPolicy: { RecrawlBehavior: string };
  LineageConfiguration: { CrawlerLineageSettings: string };
  LakeFormationConfiguration: { UseLakeFormationCredentials: boolean; AccountId: string };
  Schedule?: string;
  Configuration?: string;
  CrawlerSecurityConfiguration?: string;
  CreationTime: number;
  LastUpdated: number;
  Version: number;
  State: CrawlerState;
  run?: CrawlRun;
  LastCrawl?: { Status: LastCrawlStatus; ErrorMessage?: string; MessagePrefix: string; StartTime: number };
  /** Run times in seconds of the last crawls (newest last), for GetCrawlerMetrics. */
  runtimes: number[];
  lastCounts?: CrawlCounts;
  /** S3 folders (`s3://bucket/prefix/`) this crawler has crawled: CRAWL_NEW_FOLDERS_ONLY skips them. */
  crawledFolders: string[];
  tags: Tags;
}

/** Glue folds database and table names to lower case. */
export const fold = (name: string) => name.toLowerCase();

/** Separates the parts of a table's or partition's key; no Glue name can hold it. */
const SEP = '\u0001';

export const tableKey = (database: string, table: string) => `${fold(database)}${SEP}${fold(table)}`;
export const tablesOf = (database: string) => `${fold(database)}${SEP}`;
export const partitionsOf = (database: string, table: string) => `${tableKey(database, table)}${SEP}`;
export const partitionKey = (database: string, table: string, values: string[]) => `${partitionsOf(database, table)}${JSON.stringify(values)}`;
export const versionKey = (database: string, table: string, version: number) => `${partitionsOf(database, table)}${String(version).padStart(10, '0')}`;

export const databases = (sandbox: Sandbox, owner: Pick<Principal, 'accountId' | 'region'>): ScopedTable<DatabaseRecord> =>
  scoped(sandbox.state.table<DatabaseRecord>('glue.databases'), owner, 'region');
export const tables = (sandbox: Sandbox, owner: Pick<Principal, 'accountId' | 'region'>): ScopedTable<TableRecord> =>
  scoped(sandbox.state.table<TableRecord>('glue.tables'), owner, 'region');
export const tableVersions = (sandbox: Sandbox, owner: Pick<Principal, 'accountId' | 'region'>): ScopedTable<TableRecord> =>
  scoped(sandbox.state.table<TableRecord>('glue.table-versions'), owner, 'region');
export const partitions = (sandbox: Sandbox, owner: Pick<Principal, 'accountId' | 'region'>): ScopedTable<PartitionRecord> =>
  scoped(sandbox.state.table<PartitionRecord>('glue.partitions'), owner, 'region');

export const crawlersTable = (sandbox: Sandbox) => sandbox.state.table<CrawlerRecord>('glue.crawlers');
export const crawlers = (sandbox: Sandbox, owner: Pick<Principal, 'accountId' | 'region'>): ScopedTable<CrawlerRecord> =>
  scoped(crawlersTable(sandbox), owner, 'region');

/** The account, region and name in a crawler row's key. */
export function parseCrawlerKey(key: string): { accountId: string; region: string; name: string } {
  const [accountId, region, ...rest] = key.split('/');
  return { accountId, region, name: rest.join('/') };
}
