// Runs one query through Athena and reads its whole result: finds a named query in a workgroup,
// starts the execution, polls it to a final state (reporting state, elapsed time and data scanned),
// and reads every result page into columns and rows. Used by `lab chart`, its tests and the demo.

import { namedQueries } from '../../checks/lib/athena-lookups.js';
import {
  AthenaClient,
  GetQueryExecutionCommand,
  GetQueryResultsCommand,
  GetWorkGroupCommand,
  StartQueryExecutionCommand,
  StopQueryExecutionCommand,
  type NamedQuery,
  type QueryExecution,
} from '@aws-sdk/client-athena';
import { systemClock, type Clock } from '../engine/clock.js';
import { tc } from './messages.js';

export interface ResultColumn {
  name: string;
  /** Athena's type name, lower-case: varchar, integer, bigint, double, timestamp, date, ... */
  type: string;
}

/** A query's result as Athena returns it: every value a string, or null for SQL NULL. */
export interface ResultTable {
  columns: ResultColumn[];
  rows: (string | null)[][];
}

export interface QueryRun extends ResultTable {
  queryExecutionId: string;
  state: 'SUCCEEDED';
  statementType?: string;
  dataScannedInBytes: number;
  /** Wall time from the start request to the final state, as this process saw it. */
  elapsedMs: number;
  /** Where Athena wrote the result file (`<OutputLocation>/<QueryExecutionId>.csv`). */
  outputLocation?: string;
  /** True when more rows existed than `maxRows` allowed reading. */
  truncated: boolean;
}

export interface QueryProgress {
  queryExecutionId: string;
  state: string;
  elapsedMs: number;
  dataScannedInBytes: number;
}

export interface RunQueryOptions {
  sql: string;
  workgroup: string;
  database?: string;
  catalog?: string;
  signal?: AbortSignal;
  clock?: Clock;
  onProgress?: (progress: QueryProgress) => void;
  /** Give up (and stop the query) after this long; default 15 minutes. */
  timeoutMs?: number;
  /** Rows read at most (a chart of more says nothing more); default 10,000. */
  maxRows?: number;
}

/** Athena ran the query and it ended FAILED or CANCELLED: the student's SQL, table or data is at fault. */
export class QueryFailedError extends Error {
  override readonly name = 'QueryFailedError';
  constructor(
    readonly queryExecutionId: string,
    readonly state: string,
    /** Athena's own words: AthenaError.ErrorMessage, else StateChangeReason. */
    readonly reason: string,
  ) {
    super(tc('query.failed', { id: queryExecutionId, state, reason }));
  }
}

/** The query did not finish within the timeout, or the run was interrupted; it was asked to stop. */
export class QueryStoppedError extends Error {
  override readonly name = 'QueryStoppedError';
  constructor(
    readonly queryExecutionId: string,
    message: string,
  ) {
    super(message);
  }
}

const FINAL_STATES = new Set(['SUCCEEDED', 'FAILED', 'CANCELLED']);
const PAGE_SIZE = 1000;

