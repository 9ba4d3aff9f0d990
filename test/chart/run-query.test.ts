// Athena execution and result reading against a scripted client: the header row of a SELECT dropped
// (and kept for DDL), every page read, NULLs, progress while polling, Athena's own words on failure,
// named queries found across pages.

import { describe, expect, it } from 'vitest';
import type { AthenaClient } from '@aws-sdk/client-athena';
import { QueryFailedError, findNamedQuery, readResults, runQuery, workgroupExists, type QueryProgress } from '../../src/chart/run-query.js';
import type { Clock } from '../../src/engine/clock.js';

type Handler = (input: Record<string, unknown>) => unknown;

function fakeAthena(handlers: Record<string, Handler>): { client: AthenaClient; calls: [string, Record<string, unknown>][] } {
  const calls: [string, Record<string, unknown>][] = [];
  const client = {
    async send(command: { constructor: { name: string }; input: Record<string, unknown> }) {
      const op = command.constructor.name.replace(/Command$/, '');
      calls.push([op, command.input]);
      const handler = handlers[op];
      if (!handler) throw new Error(`unexpected ${op}`);
      return handler(command.input);
    },
  } as unknown as AthenaClient;
  return { client, calls };
}

const fakeClock = (): Clock => {
  let now = 0;
  return { now: () => now, sleep: async (ms) => void (now += ms) };
};

const row = (...values: (string | null)[]) => ({ Data: values.map((v) => (v === null ? {} : { VarCharValue: v })) });
const COLUMNS = [
  { Name: 'hour', Type: 'timestamp' },
  { Name: 'avg_temperature', Type: 'double' },
];

