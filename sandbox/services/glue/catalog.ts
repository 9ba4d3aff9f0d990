// The Data Catalog's rules, shared by the wire operations, the crawlers and the in-process API: databases,
// tables (every create or update archived as a version) and partitions, looked up by folded names, and
// their wire views.

import type { Sandbox } from '../../sandbox.js';
import type { Principal } from '../../edge/context.js';
import type { GlueColumn, GluePartitionInput, GlueStorageDescriptor, GlueTable, GlueTableInput } from './api.js';
import {
  databases,
  fold,
  partitionKey,
  partitions,
  partitionsOf,
  tableKey,
  tables,
  tablesOf,
  tableVersions,
  versionKey,
  type DatabaseRecord,
  type PartitionRecord,
  type TableRecord,
  type Tags,
} from './store.js';
import { databaseExists, databaseNotFound, invalidInput, partitionExists, tableExists, tableNotFound } from './errors.js';

export type Owner = Pick<Principal, 'accountId' | 'region'>;

/** How many archived versions a table keeps (the oldest are dropped). */
const MAX_VERSIONS = 100;

export interface DatabaseInput {
  Name: string;
  Description?: string;
  LocationUri?: string;
  Parameters?: Record<string, string>;
  CreateTableDefaultPermissions?: unknown;
}

/** TableInput as validated from the wire (times as Dates) or given in-process. */
export interface TableInput extends GlueTableInput {
  Owner?: string;
  Retention?: number;
  LastAccessTime?: Date | number;
  LastAnalyzedTime?: Date | number;
  ViewOriginalText?: string;
  ViewExpandedText?: string;
}

export interface PartitionInput extends GluePartitionInput {
  LastAccessTime?: Date | number;
  LastAnalyzedTime?: Date | number;
}

const ms = (t: Date | number | undefined) => (t === undefined ? undefined : t instanceof Date ? t.getTime() : t);

const DEFAULT_PERMISSIONS = [{ Principal: { DataLakePrincipalIdentifier: 'IAM_ALLOWED_PRINCIPALS' }, Permissions: ['ALL'] }];

// ---- databases

export function findDatabase(sandbox: Sandbox, owner: Owner, name: string): DatabaseRecord | undefined {
  return databases(sandbox, owner).get(fold(name));
}

export function requireDatabase(sandbox: Sandbox, owner: Owner, name: string): DatabaseRecord {
  const found = findDatabase(sandbox, owner, name);
  if (!found) throw databaseNotFound(name);
  return found;
}

export function createDatabase(sandbox: Sandbox, owner: Owner, input: DatabaseInput, now: number, tags: Tags = {}): DatabaseRecord {
  const table = databases(sandbox, owner);
  const name = fold(input.Name);
  if (table.has(name)) throw databaseExists();
  const record: DatabaseRecord = {
    Name: name,
    Description: input.Description,
    LocationUri: input.LocationUri,
    Parameters: input.Parameters,
    CreateTableDefaultPermissions: input.CreateTableDefaultPermissions ?? DEFAULT_PERMISSIONS,
    CreateTime: now,
    tags,
  };
  table.set(name, record);
  return record;
}

export function updateDatabase(sandbox: Sandbox, owner: Owner, name: string, input: DatabaseInput): void {
  const current = requireDatabase(sandbox, owner, name);
  if (fold(input.Name) !== current.Name) throw invalidInput('Database name cannot be changed: DatabaseInput.Name must be the name of the database being updated.');
  databases(sandbox, owner).set(current.Name, {
    ...current,
    Description: input.Description,
    LocationUri: input.LocationUri,
    Parameters: input.Parameters,
    CreateTableDefaultPermissions: input.CreateTableDefaultPermissions ?? current.CreateTableDefaultPermissions,
  });
}

