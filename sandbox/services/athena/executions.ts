// A query execution's life: accepted QUEUED by StartQueryExecution, RUNNING when the engine takes it,
// then SUCCEEDED (results written to the output location), FAILED (with Athena's reason and AthenaError)
// or CANCELLED (StopQueryExecution). DDL runs against the Data Catalog without the engine. A query that
// was QUEUED or RUNNING when the sandbox stopped is FAILED when it starts again.
// Results: <id>.csv (SELECT) or <id>.txt (DDL) under the output location, and beside a CSV its
// <id>.csv.metadata, here the ColumnInfo as JSON (AWS writes an undocumented binary form no driver reads).

import { randomUUID } from 'node:crypto';
import type { Principal, RequestContext } from '../../edge/context.js';
import type { Sandbox } from '../../sandbox.js';
import { isServiceError } from '../../protocols/errors.js';
import { parseS3Location, DEFAULT_CATALOG } from './lake.js';
import { idempotencyMismatch, noOutputLocation, queryNotFound, workGroupNotFoundUnnamed } from './errors.js';
import { QueryFailure } from './query-errors.js';
import { encodeCsv, type ColumnInfo } from './results.js';
import { athenaRuntime } from './runtime.js';
import { ENGINE_VERSION, PRIMARY, executions, executionsTable, tokens, type ExecutionRecord, type ResultConfiguration } from './store.js';
import { bindParameters } from './sql/parameters.js';
import { parseStatement, statementTypes, type Statement } from './sql/statement.js';
import { effectiveResultConfiguration, enabledWorkGroup } from './workgroups.js';

export interface StartInput {
  QueryString: string;
  ClientRequestToken?: string;
  QueryExecutionContext?: { Database?: string; Catalog?: string };
  ResultConfiguration?: ResultConfiguration;
  WorkGroup?: string;
  ExecutionParameters?: string[];
}

const TERMINAL = new Set(['SUCCEEDED', 'FAILED', 'CANCELLED']);

export function startQuery(ctx: RequestContext, input: StartInput): string {
  const sandbox = ctx.sandbox;
  const wgName = input.WorkGroup ?? PRIMARY;
  const wg = enabledWorkGroup(sandbox, ctx, wgName, workGroupNotFoundUnnamed);
  const tokenTable = tokens(sandbox, ctx);
  if (input.ClientRequestToken) {
    const previous = tokenTable.get(`query/${input.ClientRequestToken}`);
    const record = previous ? executions(sandbox, ctx).get(previous) : undefined;
    if (record) {
      if (record.query !== input.QueryString || record.workGroup !== wgName) throw idempotencyMismatch();
      return record.id;
    }
  }
  const result = effectiveResultConfiguration(wg, input.ResultConfiguration);
  if (!result.OutputLocation) throw noOutputLocation();

  const id = randomUUID();
  let statement: Statement | undefined;
  let parseFailure: QueryFailure | undefined;
  let sql = input.QueryString;
  try {
    if (input.ExecutionParameters) sql = bindParameters(sql, input.ExecutionParameters);
    statement = parseStatement(sql);
  } catch (err) {
    if (!(err instanceof QueryFailure)) throw err;
    parseFailure = err;
  }
  const types = statement ? statementTypes(statement) : { type: 'DML' as const, sub: 'SELECT' };
  const format = types.type === 'DML' ? 'csv' : 'txt';
  const record: ExecutionRecord = {
    id,
    query: input.QueryString,
    workGroup: wgName,
    statementType: types.type,
    substatementType: types.sub,
    context: input.QueryExecutionContext ?? {},
    resultConfiguration: { ...result, OutputLocation: `${withSlash(result.OutputLocation)}${id}.${format}` },
    executionParameters: input.ExecutionParameters,
    clientRequestToken: input.ClientRequestToken,
    state: 'QUEUED',
    submittedAt: ctx.clock.now(),
    resultFormat: format,
  };
  executions(sandbox, ctx).set(id, record);
  if (input.ClientRequestToken) tokenTable.set(`query/${input.ClientRequestToken}`, id);
  schedule(sandbox, { accountId: ctx.accountId, region: ctx.region, clock: ctx.clock }, id, sql, statement, parseFailure);
  return id;
}

const withSlash = (s: string) => (s.endsWith('/') ? s : `${s}/`);