describe('runQuery', () => {
  it('starts the query in the workgroup and database, polls to SUCCEEDED, and reads every page without the header', async () => {
    const states = ['QUEUED', 'RUNNING', 'RUNNING', 'SUCCEEDED'];
    const { client, calls } = fakeAthena({
      StartQueryExecution: () => ({ QueryExecutionId: 'q-1' }),
      GetQueryExecution: () => {
        const state = states.shift()!;
        return {
          QueryExecution: {
            QueryExecutionId: 'q-1',
            StatementType: 'DML',
            Status: { State: state },
            Statistics: { DataScannedInBytes: state === 'SUCCEEDED' ? 2048 : 0 },
            ResultConfiguration: { OutputLocation: 's3://results/q-1.csv' },
          },
        };
      },
      GetQueryResults: (input) =>
        input.NextToken === undefined
          ? { ResultSet: { ResultSetMetadata: { ColumnInfo: COLUMNS }, Rows: [row('hour', 'avg_temperature'), row('2026-11-28 10:00:00.000', '21.5')] }, NextToken: 'p2' }
          : { ResultSet: { ResultSetMetadata: { ColumnInfo: COLUMNS }, Rows: [row('2026-11-28 11:00:00.000', null)] } },
    });
    const progress: QueryProgress[] = [];
    const run = await runQuery(client, { sql: 'SELECT 1', workgroup: 'iotlab-wg', database: 'iotlab_datalake', clock: fakeClock(), onProgress: (p) => progress.push(p) });

    expect(calls[0]).toEqual(['StartQueryExecution', { QueryString: 'SELECT 1', WorkGroup: 'iotlab-wg', QueryExecutionContext: { Database: 'iotlab_datalake', Catalog: undefined } }]);
    expect(progress.map((p) => p.state)).toEqual(['QUEUED', 'RUNNING', 'RUNNING', 'SUCCEEDED']);
    expect(progress.at(-1)!.dataScannedInBytes).toBe(2048);
    expect(progress.map((p) => p.elapsedMs)).toEqual([0, 100, 300, 700]);
    expect(run).toMatchObject({
      queryExecutionId: 'q-1',
      state: 'SUCCEEDED',
      dataScannedInBytes: 2048,
      outputLocation: 's3://results/q-1.csv',
      truncated: false,
      columns: [
        { name: 'hour', type: 'timestamp' },
        { name: 'avg_temperature', type: 'double' },
      ],
      rows: [
        ['2026-11-28 10:00:00.000', '21.5'],
        ['2026-11-28 11:00:00.000', null],
      ],
    });
    expect(calls.filter(([op]) => op === 'GetQueryResults').map(([, input]) => input.NextToken)).toEqual([undefined, 'p2']);
  });

  it("fails with Athena's own words: AthenaError's message, else the StateChangeReason", async () => {
    for (const [status, reason] of [
      [{ State: 'FAILED', StateChangeReason: 'short', AthenaError: { ErrorMessage: "TABLE_NOT_FOUND: line 1:15: Table 'awsdatacatalog.iotlab_datalake.telemetry' does not exist" } }, "TABLE_NOT_FOUND: line 1:15: Table 'awsdatacatalog.iotlab_datalake.telemetry' does not exist"],
      [{ State: 'CANCELLED', StateChangeReason: 'Query was cancelled by user' }, 'Query was cancelled by user'],
    ] as const) {
      const { client } = fakeAthena({
        StartQueryExecution: () => ({ QueryExecutionId: 'q-2' }),
        GetQueryExecution: () => ({ QueryExecution: { Status: status } }),
      });
      const error = await runQuery(client, { sql: 'SELECT * FROM telemetry', workgroup: 'primary', clock: fakeClock() }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(QueryFailedError);
      expect(error).toMatchObject({ queryExecutionId: 'q-2', state: status.State, reason });
    }
  });

  it('stops a query that outlives its timeout', async () => {
    const { client, calls } = fakeAthena({
      StartQueryExecution: () => ({ QueryExecutionId: 'q-3' }),
      GetQueryExecution: () => ({ QueryExecution: { Status: { State: 'RUNNING' } } }),
      StopQueryExecution: () => ({}),
    });
    await expect(runQuery(client, { sql: 'SELECT 1', workgroup: 'primary', clock: fakeClock(), timeoutMs: 10_000 })).rejects.toThrow(
      'Query q-3 was still RUNNING after 10 s: asked Athena to stop it.',
    );
    expect(calls.at(-1)).toEqual(['StopQueryExecution', { QueryExecutionId: 'q-3' }]);
  });
});

describe('readResults', () => {
  it('keeps the first row of a result without a header (DDL) and stops at maxRows', async () => {
    const { client } = fakeAthena({
      GetQueryResults: () => ({ ResultSet: { ResultSetMetadata: { ColumnInfo: [{ Name: 'tab_name', Type: 'string' }] }, Rows: [row('telemetry'), row('other')] }, NextToken: 'more' }),
    });
    const result = await readResults(client, 'q', { maxRows: 1 });
    expect(result).toEqual({ columns: [{ name: 'tab_name', type: 'string' }], rows: [['telemetry']], truncated: true });
  });
});

describe('named queries and workgroups', () => {
  it('finds a named query by name across pages of ListNamedQueries', async () => {
    const { client } = fakeAthena({
      ListNamedQueries: (input) => (input.NextToken ? { NamedQueryIds: ['b'] } : { NamedQueryIds: ['a'], NextToken: 't' }),
      BatchGetNamedQuery: (input) => ({
        NamedQueries: (input.NamedQueryIds as string[]).map((id) => ({ NamedQueryId: id, Name: id === 'b' ? 'iotlab-hourly-stats' : 'other', Database: 'iotlab_datalake', QueryString: 'SELECT 1' })),
      }),
    });
    expect(await findNamedQuery(client, 'iotlab-wg', 'iotlab-hourly-stats')).toMatchObject({ NamedQueryId: 'b', Database: 'iotlab_datalake' });
    expect(await findNamedQuery(client, 'iotlab-wg', 'missing')).toBeUndefined();
  });

  it('tells a missing workgroup from other errors', async () => {
    const notFound = Object.assign(new Error('WorkGroup iotlab-wg is not found.'), { name: 'InvalidRequestException' });
    const denied = Object.assign(new Error('not authorized'), { name: 'AccessDeniedException' });
    expect(await workgroupExists(fakeAthena({ GetWorkGroup: () => ({ WorkGroup: { Name: 'primary' } }) }).client, 'primary')).toBe(true);
    expect(await workgroupExists(fakeAthena({ GetWorkGroup: () => Promise.reject(notFound) }).client, 'iotlab-wg')).toBe(false);
    await expect(workgroupExists(fakeAthena({ GetWorkGroup: () => Promise.reject(denied) }).client, 'iotlab-wg')).rejects.toThrow('not authorized');
  });
});