/** Deletes a database with its tables, their versions and partitions. */
export function deleteDatabase(sandbox: Sandbox, owner: Owner, name: string): void {
  const current = requireDatabase(sandbox, owner, name);
  for (const t of tables(sandbox, owner).values(tablesOf(current.Name))) removeTable(sandbox, owner, current.Name, t.Name);
  databases(sandbox, owner).delete(current.Name);
}

export function databaseView(db: DatabaseRecord, accountId: string) {
  return {
    Name: db.Name,
    Description: db.Description,
    LocationUri: db.LocationUri,
    Parameters: db.Parameters,
    CreateTime: new Date(db.CreateTime),
    CreateTableDefaultPermissions: db.CreateTableDefaultPermissions,
    CatalogId: accountId,
  };
}

// ---- tables

export function findTable(sandbox: Sandbox, owner: Owner, database: string, name: string): TableRecord | undefined {
  return tables(sandbox, owner).get(tableKey(database, name));
}

/** The table, or EntityNotFoundException for its database or itself. */
export function requireTable(sandbox: Sandbox, owner: Owner, database: string, name: string): TableRecord {
  requireDatabase(sandbox, owner, database);
  const found = findTable(sandbox, owner, database, name);
  if (!found) throw tableNotFound(name);
  return found;
}

export function tablesIn(sandbox: Sandbox, owner: Owner, database: string): TableRecord[] {
  return tables(sandbox, owner)
    .values(tablesOf(database))
    .sort((a, b) => (a.Name < b.Name ? -1 : a.Name > b.Name ? 1 : 0));
}

/** Glue's defaults for what a StorageDescriptor leaves out. */
function storageDescriptor(sd: GlueStorageDescriptor | undefined): TableRecord['StorageDescriptor'] {
  if (!sd) return undefined;
  return { ...sd, Compressed: sd.Compressed ?? false, NumberOfBuckets: sd.NumberOfBuckets ?? 0, SortColumns: sd.SortColumns ?? [], StoredAsSubDirectories: sd.StoredAsSubDirectories ?? false };
}

function checkColumns(input: TableInput): void {
  const names = new Set<string>();
  for (const c of [...(input.StorageDescriptor?.Columns ?? []), ...(input.PartitionKeys ?? [])]) {
    const name = c.Name.toLowerCase();
    if (names.has(name)) throw invalidInput(`Duplicate column name: ${c.Name}`);
    names.add(name);
  }
}

function tableFrom(input: TableInput, database: string, base: Pick<TableRecord, 'CreateTime' | 'VersionId' | 'tags' | 'CreatedBy'>, now: number): TableRecord {
  return {
    Name: fold(input.Name),
    DatabaseName: database,
    Description: input.Description,
    Owner: input.Owner,
    CreateTime: base.CreateTime,
    UpdateTime: now,
    LastAccessTime: ms(input.LastAccessTime),
    LastAnalyzedTime: ms(input.LastAnalyzedTime),
    Retention: input.Retention ?? 0,
    StorageDescriptor: storageDescriptor(input.StorageDescriptor),
    PartitionKeys: (input.PartitionKeys ?? []).map((c) => ({ ...c, Name: c.Name.toLowerCase() })),
    ViewOriginalText: input.ViewOriginalText,
    ViewExpandedText: input.ViewExpandedText,
    TableType: input.TableType,
    Parameters: input.Parameters,
    CreatedBy: base.CreatedBy,
    VersionId: base.VersionId,
    tags: base.tags,
  };
}

function archive(sandbox: Sandbox, owner: Owner, record: TableRecord): void {
  const versions = tableVersions(sandbox, owner);
  versions.set(versionKey(record.DatabaseName, record.Name, record.VersionId), record);
  const old = record.VersionId - MAX_VERSIONS;
  if (old >= 0) versions.delete(versionKey(record.DatabaseName, record.Name, old));
}