function update(sandbox: Sandbox, owner: Principal, id: string, change: Partial<ExecutionRecord>): ExecutionRecord | undefined {
  const table = executions(sandbox, owner);
  const current = table.get(id);
  if (!current) return undefined;
  const next = { ...current, ...change };
  table.set(id, next);
  return next;
}

function schedule(sandbox: Sandbox, owner: Principal, id: string, sql: string, statement: Statement | undefined, parseFailure: QueryFailure | undefined): void {
  const runtime = athenaRuntime(sandbox);
  const entry = { token: {}, done: Promise.resolve(), cancelRequested: false };
  const submitted = performance.now();
  let started = submitted;
  let planningMs = 0;
  let scanned = 0;

  const begin = (): boolean => {
    const record = executions(sandbox, owner).get(id);
    if (!record || record.state !== 'QUEUED') return false;
    started = performance.now();
    update(sandbox, owner, id, { state: 'RUNNING', startedAt: owner.clock.now() });
    return true;
  };
  const stats = () => ({
    queueMs: Math.round(started - submitted),
    engineMs: Math.round(performance.now() - started),
    planningMs: Math.round(planningMs),
    processingMs: 0,
    dataScannedBytes: scanned,
  });
  const fail = (failure: QueryFailure, state: 'FAILED' | 'CANCELLED' = 'FAILED') => {
    update(sandbox, owner, id, {
      state,
      stateChangeReason: failure.message,
      athenaError: failure.athenaError,
      completedAt: owner.clock.now(),
      statistics: stats(),
    });
  };

  const run = async (): Promise<void> => {
    const record = executions(sandbox, owner).get(id);
    if (!record) return;
    const context = { database: (record.context.Database ?? 'default').toLowerCase(), catalog: (record.context.Catalog ?? DEFAULT_CATALOG).toLowerCase() };
    const output = parseS3Location(record.resultConfiguration.OutputLocation ?? '');
    if (!statement || parseFailure) {
      if (!begin()) return;
      return fail(parseFailure ?? QueryFailure.internal('unreadable statement'));
    }
    const checkOutput = () => {
      if (!output || output.prefix === '') throw QueryFailure.invalidOutputLocation();
      if (!sandbox.api('s3').bucketOwner(output.bucket)) throw QueryFailure.outputBucket(output.bucket);
    };
    const write = (body: string, columns: ColumnInfo[], extra?: { metadata: string }) => {
      const s3 = sandbox.api('s3');
      try {
        s3.putObject(owner, output!.bucket, output!.prefix, Buffer.from(body), { contentType: record.resultFormat === 'csv' ? 'text/csv' : 'text/plain' });
        if (extra) s3.putObject(owner, output!.bucket, `${output!.prefix}.metadata`, Buffer.from(extra.metadata), { contentType: 'application/octet-stream' });
      } catch (err) {
        if (isServiceError(err)) throw QueryFailure.outputBucket(output!.bucket);
        throw err;
      }
      update(sandbox, owner, id, { columns });
    };
    const succeed = () => update(sandbox, owner, id, { state: 'SUCCEEDED', completedAt: owner.clock.now(), statistics: stats() });

    try {
      if (statement.kind !== 'query') {
        if (!begin()) return;
        checkOutput();
        const { ddlFailureFromGlue, runDdl } = await import('./ddl.js');
        let result;
        try {
          result = runDdl(sandbox, owner, statement, context);
        } catch (err) {
          throw ddlFailureFromGlue(err) ?? err;
        }
        write(result.lines.length ? `${result.lines.join('\n')}\n` : '', result.columns);
        succeed();
        return;
      }
      const [parts, { runSelect }] = await Promise.all([runtime.engineParts(), import('./engine/run-select.js')]);
      await parts.engine.run(entry.token, async (connection) => {
        if (!begin()) return;
        checkOutput();
        const result = await runSelect(sandbox, parts, connection, owner, sql, statement.kind === 'query' ? statement.tokens : [], context);
        planningMs = result.planningMs;
        scanned = result.scannedBytes;
        if (entry.cancelRequested) throw QueryFailure.cancelled();
        const header = result.columns.map((c) => c.Name);
        write(encodeCsv(header, result.rows), result.columns, { metadata: JSON.stringify({ ColumnInfo: result.columns }) });
        succeed();
      });
    } catch (err) {
      if (runtime.closing && !entry.cancelRequested) return fail(QueryFailure.interrupted());
      if (entry.cancelRequested || (err instanceof Error && /^INTERRUPT Error/.test(err.message))) return fail(QueryFailure.cancelled(), 'CANCELLED');
      if (err instanceof QueryFailure) return fail(err);
      sandbox.warn(`athena query ${id} failed: ${(err as Error)?.stack ?? String(err)}`);
      fail(QueryFailure.internal((err as Error)?.message ?? String(err)));
    }
  };

  entry.done = run().finally(() => runtime.running.delete(id));
  runtime.running.set(id, entry);
}

