// What `lab chart` draws from a result's columns: x from types and names, values from the numeric
// columns, series from a category, line or bars, and the flags that override each choice.

import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { chartData, chooseChart, columnRole, parseTime } from '../../src/chart/choose.js';
import type { ResultTable } from '../../src/chart/run-query.js';
import { hourlyStats, perDevice } from './fixtures.js';

const table = (columns: [string, string][], rows: (string | null)[][]): ResultTable => ({ columns: columns.map(([name, type]) => ({ name, type })), rows });

describe('parseTime', () => {
  it('reads what Athena prints and what queries make of TIMESTAMP, as UTC', () => {
    expect(parseTime('2026-11-28 10:00:00.000')).toBe(Date.UTC(2026, 10, 28, 10));
    expect(parseTime('2026-11-28T10:15:30')).toBe(Date.UTC(2026, 10, 28, 10, 15, 30));
    expect(parseTime('2026-11-28')).toBe(Date.UTC(2026, 10, 28));
    expect(parseTime('2026-11-28T10')).toBe(Date.UTC(2026, 10, 28, 10));
    expect(parseTime('2026/11/28/10')).toBe(Date.UTC(2026, 10, 28, 10));
    expect(parseTime('2026-11-28 10:00:00.000 UTC')).toBe(Date.UTC(2026, 10, 28, 10));
    expect(parseTime('2026-11-28T12:00:00+02:00')).toBe(Date.UTC(2026, 10, 28, 10));
  });

  it('refuses what is not a time', () => {
    for (const v of ['10', 'iotlab-dev1', '2026-02-30', '2026-13-01', '20261128', '']) expect(parseTime(v), v).toBeUndefined();
  });
});

describe('columnRole', () => {
  it('takes times from types, from values, and hours of the day from names', () => {
    expect(columnRole({ name: 'hour', type: 'timestamp' }, ['2026-11-28 10:00:00.000'])).toBe('time');
    expect(columnRole({ name: 'day', type: 'date' }, ['2026-11-28'])).toBe('time');
    expect(columnRole({ name: 'h', type: 'varchar' }, ['2026-11-28T10', null])).toBe('time');
    expect(columnRole({ name: 'hour', type: 'varchar' }, ['00', '7', '23'])).toBe('hour-of-day');
    expect(columnRole({ name: 'hour', type: 'integer' }, ['0', '23'])).toBe('hour-of-day');
    expect(columnRole({ name: 'avg_temperature', type: 'double' }, ['21.5'])).toBe('number');
    expect(columnRole({ name: 'readings', type: 'bigint' }, ['3600'])).toBe('number');
    expect(columnRole({ name: 'device_name', type: 'varchar' }, ['iotlab-dev1'])).toBe('category');
    expect(columnRole({ name: 'partition_3', type: 'varchar' }, ['10'])).toBe('category');
  });
});

describe('chooseChart', () => {
  it('draws the hourly stats as lines over time, one per device, leaving out the count on another scale', () => {
    expect(chooseChart(hourlyStats())).toEqual({
      kind: 'line',
      x: { column: 'hour', scale: 'temporal' },
      y: ['avg_temperature', 'avg_humidity'],
      series: 'device_name',
      omitted: ['readings'],
    });
  });

  it('draws a category and a number as bars', () => {
    expect(chooseChart(perDevice())).toEqual({ kind: 'bar', x: { column: 'device_name', scale: 'nominal' }, y: ['readings'] });
  });

  it('draws hours of the day as an ordered axis', () => {
    const t = table([['hour', 'varchar'], ['avg_temperature', 'double']], [['10', '21'], ['9', '20'], ['11', '22']]);
    const choice = chooseChart(t);
    expect(choice).toEqual({ kind: 'line', x: { column: 'hour', scale: 'ordinal' }, y: ['avg_temperature'] });
    expect(chartData(t, choice).xOrder).toEqual(['9', '10', '11']);
  });

  it('finds a time in a string column, e.g. substr(TIMESTAMP, 1, 13)', () => {
    const t = table([['device_name', 'varchar'], ['hour', 'varchar'], ['n', 'bigint']], [['d1', '2026-11-28T10', '5']]);
    expect(chooseChart(t)).toMatchObject({ kind: 'line', x: { column: 'hour', scale: 'temporal' }, series: 'device_name', y: ['n'] });
  });

  it('does not split by a category with too many values to tell apart', () => {
    const rows = Array.from({ length: 30 }, (_, i) => [`2026-11-28 ${String(i % 24).padStart(2, '0')}:00:00.000`, `id-${i}`, String(i)]);
    const t = table([['ts', 'timestamp'], ['id', 'varchar'], ['v', 'integer']], rows);
    expect(chooseChart(t).series).toBeUndefined();
  });

  it('follows the flags', () => {
    expect(chooseChart(hourlyStats(), { kind: 'bar', y: ['readings'], series: 'device_name' })).toEqual({
      kind: 'bar',
      x: { column: 'hour', scale: 'temporal' },
      y: ['readings'],
      series: 'device_name',
    });
    expect(chooseChart(hourlyStats(), { x: 'device_name', y: ['avg_temperature'], series: undefined })).toMatchObject({
      kind: 'bar',
      x: { column: 'device_name', scale: 'nominal' },
      y: ['avg_temperature'],
    });
  });

  it('says what is wrong with a flag or a result it cannot draw, naming the columns', () => {
    expect(() => chooseChart(hourlyStats(), { y: ['temperature'] })).toThrow(UsageError);
    expect(() => chooseChart(hourlyStats(), { y: ['temperature'] })).toThrow('--y temperature: the result has no such column (it has hour timestamp, device_name varchar');
    expect(() => chooseChart(hourlyStats(), { y: ['device_name'] })).toThrow('--y device_name: the column holds no numbers (varchar)');
    expect(() => chooseChart(hourlyStats(), { series: 'hour' })).toThrow('--series hour is already the x axis');
    expect(() => chooseChart(table([['device_name', 'varchar'], ['TIMESTAMP', 'varchar']], [['d', 'x']]))).toThrow(
      'The result has no numeric column to draw besides device_name (it has device_name varchar, TIMESTAMP varchar). Select a number',
    );
    expect(() => chooseChart(table([['n', 'bigint']], [['5']]))).toThrow('A chart needs two columns');
  });
});