export function createTable(sandbox: Sandbox, owner: Owner, database: string, input: TableInput, now: number, createdBy?: string): TableRecord {
  const db = requireDatabase(sandbox, owner, database);
  if (findTable(sandbox, owner, db.Name, input.Name)) throw tableExists();
  checkColumns(input);
  const record = tableFrom(input, db.Name, { CreateTime: now, VersionId: 0, tags: {}, CreatedBy: createdBy }, now);
  tables(sandbox, owner).set(tableKey(db.Name, record.Name), record);
  archive(sandbox, owner, record);
  return record;
}

/** Replaces a table's definition (its name stays); the previous version stays archived unless `skipArchive`. */
export function updateTable(sandbox: Sandbox, owner: Owner, database: string, input: TableInput, now: number, skipArchive = false): TableRecord {
  const current = requireTable(sandbox, owner, database, input.Name);
  checkColumns(input);
  const record = tableFrom(input, current.DatabaseName, { ...current, VersionId: current.VersionId + 1 }, now);
  tables(sandbox, owner).set(tableKey(current.DatabaseName, current.Name), record);
  if (skipArchive) tableVersions(sandbox, owner).delete(versionKey(current.DatabaseName, current.Name, current.VersionId));
  archive(sandbox, owner, record);
  return record;
}

/** Stores a table record as it is (crawler updates and tagging, which keep VersionId unless they bump it). */
export function putTable(sandbox: Sandbox, owner: Owner, record: TableRecord, archived = false): void {
  tables(sandbox, owner).set(tableKey(record.DatabaseName, record.Name), record);
  if (archived) archive(sandbox, owner, record);
}

export function deleteTable(sandbox: Sandbox, owner: Owner, database: string, name: string): void {
  const table = requireTable(sandbox, owner, database, name);
  removeTable(sandbox, owner, table.DatabaseName, table.Name);
}

function removeTable(sandbox: Sandbox, owner: Owner, database: string, name: string): void {
  const parts = partitions(sandbox, owner);
  for (const key of parts.names(partitionsOf(database, name))) parts.delete(key);
  const versions = tableVersions(sandbox, owner);
  for (const key of versions.names(partitionsOf(database, name))) versions.delete(key);
  tables(sandbox, owner).delete(tableKey(database, name));
}

export function tableVersionsOf(sandbox: Sandbox, owner: Owner, table: TableRecord): TableRecord[] {
  return tableVersions(sandbox, owner)
    .values(partitionsOf(table.DatabaseName, table.Name))
    .sort((a, b) => b.VersionId - a.VersionId);
}

/** Table as GetTable answers it. */
export function tableView(t: TableRecord, accountId: string) {
  return {
    Name: t.Name,
    DatabaseName: t.DatabaseName,
    Description: t.Description,
    Owner: t.Owner,
    CreateTime: new Date(t.CreateTime),
    UpdateTime: new Date(t.UpdateTime),
    LastAccessTime: t.LastAccessTime === undefined ? undefined : new Date(t.LastAccessTime),
    LastAnalyzedTime: t.LastAnalyzedTime === undefined ? undefined : new Date(t.LastAnalyzedTime),
    Retention: t.Retention,
    StorageDescriptor: t.StorageDescriptor,
    PartitionKeys: t.PartitionKeys,
    ViewOriginalText: t.ViewOriginalText,
    ViewExpandedText: t.ViewExpandedText,
    TableType: t.TableType,
    Parameters: t.Parameters,
    CreatedBy: t.CreatedBy,
    IsRegisteredWithLakeFormation: false,
    CatalogId: accountId,
    VersionId: String(t.VersionId),
  };
}

/** The table as the in-process API gives it (times as epoch ms). */
export function apiTable(t: TableRecord): GlueTable {
  const { tags: _tags, VersionId, LastAccessTime: _a, LastAnalyzedTime: _b, Owner: _o, Retention: _r, CreatedBy: _c, ViewOriginalText: _v, ViewExpandedText: _w, ...rest } = t;
  return structuredClone({ ...rest, VersionId: String(VersionId) });
}

// ---- partitions

