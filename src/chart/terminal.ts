// The chart's terminal view: the first rows as a small aligned table, and one sparkline per series
// (▁▂▃▄▅▆▇█) with its range and last value, so the shape shows without opening a file.

import type { ChartData } from './choose.js';
import { isNumericType, seriesValues } from './choose.js';
import type { ResultTable } from './run-query.js';
import { tc } from './messages.js';

const BARS = '▁▂▃▄▅▆▇█';

/** One character per value, lowest ▁ to highest █; a flat series sits at ▄. Longer series are averaged down to `width`. */
export function sparkline(values: readonly number[], width = 60): string {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length === 0) return '';
  const sampled = finite.length > width ? downsample(finite, width) : finite;
  const min = Math.min(...sampled);
  const max = Math.max(...sampled);
  if (max === min) return BARS[3]!.repeat(sampled.length);
  return sampled.map((v) => BARS[Math.min(BARS.length - 1, Math.floor(((v - min) / (max - min)) * BARS.length))]!).join('');
}

function downsample(values: number[], width: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < width; i++) {
    const from = Math.floor((i * values.length) / width);
    const to = Math.max(from + 1, Math.floor(((i + 1) * values.length) / width));
    const bucket = values.slice(from, to);
    out.push(bucket.reduce((a, b) => a + b, 0) / bucket.length);
  }
  return out;
}

/** The first rows of the result, columns padded (numbers to the right) and cut to fit `maxWidth`. */
export function formatTable(table: ResultTable, options: { maxRows?: number; maxCellWidth?: number; maxWidth?: number } = {}): string[] {
  const maxRows = options.maxRows ?? 8;
  const maxCell = options.maxCellWidth ?? 24;
  const shown = table.rows.slice(0, maxRows);
  const cell = (v: string | null) => clip(v === null ? '∅' : v, maxCell);
  const widths = table.columns.map((c, i) => Math.max(clip(c.name, maxCell).length, ...shown.map((r) => cell(r[i] ?? null).length)));
  const right = table.columns.map((c) => isNumericType(c.type));
  const line = (cells: string[]) =>
    clip(cells.map((text, i) => (right[i] ? text.padStart(widths[i]!) : text.padEnd(widths[i]!))).join('  ').trimEnd(), options.maxWidth ?? 160);
  const lines = [line(table.columns.map((c) => clip(c.name, maxCell))), line(widths.map((w) => '─'.repeat(w)))];
  for (const row of shown) lines.push(line(table.columns.map((_, i) => cell(row[i] ?? null))));
  const more = table.rows.length - shown.length;
  if (more > 0) lines.push(tc(more === 1 ? 'result.moreRow' : 'result.moreRows', { rows: more }));
  return lines;
}

/** One line per series: name, sparkline, min, max and last value. */
export function formatSparklines(data: ChartData, width = 40): string[] {
  const nameWidth = Math.min(36, Math.max(...data.series.map((s) => s.length)));
  return data.series.map((name) => {
    const values = seriesValues(data, name);
    const stats = tc('result.stats', { min: formatNumber(Math.min(...values)), max: formatNumber(Math.max(...values)), last: formatNumber(values[values.length - 1]!) });
    return `${clip(name, nameWidth).padEnd(nameWidth)}  ${sparkline(values, width).padEnd(Math.min(width, values.length))}  ${stats}`;
  });
}

export function formatNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return Math.abs(n) >= 100 ? n.toFixed(1) : Number(n.toPrecision(4)).toString();
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value >= 10 ? value.toFixed(0) : value.toFixed(1)} ${units[unit]}`;
}

function clip(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, Math.max(0, width - 1))}…`;
}