export async function runQuery(athena: AthenaClient, options: RunQueryOptions): Promise<QueryRun> {
  const clock = options.clock ?? systemClock;
  const timeoutMs = options.timeoutMs ?? 15 * 60_000;
  const started = clock.now();
  const context = options.database || options.catalog ? { Database: options.database, Catalog: options.catalog } : undefined;
  const start = await athena.send(
    new StartQueryExecutionCommand({ QueryString: options.sql, WorkGroup: options.workgroup, QueryExecutionContext: context }),
    { abortSignal: options.signal },
  );
  const id = start.QueryExecutionId!;

  let execution: QueryExecution;
  let lastState = '';
  for (let attempt = 0; ; attempt++) {
    execution = (await athena.send(new GetQueryExecutionCommand({ QueryExecutionId: id }))).QueryExecution ?? {};
    const state = execution.Status?.State ?? 'QUEUED';
    const progress = { queryExecutionId: id, state, elapsedMs: clock.now() - started, dataScannedInBytes: execution.Statistics?.DataScannedInBytes ?? 0 };
    options.onProgress?.(progress);
    lastState = state;
    if (FINAL_STATES.has(state)) break;
    if (options.signal?.aborted) {
      await stopQuietly(athena, id);
      throw new QueryStoppedError(id, tc('query.interrupted', { id }));
    }
    if (progress.elapsedMs > timeoutMs) {
      await stopQuietly(athena, id);
      throw new QueryStoppedError(id, tc('query.tooLong', { id, state, seconds: Math.round(timeoutMs / 1000) }));
    }
    // Quick first looks (the sandbox and small lab queries finish in well under a second), then every 2 s.
    await clock.sleep(Math.min(2000, 100 * 2 ** attempt), options.signal).catch(() => undefined);
  }
  if (lastState !== 'SUCCEEDED') {
    const reason = execution.Status?.AthenaError?.ErrorMessage || execution.Status?.StateChangeReason || tc('query.noReason');
    throw new QueryFailedError(id, lastState, reason);
  }

  const table = await readResults(athena, id, { maxRows: options.maxRows, signal: options.signal });
  return {
    ...table,
    queryExecutionId: id,
    state: 'SUCCEEDED',
    statementType: execution.StatementType,
    dataScannedInBytes: execution.Statistics?.DataScannedInBytes ?? 0,
    elapsedMs: clock.now() - started,
    outputLocation: execution.ResultConfiguration?.OutputLocation,
  };
}

/**
 * Reads every page of a finished query's results. For SELECT, Athena returns the column names as the
 * first row of the first page (undocumented, relied on by every driver): it is dropped when it repeats
 * the column names, so a DDL result (which has no such row) keeps its first row.
 */
export async function readResults(
  athena: AthenaClient,
  queryExecutionId: string,
  options: { maxRows?: number; signal?: AbortSignal } = {},
): Promise<ResultTable & { truncated: boolean }> {
  const maxRows = options.maxRows ?? 10_000;
  let columns: ResultColumn[] = [];
  const rows: (string | null)[][] = [];
  let token: string | undefined;
  let first = true;
  let truncated = false;
  do {
    const page = await athena.send(
      new GetQueryResultsCommand({ QueryExecutionId: queryExecutionId, NextToken: token, MaxResults: PAGE_SIZE }),
      { abortSignal: options.signal },
    );
    const pageRows = (page.ResultSet?.Rows ?? []).map((row) => (row.Data ?? []).map((datum) => datum.VarCharValue ?? null));
    if (first) {
      columns = (page.ResultSet?.ResultSetMetadata?.ColumnInfo ?? []).map((c) => ({ name: c.Label || c.Name || '', type: (c.Type ?? 'varchar').toLowerCase() }));
      if (pageRows.length > 0 && isHeader(pageRows[0]!, columns)) pageRows.shift();
      first = false;
    }
    for (const row of pageRows) {
      if (rows.length >= maxRows) {
        truncated = true;
        break;
      }
      rows.push(row);
    }
    token = page.NextToken;
  } while (token && !truncated);
  return { columns, rows, truncated };
}

function isHeader(row: (string | null)[], columns: ResultColumn[]): boolean {
  return columns.length > 0 && row.length === columns.length && row.every((value, i) => value === columns[i]!.name);
}

/** Whether the workgroup exists (Athena answers InvalidRequestException "... is not found" when not). */
export async function workgroupExists(athena: AthenaClient, name: string): Promise<boolean> {
  try {
    await athena.send(new GetWorkGroupCommand({ WorkGroup: name }));
    return true;
  } catch (err) {
    if (isNotFound(err)) return false;
    throw err;
  }
}

/** The first named query of a workgroup called `name` (Athena allows several with one name). */
export async function findNamedQuery(athena: AthenaClient, workgroup: string, name: string): Promise<NamedQuery | undefined> {
  return (await namedQueries(athena, workgroup)).find((q) => q.Name === name);
}

function isNotFound(err: unknown): boolean {
  const e = err as { name?: string; message?: string };
  return e?.name === 'InvalidRequestException' && /not (be )?found|does not exist/i.test(e.message ?? '');
}

async function stopQuietly(athena: AthenaClient, id: string): Promise<void> {
  try {
    await athena.send(new StopQueryExecutionCommand({ QueryExecutionId: id }));
  } catch {
    // The query may have just finished; stopping is a courtesy to the bill, not a requirement.
  }
}
