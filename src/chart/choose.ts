// Decides what to draw from a query result: which column is the x axis (a time, an hour of the day or
// a category), which numeric columns are the values, whether a category column (a device) splits them
// into series, and whether that is a line over time or bars per category. Flags override each choice.
// Then shapes the rows into points for the renderer and the terminal.

import { UsageError } from '../errors.js';
import type { ResultColumn, ResultTable } from './run-query.js';
import { tc } from './messages.js';

export type ChartKind = 'line' | 'bar';
/** temporal: instants on a UTC time axis; ordinal: ordered labels (hours 0-23); nominal: categories. */
export type XScale = 'temporal' | 'ordinal' | 'nominal';
export type ColumnRole = 'time' | 'hour-of-day' | 'number' | 'category';

export interface ChartFlags {
  kind?: ChartKind;
  x?: string;
  y?: string[];
  series?: string;
}

export interface ChartChoice {
  kind: ChartKind;
  x: { column: string; scale: XScale };
  y: string[];
  series?: string;
  /** Numeric columns left out of an automatic choice: counts beside measurements, or values on another scale. */
  omitted?: string[];
}

export interface Point {
  /** Milliseconds since the epoch (UTC) on a temporal axis, the label otherwise. */
  x: number | string;
  y: number;
  series: string;
  /** The series column's value (the device), when there is one. */
  group?: string;
  /** The value column the point comes from. */
  measure: string;
}

export interface ChartData {
  choice: ChartChoice;
  points: Point[];
  /** Series names in the order they appear. */
  series: string[];
  /** Labels of an ordinal or nominal axis in drawing order. */
  xOrder?: string[];
  /** Title of the y axis: the value column, or "value" for several. */
  yTitle: string;
  /** Rows left out because their x or every value was missing. */
  skippedRows: number;
}

const NUMERIC_TYPE = /^(tinyint|smallint|int|integer|bigint|double|float|real|decimal)\b/;
const TIME_TYPE = /^(timestamp|date)\b/;
const HOUR_NAME = /(^|_)(hour|hr)(_of_day)?$/i;
/** How many distinct values a category may have and still be a series (more make an unreadable legend). */
const MAX_AUTO_SERIES = 24;
/** Values on one axis must stay within this factor of each other to be read (a count of 3600 flattens temperatures of 20). */
const MAX_SCALE_RATIO = 20;
/** Columns that count rows rather than measure something, drawn only when asked for with --y. */
const COUNT_NAME = /^(count|cnt|n|num|readings|records|rows|messages|events)$|_count$|^count_|^num_|^n_/i;

export function isNumericType(type: string): boolean {
  return NUMERIC_TYPE.test(type.toLowerCase());
}

