// A SELECT from start to rows: read the query, resolve its tables through the Data Catalog (pruning
// partitions by its WHERE clauses), give DuckDB local files and a view per table, run the translated query
// and turn DuckDB's answer into Athena's columns and values. Also counts the bytes of the files read
// (DataScannedInBytes).

import type { DuckDBConnection } from '@duckdb/node-api';
import type { Principal } from '../../../edge/context.js';
import type { Sandbox } from '../../../sandbox.js';
import { columnInfo, formatValue, type ColumnInfo } from '../results.js';
import type { EngineParts } from '../runtime.js';
import type { Token } from '../sql/lexer.js';
import { parseQuery } from '../sql/query.js';
import { checkComparisons } from '../sql/type-check.js';
import { hiveTypeText } from '../sql/hive-types.js';
import { translateDuckError } from './duckdb-errors.js';
import { jsonTableView, type ViewFile } from './json-view.js';
import { resolveTable } from './table-source.js';

export interface SelectResult {
  columns: ColumnInfo[];
  rows: (string | null)[][];
  scannedBytes: number;
  planningMs: number;
}

export async function runSelect(
  sandbox: Sandbox,
  runtime: EngineParts,
  connection: DuckDBConnection,
  owner: Principal,
  sql: string,
  tokens: Token[],
  context: { database: string; catalog: string },
): Promise<SelectResult> {
  const started = performance.now();
  const query = parseQuery(tokens, sql);
  const tables = query.tables.map((ref) => resolveTable(sandbox, owner, ref, context, tokens));
  if (query.deferred) throw query.deferred;
  checkComparisons(
    tokens,
    tables.map((t) => ({ ref: t.ref, columnTypes: new Map([...t.columns.map((c) => [c.name, hiveTypeText(c.type)] as const), ...t.partitionKeys.map((k) => [k.name, k.type] as const)]) })),
  );

  const perTable: ViewFile[][] = [];
  const read = new Map<string, number>();
  const all: { file: ViewFile['file']; path: string }[] = [];
  for (const table of tables) {
    const files: { file: ViewFile['file']; path: string }[] = [];
    for (const file of table.files) {
      const path = runtime.files.path(file.bucket, file.key, file.etag);
      if (!path) continue;
      files.push({ file, path });
      read.set(`${file.bucket}/${file.key}`, file.size);
    }
    all.push(...files);
    perTable.push(files as ViewFile[]);
  }
  try {
    await runtime.profiles.profile(connection, all);
    for (let k = 0; k < tables.length; k++) {
      const files = perTable[k]!.map((f) => ({ ...f, profile: runtime.profiles.get(f.file)! }));
      await connection.run(jsonTableView(tables[k]!.ref.view, tables[k]!, files, query.pseudoColumns));
    }
  } catch (err) {
    throw translateDuckError(err, query);
  }
  const planningMs = performance.now() - started;

  let reader;
  try {
    reader = await connection.runAndReadAll(query.render());
  } catch (err) {
    throw translateDuckError(err, query);
  }
  const names = reader.columnNames();
  const types = reader.columnTypes();
  const columns = names.map((name, k) => columnInfo(name.toLowerCase(), types[k]!));
  const rows = reader.getRows().map((row) => row.map((value, k) => formatValue(value, types[k]!)));
  let scannedBytes = 0;
  for (const size of read.values()) scannedBytes += size;
  return { columns, rows, scannedBytes, planningMs };
}