function checkValues(table: TableRecord, values: string[] | undefined): string[] {
  if (!values || values.length !== table.PartitionKeys.length) {
    throw invalidInput('The number of partition keys do not match the number of partition values');
  }
  return values;
}

export function findPartition(sandbox: Sandbox, owner: Owner, table: TableRecord, values: string[]): PartitionRecord | undefined {
  return partitions(sandbox, owner).get(partitionKey(table.DatabaseName, table.Name, values));
}

function partitionFrom(table: TableRecord, input: PartitionInput, values: string[], creationTime: number): PartitionRecord {
  return {
    DatabaseName: table.DatabaseName,
    TableName: table.Name,
    Values: values,
    CreationTime: creationTime,
    LastAccessTime: ms(input.LastAccessTime),
    LastAnalyzedTime: ms(input.LastAnalyzedTime),
    StorageDescriptor: storageDescriptor(input.StorageDescriptor),
    Parameters: input.Parameters,
  };
}

export function createPartition(sandbox: Sandbox, owner: Owner, table: TableRecord, input: PartitionInput, now: number): PartitionRecord {
  const values = checkValues(table, input.Values);
  if (findPartition(sandbox, owner, table, values)) throw partitionExists();
  const record = partitionFrom(table, input, values, now);
  partitions(sandbox, owner).set(partitionKey(table.DatabaseName, table.Name, values), record);
  return record;
}

/** Replaces a partition; its values may change (UpdatePartition moves it). */
export function updatePartition(sandbox: Sandbox, owner: Owner, table: TableRecord, current: PartitionRecord, input: PartitionInput): PartitionRecord {
  const values = checkValues(table, input.Values);
  const moved = JSON.stringify(values) !== JSON.stringify(current.Values);
  if (moved && findPartition(sandbox, owner, table, values)) throw partitionExists();
  const record = partitionFrom(table, input, values, current.CreationTime);
  const store = partitions(sandbox, owner);
  if (moved) store.delete(partitionKey(table.DatabaseName, table.Name, current.Values));
  store.set(partitionKey(table.DatabaseName, table.Name, values), record);
  return record;
}

export function putPartition(sandbox: Sandbox, owner: Owner, record: PartitionRecord): void {
  partitions(sandbox, owner).set(partitionKey(record.DatabaseName, record.TableName, record.Values), record);
}

export function deletePartition(sandbox: Sandbox, owner: Owner, table: TableRecord, values: string[]): boolean {
  return partitions(sandbox, owner).delete(partitionKey(table.DatabaseName, table.Name, values));
}

/** A table's partitions, ordered by their values. */
export function partitionsOfTable(sandbox: Sandbox, owner: Owner, table: TableRecord): PartitionRecord[] {
  const store = partitions(sandbox, owner);
  return store
    .names(partitionsOf(table.DatabaseName, table.Name))
    .sort()
    .map((key) => store.get(key)!);
}

/** The sort key GetPartitions pages by. */
export const partitionSortKey = (p: PartitionRecord) => JSON.stringify(p.Values);

export function partitionView(p: PartitionRecord, accountId: string, excludeColumns = false) {
  const sd = p.StorageDescriptor && excludeColumns ? { ...p.StorageDescriptor, Columns: undefined } : p.StorageDescriptor;
  return {
    Values: p.Values,
    DatabaseName: p.DatabaseName,
    TableName: p.TableName,
    CreationTime: new Date(p.CreationTime),
    LastAccessTime: p.LastAccessTime === undefined ? undefined : new Date(p.LastAccessTime),
    LastAnalyzedTime: p.LastAnalyzedTime === undefined ? undefined : new Date(p.LastAnalyzedTime),
    StorageDescriptor: sd,
    Parameters: p.Parameters,
    CatalogId: accountId,
  };
}

/** Columns of a table's data and partition keys, for callers that need the full schema. */
export function allColumns(t: TableRecord): GlueColumn[] {
  return [...(t.StorageDescriptor?.Columns ?? []), ...t.PartitionKeys];
}
