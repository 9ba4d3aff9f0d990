// A table of JSON text as the OpenX JSON SerDe reads it, built as a DuckDB view over the table's files:
// one row per line (records glued on one line are one row: the first object, as Athena counts them), JSON
// keys matched to the table's columns case-insensitively, values converted to the columns' types, lines
// that are not JSON objects failing the query when a column is read (or read as NULLs with
// ignore.malformed.json), and partition values by file.
//
// DuckDB's JSON paths are case-sensitive, so the key spellings each file uses are found first, once per
// object version (etag), with what each file holds that needs the slower reading (glued, malformed, not an
// object). A table whose files are clean is read with plain json_extract calls.

import type { DuckDBConnection } from '@duckdb/node-api';
import { duckType, jsonStructure, type HiveType } from '../sql/hive-types.js';
import type { PseudoColumn } from '../sql/query.js';
import { orgJsonError } from './org-json.js';
import type { ResolvedTable, TableFile } from './table-source.js';

/** What a file's lines hold, found once per object version. */
export interface FileProfile {
  /** Top-level key spellings of the lines' objects. */
  keys: string[];
  /** Lines starting with '{' that are not a JSON object. */
  bad: number;
  /** Lines holding more than one value (their first object is the row). */
  glued: number;
  /** Blank lines and lines that are not objects (rows of NULLs). */
  other: number;
  firstBad?: string;
}

const MAX_PROFILES = 100_000;

/** The first JSON object of a line: up to three levels of nesting, strings with escapes (RE2 syntax). */
const FIRST_OBJECT = (() => {
  const str = '"(?:[^"\\\\]|\\\\.)*"';
  let level = `\\{(?:[^{}"]|${str})*\\}`;
  for (let k = 0; k < 3; k++) level = `\\{(?:[^{}"]|${str}|${level})*\\}`;
  return `^(${level})`;
})();

const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;
const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;

/**
 * A read_csv of whole lines: no quoting, no header, a delimiter JSON text cannot hold outside strings. Lines
 * of up to DuckDB's default max_line_size (2 MiB; Firehose records are at most 1000 KiB): a larger setting
 * makes every reader allocate sixteen times it.
 */
function readLines(paths: string[]): string {
  return `read_csv([${paths.map(sqlString).join(', ')}], columns = {'line': 'VARCHAR'}, header = false, delim = chr(1), quote = '', escape = '', auto_detect = false, strict_mode = false, filename = true)`;
}

/** Java's String.trim(): every character up to U+0020 at both ends. */
const TRIM = `trim(coalesce(line, ''), chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || ' ')`;
const CANDIDATE = `CASE WHEN starts_with(__t, '{') THEN CASE WHEN json_valid(__t) THEN __t ELSE nullif(regexp_extract(__t, ${sqlString(FIRST_OBJECT)}, 1), '') END END`;

export class JsonProfiles {
  private readonly profiles = new Map<string, FileProfile>();

  private static id(file: TableFile): string {
    return `${file.bucket}\u0000${file.key}\u0000${file.etag}`;
  }

  get(file: TableFile): FileProfile | undefined {
    return this.profiles.get(JsonProfiles.id(file));
  }

