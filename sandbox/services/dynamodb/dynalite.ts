// The typed bridge to dynalite's internals: its LevelDB-backed store and its per-operation validation
// and action functions, called in-process (dynalite's own HTTP handler is never used).

import { createRequire } from 'node:module';
import { dynaliteError } from './errors.js';

const require = createRequire(import.meta.url);

type Callback<T = any> = (err: DynaliteFailure | null, value?: T) => void;

/** What dynalite puts on an error it means for the client. */
export interface DynaliteFailure extends Error {
  statusCode?: number;
  body?: { __type: string; message?: string; Message?: string };
}

interface SubDb {
  get(key: string, cb: Callback): void;
  put(key: string, value: unknown, cb: Callback<void>): void;
  del(key: string, cb: Callback<void>): void;
  createValueStream(options?: object): NodeJS.ReadableStream;
}

export interface TableDescription {
  TableName: string;
  TableArn: string;
  TableStatus: 'CREATING' | 'UPDATING' | 'DELETING' | 'ACTIVE';
  GlobalSecondaryIndexes?: { IndexStatus?: string }[];
  [member: string]: unknown;
}

export interface DynaliteStore {
  options: { createTableMs: number; deleteTableMs: number; updateTableMs: number };
  db: { close(): Promise<void> };
  tableDb: SubDb & { awsAccountId: string; awsRegion: string };
  getTable(name: string, checkStatus: boolean, cb: Callback<TableDescription>): void;
  deleteItemDb(name: string, cb: Callback<void>): void;
  deleteTagDb(name: string, cb: Callback<void>): void;
}

interface Validation {
  types: object;
  custom?: unknown;
}

type Action = (store: DynaliteStore, data: unknown, cb: Callback) => void;

/** LevelDB as dynalite opens it (the `level` package dynalite depends on). */
interface LevelDb {
  open(options?: { createIfMissing?: boolean }): Promise<void>;
  close(): Promise<void>;
  iterator(options?: { fillCache?: boolean; keyEncoding?: string; valueEncoding?: string }): AsyncIterable<[unknown, unknown]>;
}
const { Level } = require('level') as { Level: { new (path: string, options?: object): LevelDb; repair(path: string): Promise<void> } };

/**
 * Reads every entry of the LevelDB store at `path` (dynalite's data) and returns LevelDB's reason when it
 * cannot: damage in a table file shows only when that file is read, so opening alone would not find it.
 * A store held open by another process is not damage: that error is thrown.
 */
export async function readWholeLevelDb(path: string): Promise<{ entries: number } | { damage: string }> {
  const db = new Level(path, { keyEncoding: 'buffer', valueEncoding: 'buffer' });
  let entries = 0;
  try {
    await db.open({ createIfMissing: false });
    for await (const _ of db.iterator({ fillCache: false })) entries++;
    return { entries };
  } catch (err) {
    const reason = levelReason(err);
    if (/\bLOCK\b|lock/.test(reason) && !/Corruption/.test(reason)) throw err;
    return { damage: reason };
  } finally {
    await db.close().catch(() => undefined);
  }
}

/** LevelDB's own repair (RepairDB): keeps every entry it can read; files it cannot read go to `lost/`. */
export const repairLevelDb = (path: string): Promise<void> => Level.repair(path);

/** LevelDB's message, which `level` wraps (LEVEL_DATABASE_NOT_OPEN, LEVEL_ITERATOR_...) in errors of its own. */
function levelReason(err: unknown): string {
  let e = err as (Error & { cause?: unknown }) | undefined;
  while (e?.cause instanceof Error) e = e.cause as Error & { cause?: unknown };
  return (e?.message ?? String(err)).split('\n')[0];
}

const dynaliteDb = require('dynalite/db') as { create(options: object): DynaliteStore };
const validations = require('dynalite/validations') as {
  checkTypes(data: unknown, types: object): unknown;
  checkValidations(data: unknown, types: object, custom: unknown, store: DynaliteStore): void;
};

/** The operations dynalite implements, by their AWS names. */
export type DynaliteOperation =
  | 'BatchGetItem' | 'BatchWriteItem' | 'CreateTable' | 'DeleteItem' | 'DeleteTable' | 'DescribeTable'
  | 'DescribeTimeToLive' | 'GetItem' | 'ListTables' | 'ListTagsOfResource' | 'PutItem' | 'Query' | 'Scan'
  | 'TagResource' | 'UntagResource' | 'UpdateItem' | 'UpdateTable';

const modules = new Map<DynaliteOperation, { validation: Validation; action: Action }>();

function moduleFor(operation: DynaliteOperation) {
  let found = modules.get(operation);
  if (!found) {
    const file = operation[0].toLowerCase() + operation.slice(1);
    found = { validation: require(`dynalite/validations/${file}`) as Validation, action: require(`dynalite/actions/${file}`) as Action };
    modules.set(operation, found);
  }
  return found;
}

export interface StoreOptions {
  /** LevelDB directory; in memory when absent. */
  path?: string;
  accountId: string;
  region: string;
  /** How long tables stay CREATING / DELETING / UPDATING. */
  transitionMs: number;
}

export function createDynaliteStore(options: StoreOptions): DynaliteStore {
  const ms = options.transitionMs;
  const store = dynaliteDb.create({ path: options.path, createTableMs: ms, deleteTableMs: ms, updateTableMs: ms });
  // dynalite builds ARNs from these (read once from the environment otherwise): one store is one account and region.
  store.tableDb.awsAccountId = options.accountId;
  store.tableDb.awsRegion = options.region;
  return store;
}

/** Runs one operation the way dynalite's HTTP handler would: type checks, constraint checks, then the action. */
export function runAction<T = Record<string, unknown>>(store: DynaliteStore, operation: DynaliteOperation, input: unknown): Promise<T> {
  const { validation, action } = moduleFor(operation);
  return new Promise<T>((resolve, reject) => {
    try {
      const data = validations.checkTypes(input ?? {}, validation.types);
      validations.checkValidations(data, validation.types, validation.custom, store);
      action(store, data, (err, value) => (err ? reject(toServiceError(err)) : resolve((value || {}) as T)));
    } catch (err) {
      reject(toServiceError(err as DynaliteFailure));
    }
  });
}

function toServiceError(err: DynaliteFailure): Error {
  return err.statusCode && err.body ? dynaliteError(err.body, err.statusCode) : err;
}

const done = (resolve: () => void, reject: (err: unknown) => void): Callback<void> => (err) => (err ? reject(err) : resolve());

/** Promise forms of the table records' own storage, for recovery after a restart. */
export const tables = {
  /** A table's items and tags (a DeleteTable cut short leaves them behind). */
  dropContents: async (store: DynaliteStore, name: string) => {
    await new Promise<void>((resolve, reject) => store.deleteItemDb(name, done(resolve, reject)));
    await new Promise<void>((resolve, reject) => store.deleteTagDb(name, done(resolve, reject)));
  },
  put: (store: DynaliteStore, table: TableDescription) =>
    new Promise<void>((resolve, reject) => store.tableDb.put(table.TableName, table, done(resolve, reject))),
  del: (store: DynaliteStore, name: string) => new Promise<void>((resolve, reject) => store.tableDb.del(name, done(resolve, reject))),
  async *all(store: DynaliteStore): AsyncGenerator<TableDescription> {
    for await (const table of store.tableDb.createValueStream() as AsyncIterable<TableDescription>) yield table;
  },
};
