// GetQueryResults: a SUCCEEDED query's rows, read back from its result file in S3, MaxResults (up to 1000)
// at a time. For a SELECT the first row of the first page is the header (the column names), as every
// Athena driver expects; DDL output is its lines of text. ColumnInfo carries Athena's type names.

import { defineOperation } from '../../definition.js';
import { str, struct } from '../../../protocols/shapes.js';
import { invalidRequest, queryCancelled, queryNotFinished } from '../errors.js';
import { requireExecution } from '../executions.js';
import { parseS3Location } from '../lake.js';
import { page } from '../paging.js';
import { decodeCsv } from '../results.js';
import { maxResults, queryExecutionId, token } from '../shapes.js';
import type { ExecutionRecord } from '../store.js';
import type { Sandbox } from '../../../sandbox.js';

const input = struct({ QueryExecutionId: queryExecutionId(true), NextToken: token, MaxResults: maxResults(1, 1000), QueryResultType: str({ enum: ['DATA_MANIFEST', 'DATA_ROWS'] }) });

const cache = new WeakMap<Sandbox, Map<string, (string | null)[][]>>();
const CACHED_RESULTS = 16;

function resultRows(sandbox: Sandbox, record: ExecutionRecord): (string | null)[][] {
  let byId = cache.get(sandbox);
  if (!byId) cache.set(sandbox, (byId = new Map()));
  const cached = byId.get(record.id);
  if (cached) return cached;
  const location = record.resultConfiguration.OutputLocation ?? '';
  const parsed = parseS3Location(location);
  const body = parsed && sandbox.api('s3').getObject(parsed.bucket, parsed.prefix);
  if (!body) throw invalidRequest(`The query results could not be read: ${location} does not exist.`);
  const text = body.toString('utf8');
  const rows = record.resultFormat === 'csv' ? decodeCsv(text) : text === '' ? [] : text.replace(/\n$/, '').split('\n').map((line) => [line]);
  if (byId.size >= CACHED_RESULTS) byId.delete(byId.keys().next().value!);
  byId.set(record.id, rows);
  return rows;
}

export const getQueryResults = defineOperation<{ QueryExecutionId: string; NextToken?: string; MaxResults?: number }>({
  name: 'GetQueryResults',
  input,
  handler(input, ctx) {
    const record = requireExecution(ctx.sandbox, ctx, input.QueryExecutionId);
    if (record.state === 'QUEUED' || record.state === 'RUNNING') throw queryNotFinished(record.state);
    if (record.state === 'FAILED') throw invalidRequest(record.stateChangeReason ?? 'Query failed');
    if (record.state === 'CANCELLED') throw queryCancelled();
    const rows = resultRows(ctx.sandbox, record);
    const { items, next } = page(rows, input.NextToken, input.MaxResults ?? 1000, `results/${record.id}`);
    return {
      UpdateCount: 0,
      ResultSet: {
        Rows: items.map((row) => ({ Data: row.map((v) => (v === null ? {} : { VarCharValue: v })) })),
        ResultSetMetadata: { ColumnInfo: record.columns ?? [] },
      },
      NextToken: next,
    };
  },
});