  /** Profiles the files not seen before (one scan of them). `paths` maps each file to its local path. */
  async profile(connection: DuckDBConnection, files: { file: TableFile; path: string }[]): Promise<void> {
    const missing = new Map<string, TableFile>();
    for (const { file, path } of files) if (!this.profiles.has(JsonProfiles.id(file))) missing.set(path, file);
    if (missing.size === 0) return;
    const sql = `
      SELECT filename,
        list_distinct(flatten(list(json_keys(CASE WHEN NOT bad THEN doc END)) FILTER (WHERE doc IS NOT NULL AND NOT bad))) AS keys,
        count(*) FILTER (WHERE bad) AS bad,
        count(*) FILTER (WHERE glued AND NOT bad) AS glued,
        count(*) FILTER (WHERE NOT object) AS other,
        min(__t) FILTER (WHERE bad) AS first_bad
      FROM (
        SELECT filename, __t, doc, object, object AND NOT json_valid(__t) AS glued, object AND (doc IS NULL OR NOT json_valid(doc)) AS bad
        FROM (SELECT filename, __t, ${CANDIDATE} AS doc, starts_with(__t, '{') AS object FROM (SELECT filename, ${TRIM} AS __t FROM ${readLines([...missing.keys()])}))
      )
      GROUP BY filename`;
    const reader = await connection.runAndReadAll(sql);
    const seen = new Set<string>();
    for (const row of reader.getRowObjectsJson()) {
      const path = String(row.filename);
      const file = missing.get(path);
      if (!file) continue;
      seen.add(path);
      this.remember(file, {
        keys: ((row.keys as string[] | null) ?? []).filter((k) => typeof k === 'string'),
        bad: Number(row.bad),
        glued: Number(row.glued),
        other: Number(row.other),
        firstBad: (row.first_bad as string | null) ?? undefined,
      });
    }
    for (const [path, file] of missing) if (!seen.has(path)) this.remember(file, { keys: [], bad: 0, glued: 0, other: 0 });
  }

  private remember(file: TableFile, profile: FileProfile): void {
    if (this.profiles.size >= MAX_PROFILES) this.profiles.delete(this.profiles.keys().next().value!);
    this.profiles.set(JsonProfiles.id(file), profile);
  }
}

export interface ViewFile {
  file: TableFile;
  path: string;
  profile: FileProfile;
}