// `2026-11-28`, `2026-11-28 10`, `2026-11-28T10:15`, `2026-11-28 10:15:00.000`, `2026/11/28/10` (a
// Firehose folder), with an optional `Z`, ` UTC` or offset: what Athena prints for timestamps and dates
// and what a query makes of the readings' TIMESTAMP with substr or date_trunc.
const TIME_VALUE =
  /^(\d{4})[-/](\d{2})[-/](\d{2})(?:[ T/](\d{2})(?::(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?)?\s*(Z|UTC|[+-]\d{2}:?\d{2})?$/;

/** A time value as milliseconds since the epoch, read as UTC unless it names an offset; undefined if it is not one. */
export function parseTime(value: string): number | undefined {
  const m = TIME_VALUE.exec(value.trim());
  if (!m) return undefined;
  const [year, month, day, hour = 0, minute = 0, second = 0] = m.slice(1, 7).map((p) => (p === undefined ? undefined : Number(p))) as number[];
  const millis = m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0;
  if (month! < 1 || month! > 12 || day! < 1 || day! > 31 || hour > 23 || minute > 59 || second > 60) return undefined;
  let ms = Date.UTC(year!, month! - 1, day!, hour, minute, second, millis);
  if (new Date(ms).getUTCDate() !== day) return undefined; // 2026-02-30
  const zone = m[8];
  if (zone && zone !== 'Z' && zone !== 'UTC') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    ms -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  }
  return ms;
}

export function parseNumber(value: string | null): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

/** What a column can be in a chart, from its Athena type, its name and its values. */
export function columnRole(column: ResultColumn, values: (string | null)[]): ColumnRole {
  const present = values.filter((v): v is string => v !== null && v !== '');
  if (HOUR_NAME.test(column.name) && present.length > 0 && present.every((v) => /^\d{1,2}$/.test(v.trim()) && Number(v) <= 23)) return 'hour-of-day';
  if (TIME_TYPE.test(column.type)) return 'time';
  if (isNumericType(column.type)) return 'number';
  if (present.length > 0 && present.every((v) => parseTime(v) !== undefined)) return 'time';
  return 'category';
}

export function chooseChart(table: ResultTable, flags: ChartFlags = {}): ChartChoice {
  const { columns } = table;
  const names = columns.map((c) => c.name);
  const valuesOf = (i: number) => table.rows.map((r) => r[i] ?? null);
  const roles = new Map(columns.map((c, i) => [c.name, columnRole(c, valuesOf(i))]));
  const distinct = (name: string) => new Set(valuesOf(names.indexOf(name))).size;
  const describe = () => columns.map((c) => `${c.name} ${c.type}`).join(', ');
  const known = (flag: string, name: string) => {
    if (!names.includes(name)) throw new UsageError(tc('choose.noColumn', { flag, name, columns: describe() }));
    return name;
  };

  if (columns.length < 2 && !flags.x) {
    throw new UsageError(tc('choose.twoColumns', { columns: columns.length === 0 ? tc('choose.none') : describe() }));
  }

  // x: a time, else an hour of the day, else a category; with only numbers, the first column.
  const byRole = (role: ColumnRole, except: string[] = []) => names.filter((n) => roles.get(n) === role && !except.includes(n));
  const xColumn = flags.x
    ? known('--x', flags.x)
    : (byRole('time')[0] ?? byRole('hour-of-day')[0] ?? byRole('category')[0] ?? names[0]!);
  const xRole = roles.get(xColumn)!;
  const xScale: XScale = xRole === 'time' ? 'temporal' : xRole === 'category' ? 'nominal' : 'ordinal';

  // series: the first other category with few enough values (the device of a per-device query).
  let series: string | undefined;
  if (flags.series) {
    series = known('--series', flags.series);
    if (series === xColumn) throw new UsageError(tc('choose.seriesIsX', { series }));
  } else {
    series = byRole('category', [xColumn]).find((n) => distinct(n) <= MAX_AUTO_SERIES);
  }

  // y: the numeric columns that are neither x nor series.
  let y: string[];
  let omitted: string[] = [];
  if (flags.y && flags.y.length > 0) {
    y = flags.y.map((n) => known('--y', n));
    for (const n of y) {
      const i = names.indexOf(n);
      if (n === xColumn) throw new UsageError(tc('choose.yIsX', { name: n }));
      if (!valuesOf(i).some((v) => parseNumber(v) !== undefined)) throw new UsageError(tc('choose.noNumbers', { name: n, type: columns[i]!.type }));
    }
  } else {
    y = byRole('number', [xColumn, series ?? '']);
    if (y.length === 0) {
      throw new UsageError(tc('choose.noNumeric', { x: xColumn, columns: describe() }));
    }
    // One axis for all: a count beside measurements is left out (another unit), and of the rest the
    // largest group of columns of one magnitude is kept (3600 readings would flatten temperatures of 20).
    const measured = y.filter((n) => !COUNT_NAME.test(n));
    const pool = measured.length > 0 ? measured : y;
    const magnitude = new Map(pool.map((n) => [n, Math.max(0, ...valuesOf(names.indexOf(n)).map((v) => Math.abs(parseNumber(v) ?? 0)))]));
    const comparable = (a: string, b: string) => {
      const [ma, mb] = [magnitude.get(a)!, magnitude.get(b)!];
      return ma === 0 || mb === 0 || (ma / mb <= MAX_SCALE_RATIO && mb / ma <= MAX_SCALE_RATIO);
    };
    const anchor = pool.reduce((best, n) => (pool.filter((m) => comparable(n, m)).length > pool.filter((m) => comparable(best, m)).length ? n : best));
    const kept = pool.filter((n) => comparable(anchor, n));
    omitted = y.filter((n) => !kept.includes(n));
    y = kept;
  }

  const kind: ChartKind = flags.kind ?? (xScale === 'nominal' ? 'bar' : 'line');
  return { kind, x: { column: xColumn, scale: xScale }, y, ...(series ? { series } : {}), ...(omitted.length > 0 ? { omitted } : {}) };
}

/** The rows as points: one per row and value column, named by series value, value column, or both. */
export function chartData(table: ResultTable, choice: ChartChoice): ChartData {
  const index = (name: string) => table.columns.findIndex((c) => c.name === name);
  const xi = index(choice.x.column);
  const si = choice.series ? index(choice.series) : -1;
  const yi = choice.y.map(index);
  const points: Point[] = [];
  const series: string[] = [];
  const labels: string[] = [];
  let skippedRows = 0;

  for (const row of table.rows) {
    const raw = row[xi] ?? null;
    let x: number | string | undefined;
    if (choice.x.scale === 'temporal') x = raw === null ? undefined : parseTime(raw);
    else x = raw === null ? (choice.x.scale === 'nominal' ? '(null)' : undefined) : raw.trim();
    const before = points.length;
    if (x !== undefined) {
      for (let k = 0; k < yi.length; k++) {
        const value = parseNumber(row[yi[k]!] ?? null);
        if (value === undefined) continue;
        const group = si >= 0 ? (row[si] ?? '(null)') : undefined;
        const name = group === undefined ? choice.y[k]! : choice.y.length > 1 ? `${group} · ${choice.y[k]}` : group;
        if (!series.includes(name)) series.push(name);
        points.push({ x, y: value, series: name, ...(group === undefined ? {} : { group }), measure: choice.y[k]! });
      }
    }
    if (points.length === before) skippedRows++;
    else if (typeof x === 'string' && !labels.includes(x)) labels.push(x);
  }

  if (choice.x.scale === 'temporal') points.sort((a, b) => (a.x as number) - (b.x as number));
  let xOrder: string[] | undefined;
  if (choice.x.scale === 'ordinal') {
    xOrder = labels.every((l) => parseNumber(l) !== undefined) ? [...labels].sort((a, b) => Number(a) - Number(b)) : [...labels].sort();
    const rank = new Map(xOrder.map((l, i) => [l, i]));
    points.sort((a, b) => rank.get(a.x as string)! - rank.get(b.x as string)!);
  } else if (choice.x.scale === 'nominal') {
    xOrder = labels; // the query's ORDER BY
  }
  const yTitle = choice.y.length === 1 ? choice.y[0]! : 'value';
  return { choice, points, series, ...(xOrder ? { xOrder } : {}), yTitle, skippedRows };
}

/** The values of one series in x order, for a sparkline. */
export function seriesValues(data: ChartData, name: string): number[] {
  return data.points.filter((p) => p.series === name).map((p) => p.y);
}