describe('chartData', () => {
  it('names series by device and value column, in time order', () => {
    const t = hourlyStats(3);
    const data = chartData(t, chooseChart(t));
    expect(data.series).toEqual([
      'iotlab-dev1 · avg_temperature',
      'iotlab-dev1 · avg_humidity',
      'iotlab-dev2 · avg_temperature',
      'iotlab-dev2 · avg_humidity',
    ]);
    expect(data.points).toHaveLength(12);
    expect(data.points[0]).toEqual({ x: Date.UTC(2026, 10, 28, 0), y: 20, series: 'iotlab-dev1 · avg_temperature', group: 'iotlab-dev1', measure: 'avg_temperature' });
    expect(data.yTitle).toBe('value');
  });

  it('names a single value by the device alone, and skips rows without a value', () => {
    const t = table([['hour', 'timestamp'], ['device_name', 'varchar'], ['avg_temperature', 'double']], [
      ['2026-11-28 10:00:00.000', 'd1', '21'],
      ['2026-11-28 11:00:00.000', 'd1', null],
      [null, 'd1', '20'],
    ]);
    const data = chartData(t, chooseChart(t));
    expect(data.series).toEqual(['d1']);
    expect(data.points).toEqual([{ x: Date.UTC(2026, 10, 28, 10), y: 21, series: 'd1', group: 'd1', measure: 'avg_temperature' }]);
    expect(data.skippedRows).toBe(2);
    expect(data.yTitle).toBe('avg_temperature');
  });

  it("keeps the query's order of categories", () => {
    const data = chartData(perDevice(), chooseChart(perDevice()));
    expect(data.xOrder).toEqual(['iotlab-dev1', 'iotlab-dev2', 'iotlab-dev3']);
  });
});

describe("lab 4's reference hourly query", () => {
  // SELECT device_name, substr("timestamp", 1, 13) AS hour, count(*) AS readings, round(avg(...), 2) AS avg_temperature, min(...), max(...)
  const reference = (readings: number) =>
    table(
      [['device_name', 'varchar'], ['hour', 'varchar'], ['readings', 'bigint'], ['avg_temperature', 'double'], ['min_temperature', 'integer'], ['max_temperature', 'integer']],
      [
        ['iotlab-dev1', '2026-11-28T10', String(readings), '22.5', '20', '25'],
        ['iotlab-dev1', '2026-11-28T11', String(readings), '23.1', '21', '26'],
      ],
    );

  it('draws the temperatures over the hour per device and leaves the count out, whatever its size', () => {
    for (const readings of [12, 3600]) {
      expect(chooseChart(reference(readings))).toEqual({
        kind: 'line',
        x: { column: 'hour', scale: 'temporal' },
        y: ['avg_temperature', 'min_temperature', 'max_temperature'],
        series: 'device_name',
        omitted: ['readings'],
      });
    }
  });

  it('draws the count when it is the only value, or when asked for', () => {
    const onlyCount = table([['hour', 'varchar'], ['readings', 'bigint']], [['2026-11-28T10', '3600']]);
    expect(chooseChart(onlyCount).y).toEqual(['readings']);
    expect(chooseChart(reference(3600), { y: ['readings'] }).y).toEqual(['readings']);
  });

  it('keeps the largest group of values of one magnitude', () => {
    const t = table([['hour', 'timestamp'], ['pressure', 'double'], ['temperature', 'double'], ['humidity', 'double']], [['2026-11-28 10:00:00.000', '101325', '21', '45']]);
    expect(chooseChart(t)).toMatchObject({ y: ['temperature', 'humidity'], omitted: ['pressure'] });
  });
});