/** StopQueryExecution: a queued query never runs; a running one is interrupted; a finished one stays as it is. */
export function stopQuery(sandbox: Sandbox, owner: Principal, id: string): void {
  const record = executions(sandbox, owner).get(id);
  if (!record) throw queryNotFound(id);
  if (TERMINAL.has(record.state)) return;
  const runtime = athenaRuntime(sandbox);
  const entry = runtime.running.get(id);
  if (entry && !entry.cancelRequested) {
    entry.cancelRequested = true;
    // Until the work ends: an interrupt that lands between two of its statements would be lost.
    runtime.interrupt(entry.token);
    const timer = setInterval(() => runtime.interrupt(entry.token), 50);
    void entry.done.finally(() => clearInterval(timer));
  }
  if (record.state === 'QUEUED' || !entry) {
    const failure = QueryFailure.cancelled();
    update(sandbox, owner, id, { state: 'CANCELLED', stateChangeReason: failure.message, athenaError: failure.athenaError, completedAt: owner.clock.now() });
  }
}

/** Queries cut off by a stop of the sandbox: FAILED, with the reason. */
export function failInterrupted(sandbox: Sandbox): void {
  const table = executionsTable(sandbox);
  const failure = QueryFailure.interrupted();
  for (const [key, record] of [...table.entries()]) {
    if (record.state !== 'QUEUED' && record.state !== 'RUNNING') continue;
    table.set(key, { ...record, state: 'FAILED', stateChangeReason: failure.message, athenaError: failure.athenaError, completedAt: sandbox.clock.now() });
  }
}

export function requireExecution(sandbox: Sandbox, owner: Principal, id: string): ExecutionRecord {
  const record = executions(sandbox, owner).get(id);
  if (!record) throw queryNotFound(id);
  return record;
}

/** QueryExecution as GetQueryExecution answers it. */
export function executionView(record: ExecutionRecord, now: number) {
  const s = record.statistics;
  const end = record.completedAt ?? now;
  const total = Math.max(0, end - record.submittedAt);
  return {
    QueryExecutionId: record.id,
    Query: record.query,
    StatementType: record.statementType,
    ResultConfiguration: record.resultConfiguration,
    ResultReuseConfiguration: { ResultReuseByAgeConfiguration: { Enabled: false } },
    QueryExecutionContext: { ...record.context, Catalog: record.context.Catalog ?? DEFAULT_CATALOG },
    Status: {
      State: record.state,
      StateChangeReason: record.stateChangeReason,
      SubmissionDateTime: new Date(record.submittedAt),
      CompletionDateTime: record.completedAt !== undefined ? new Date(record.completedAt) : undefined,
      AthenaError: record.athenaError,
    },
    Statistics: {
      EngineExecutionTimeInMillis: s?.engineMs ?? 0,
      DataScannedInBytes: s?.dataScannedBytes ?? 0,
      TotalExecutionTimeInMillis: s ? s.queueMs + s.engineMs + s.processingMs : total,
      QueryQueueTimeInMillis: s?.queueMs ?? (record.state === 'QUEUED' ? total : 0),
      ServicePreProcessingTimeInMillis: 0,
      QueryPlanningTimeInMillis: s?.planningMs ?? 0,
      ServiceProcessingTimeInMillis: s?.processingMs ?? 0,
      ResultReuseInformation: { ReusedPreviousResult: false },
    },
    WorkGroup: record.workGroup,
    EngineVersion: ENGINE_VERSION,
    ExecutionParameters: record.executionParameters,
    SubstatementType: record.substatementType,
  };
}