/** The CREATE TEMP VIEW statement presenting `table` (its pruned files) to the translated query. */
export function jsonTableView(view: string, table: ResolvedTable, files: ViewFile[], pseudo: Set<PseudoColumn>): string {
  const params = table.serdeParameters;
  const ignoreMalformed = (params['ignore.malformed.json'] ?? 'false').toLowerCase() === 'true';
  const caseInsensitive = (params['case.insensitive'] ?? 'true').toLowerCase() !== 'false';
  const pseudoList = [...pseudo];

  const typed = (type: HiveType, value: string) => `CAST(${value} AS ${duckType(type)})`;
  if (files.length === 0) {
    const cols = [
      ...table.columns.map((c) => `${typed(c.type, 'NULL')} AS ${ident(c.name)}`),
      ...table.partitionKeys.map((k) => `${typed(k.parsed, 'NULL')} AS ${ident(k.name)}`),
      ...pseudoList.map((p) => `CAST(NULL AS ${PSEUDO_TYPES[p]}) AS ${ident(p)}`),
    ];
    return `CREATE TEMP VIEW ${view} AS SELECT ${cols.join(', ') || 'NULL AS __none'} WHERE false`;
  }

  const keys = new Set<string>();
  let bad = 0;
  let slow = 0;
  let firstBad: string | undefined;
  for (const { profile } of files) {
    for (const k of profile.keys) keys.add(k);
    bad += profile.bad;
    slow += profile.bad + profile.glued + profile.other;
    firstBad ??= profile.firstBad;
  }
  const failOnBad = bad > 0 && !ignoreMalformed;
  const badMessage = firstBad !== undefined ? `HIVE_CURSOR_ERROR: Row is not a valid JSON Object - JSONException: ${orgJsonError(firstBad)}` : '';

  const spellings = (column: string): string[] => {
    const wanted = (params[`mapping.${column}`] ?? column).toLowerCase();
    return [...keys].filter((k) => (caseInsensitive ? k.toLowerCase() === wanted : k === (params[`mapping.${column}`] ?? column)) && !/["\\]/.test(k));
  };
  const isText = (type: HiveType) => type.kind === 'primitive' && (type.name === 'string' || type.name === 'varchar' || type.name === 'char');
  const convert = (type: HiveType, text: string, json: string) =>
    type.kind !== 'primitive' ? `json_transform(${json}, ${sqlString(JSON.stringify(jsonStructure(type)))})` : isText(type) ? text : `TRY_CAST(${text} AS ${duckType(type)})`;
  const found = new Map(table.columns.map((c) => [c.name, spellings(c.name)]));
  // One entry per file as listed (a file in two partitions is read twice, as Athena reads it); DuckDB's
  // file_index says which entry a row came from, and so its partition values.
  const paths = files.map((f) => f.path);
  const FILE = '__athena_file';

  // Clean files (every line one JSON object) with one spelling per column: DuckDB's own JSON reader, which
  // reads only the keys asked for. Otherwise lines are read as text and the first object of each parsed.
  const requested = new Map<string, HiveType>();
  for (const c of table.columns) for (const k of found.get(c.name)!) requested.set(k, c.type);
  const fast =
    slow === 0 &&
    requested.size > 0 &&
    [...found.values()].every((f) => f.length <= 1) &&
    ![...requested.keys()].some((k) => ['file_index', FILE].includes(k.toLowerCase()));
  let lines: string;
  let columnExpr: (name: string, type: HiveType) => string;
  if (fast) {
    const columns = [...requested.entries()].map(([k, t]) => `${sqlString(k)}: ${t.kind === 'primitive' ? "'VARCHAR'" : "'JSON'"}`).join(', ');
    lines = `SELECT *, file_index AS ${FILE} FROM read_json([${paths.map(sqlString).join(', ')}], format = 'newline_delimited', columns = {${columns}}, maximum_object_size = 16777216)`;
    columnExpr = (name, type) => {
      const [k] = found.get(name)!;
      return k === undefined ? typed(type, 'NULL') : convert(type, ident(k), ident(k));
    };
  } else {
    if (slow === 0) lines = `SELECT file_index AS ${FILE}, line AS __doc FROM ${readLines(paths)}`;
    else {
      lines = `SELECT ${FILE}, CASE WHEN __bad THEN NULL ELSE __cand END AS __doc, __bad FROM (
        SELECT ${FILE}, __cand, coalesce(starts_with(__t, '{') AND (__cand IS NULL OR NOT json_valid(__cand)), false) AS __bad FROM (
          SELECT ${FILE}, __t, ${CANDIDATE} AS __cand FROM (SELECT file_index AS ${FILE}, ${TRIM} AS __t FROM ${readLines(paths)})))`;
    }
    columnExpr = (name, type) => {
      const keysOf = found.get(name)!;
      if (keysOf.length === 0) return typed(type, 'NULL');
      const extract = (k: string) => {
        const path = sqlString(`$."${k}"`);
        return convert(type, `json_extract_string(__doc, ${path})`, `json_extract(__doc, ${path})`);
      };
      const value = keysOf.length === 1 ? extract(keysOf[0]!) : `COALESCE(${keysOf.map(extract).join(', ')})`;
      return failOnBad ? `CASE WHEN __bad THEN error(${sqlString(badMessage)}) ELSE ${value} END` : value;
    };
  }

  // A value per file, looked up by the row's file_index (a list lookup is cheaper than a join on names).
  const byFile = (values: string[]) => `[${values.join(', ')}][CAST(${FILE} AS BIGINT) + 1]`;
  const pseudoValue = (p: PseudoColumn, file: TableFile) =>
    p === '$path' ? sqlString(`s3://${file.bucket}/${file.key}`) : p === '$file_size' ? `CAST(${file.size} AS BIGINT)` : `CAST(${sqlString(new Date(file.lastModified).toISOString())} AS TIMESTAMPTZ)`;
  const select = [
    ...table.columns.map((c) => `${columnExpr(c.name, c.type)} AS ${ident(c.name)}`),
    ...table.partitionKeys.map((k, i) => {
      const value = byFile(files.map(({ file }) => sqlString(file.partition[i] ?? '')));
      return `${k.parsed.kind === 'primitive' && k.parsed.name === 'string' ? value : `TRY_CAST(${value} AS ${duckType(k.parsed)})`} AS ${ident(k.name)}`;
    }),
    ...pseudoList.map((p) => `${byFile(files.map(({ file }) => pseudoValue(p, file)))} AS ${ident(p)}`),
  ];
  return `CREATE TEMP VIEW ${view} AS SELECT ${select.join(', ')} FROM (${lines})`;
}

const PSEUDO_TYPES: Record<PseudoColumn, string> = { $path: 'VARCHAR', $file_size: 'BIGINT', $file_modified_time: 'TIMESTAMPTZ' };

