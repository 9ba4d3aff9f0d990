// Query results as Athena presents them: column types in Trino's lower-case names (varchar, integer,
// bigint, double, timestamp, array, row...) with the precision and scale Athena reports, values written
// as Trino writes them (20.0, 2026-11-28 10:00:00.000, [a, b], {x=1}), and the result file in Athena's
// CSV dialect: a header row, every value double-quoted, NULL as an empty unquoted field.

import type { DuckDBType } from '@duckdb/node-api';

export interface ColumnInfo {
  CatalogName: string;
  SchemaName: string;
  TableName: string;
  Name: string;
  Label: string;
  Type: string;
  Precision: number;
  Scale: number;
  Nullable: 'UNKNOWN';
  CaseSensitive: boolean;
}

/** DuckDB's type ids (its C API's, stable). */
const T = {
  BOOLEAN: 1, TINYINT: 2, SMALLINT: 3, INTEGER: 4, BIGINT: 5, UTINYINT: 6, USMALLINT: 7, UINTEGER: 8, UBIGINT: 9, FLOAT: 10, DOUBLE: 11,
  TIMESTAMP: 12, DATE: 13, TIME: 14, INTERVAL: 15, HUGEINT: 16, VARCHAR: 17, BLOB: 18, DECIMAL: 19, TIMESTAMP_S: 20, TIMESTAMP_MS: 21,
  TIMESTAMP_NS: 22, ENUM: 23, LIST: 24, STRUCT: 25, MAP: 26, UUID: 27, TIME_TZ: 30, TIMESTAMP_TZ: 31, UHUGEINT: 32, ARRAY: 33, SQLNULL: 36,
} as const;

export function columnInfo(name: string, type: DuckDBType | { typeId: number }, base: Partial<ColumnInfo> = {}): ColumnInfo {
  const t = athenaType(type);
  return { CatalogName: 'hive', SchemaName: '', TableName: '', Name: name, Label: name, ...t, Nullable: 'UNKNOWN', ...base };
}

/** ColumnInfo of a DDL result column (Hive's string type). */
export function textColumn(name: string): ColumnInfo {
  return { CatalogName: 'hive', SchemaName: '', TableName: '', Name: name, Label: name, Type: 'string', Precision: 0, Scale: 0, Nullable: 'UNKNOWN', CaseSensitive: false };
}

function athenaType(type: { typeId: number }): { Type: string; Precision: number; Scale: number; CaseSensitive: boolean } {
  const simple = (Type: string, Precision = 0, Scale = 0, CaseSensitive = false) => ({ Type, Precision, Scale, CaseSensitive });
  switch (type.typeId) {
    case T.VARCHAR:
    case T.ENUM:
      return simple('varchar', 2147483647, 0, true);
    case T.BOOLEAN:
      return simple('boolean');
    case T.TINYINT:
      return simple('tinyint', 3);
    case T.SMALLINT:
    case T.UTINYINT:
      return simple('smallint', 5);
    case T.INTEGER:
    case T.USMALLINT:
      return simple('integer', 10);
    case T.BIGINT:
    case T.UINTEGER:
    case T.HUGEINT:
    case T.UBIGINT:
    case T.UHUGEINT:
      return simple('bigint', 19);
    case T.FLOAT:
      return simple('real', 17);
    case T.DOUBLE:
      return simple('double', 17);
    case T.DECIMAL: {
      const d = type as unknown as { width: number; scale: number };
      return simple('decimal', d.width, d.scale);
    }
    case T.DATE:
      return simple('date');
    case T.TIME:
      return simple('time', 3);
    case T.TIME_TZ:
      return simple('time with time zone', 3);
    case T.TIMESTAMP:
    case T.TIMESTAMP_S:
    case T.TIMESTAMP_MS:
    case T.TIMESTAMP_NS:
      return simple('timestamp', 3);
    case T.TIMESTAMP_TZ:
      return simple('timestamp with time zone', 3);
    case T.INTERVAL:
      return simple('interval day to second');
    case T.BLOB:
      return simple('varbinary', 1073741824);
    case T.UUID:
      return simple('uuid');
    case T.LIST:
    case T.ARRAY:
      return simple('array');
    case T.STRUCT:
      return simple('row');
    case T.MAP:
      return simple('map');
    case T.SQLNULL:
      return simple('unknown');
    default:
      return simple('varchar', 2147483647, 0, true);
  }
}

/** A value as Trino prints it, or null for NULL. */
export function formatValue(value: unknown, type: DuckDBType): string | null {
  if (value === null || value === undefined) return null;
  const nested = (v: unknown, t: DuckDBType) => formatValue(v, t) ?? 'null';
  switch (type.typeId) {
    case T.BOOLEAN:
      return value ? 'true' : 'false';
    case T.DOUBLE:
      return javaDouble(Number(value));
    case T.FLOAT:
      return javaFloat(Number(value));
    case T.TIMESTAMP:
    case T.TIMESTAMP_S:
    case T.TIMESTAMP_MS:
    case T.TIMESTAMP_NS:
      return millis(String(value));
    case T.TIMESTAMP_TZ: {
      const text = String(value).replace(/[+-]\d\d(:\d\d)?$/, '');
      return `${millis(text)} UTC`;
    }
    case T.TIME:
      return millis(`0000-00-00 ${String(value)}`).slice(11);
    case T.BLOB: {
      const bytes = (value as { bytes?: Uint8Array }).bytes ?? new Uint8Array();
      return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join(' ');
    }
    case T.INTERVAL: {
      const v = value as { months: number; days: number; micros: bigint };
      const micros = Number(v.micros);
      const sign = micros < 0 ? '-' : '';
      const abs = Math.abs(micros);
      const h = Math.floor(abs / 3_600_000_000);
      const m = Math.floor((abs % 3_600_000_000) / 60_000_000);
      const s = Math.floor((abs % 60_000_000) / 1_000_000);
      const ms = Math.floor((abs % 1_000_000) / 1000);
      const pad = (n: number, w = 2) => String(n).padStart(w, '0');
      return `${sign}${v.days} ${pad(h)}:${pad(m)}:${pad(s)}.${pad(ms, 3)}`;
    }
    case T.LIST:
    case T.ARRAY: {
      const element = (type as unknown as { valueType: DuckDBType }).valueType;
      const items = (value as { items: readonly unknown[] }).items;
      return `[${items.map((i) => nested(i, element)).join(', ')}]`;
    }
    case T.STRUCT: {
      const st = type as unknown as { entryNames: readonly string[]; entryTypes: readonly DuckDBType[] };
      const entries = (value as { entries: Record<string, unknown> }).entries;
      return `{${st.entryNames.map((n, k) => `${n}=${nested(entries[n], st.entryTypes[k]!)}`).join(', ')}}`;
    }
    case T.MAP: {
      const mt = type as unknown as { keyType: DuckDBType; valueType: DuckDBType };
      const entries = (value as { entries: { key: unknown; value: unknown }[] }).entries;
      return `{${entries.map((e) => `${nested(e.key, mt.keyType)}=${nested(e.value, mt.valueType)}`).join(', ')}}`;
    }
    default:
      return String(value);
  }
}

/** `2026-11-28 10:00:00[.123456]` with exactly three fractional digits, as timestamp(3) prints. */
function millis(text: string): string {
  const m = /^(.*?\d\d:\d\d:\d\d)(?:\.(\d+))?(.*)$/.exec(text);
  if (!m) return text;
  return `${m[1]}.${(m[2] ?? '').padEnd(3, '0').slice(0, 3)}${m[3]}`;
}

/** Java's Double.toString: 20.0, 0.001, 1.0E-4, 1.2345678E7, NaN, Infinity. */
export function javaDouble(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'Infinity' : '-Infinity';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  return javaDecimal(x);
}

/** Java's Float.toString: the shortest decimal that reads back as the same float. */
export function javaFloat(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'Infinity' : '-Infinity';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const f = Math.fround(x);
  let shortest = String(f);
  for (let p = 1; p <= 9; p++) {
    const candidate = Number(f.toPrecision(p));
    if (Math.fround(candidate) === f) {
      shortest = String(candidate);
      break;
    }
  }
  return javaDecimal(Number(shortest));
}

function javaDecimal(x: number): string {
  const abs = Math.abs(x);
  if (abs >= 1e-3 && abs < 1e7) {
    const plain = String(x);
    return plain.includes('.') ? plain : `${plain}.0`;
  }
  // toExponential() without digits gives the shortest ones, as Java does.
  const [mantissa, exponent] = x.toExponential().split('e') as [string, string];
  return `${mantissa.includes('.') ? mantissa : `${mantissa}.0`}E${Number(exponent)}`;
}

/** Athena's CSV: a header row, every value double-quoted ("" inside), NULL as nothing. */
export function encodeCsv(header: string[], rows: (string | null)[][]): string {
  const field = (v: string | null) => (v === null ? '' : `"${v.replace(/"/g, '""')}"`);
  let out = `${header.map(field).join(',')}\n`;
  for (const row of rows) out += `${row.map(field).join(',')}\n`;
  return out;
}

/** Reads Athena's CSV back: rows of values, null for an empty unquoted field (header row included). */
export function decodeCsv(text: string): (string | null)[][] {
  const rows: (string | null)[][] = [];
  let row: (string | null)[] = [];
  let i = 0;
  while (i < text.length) {
    let value: string | null;
    if (text[i] === '"') {
      let j = i + 1;
      let v = '';
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) {
          v += text.slice(j);
          j = text.length;
          break;
        }
        v += text.slice(j, q);
        if (text[q + 1] === '"') {
          v += '"';
          j = q + 2;
          continue;
        }
        j = q + 1;
        break;
      }
      value = v;
      i = j;
    } else {
      let j = i;
      while (j < text.length && text[j] !== ',' && text[j] !== '\n') j++;
      const raw = text.slice(i, j);
      value = raw === '' ? null : raw;
      i = j;
    }
    row.push(value);
    if (text[i] === ',') {
      i++;
      continue;
    }
    rows.push(row);
    row = [];
    if (text[i] === '\n') i++;
  }
  return rows;
}
