// The terminal view of a chart: sparklines, the first rows as a table, sizes and numbers.

import { describe, expect, it } from 'vitest';
import { chartData, chooseChart } from '../../src/chart/choose.js';
import { formatBytes, formatNumber, formatSparklines, formatTable, sparkline } from '../../src/chart/terminal.js';
import { hourlyStats, perDevice } from './fixtures.js';

describe('sparkline', () => {
  it('maps the lowest value to ▁ and the highest to █', () => {
    expect(sparkline([1, 2, 3, 4, 5, 6, 7, 8])).toBe('▁▂▃▄▅▆▇█');
    expect(sparkline([0, 10, 0])).toBe('▁█▁');
    expect(sparkline([-5, 5])).toBe('▁█');
  });

  it('draws a flat series in the middle, and nothing for no values', () => {
    expect(sparkline([3, 3, 3])).toBe('▄▄▄');
    expect(sparkline([])).toBe('');
    expect(sparkline([Number.NaN])).toBe('');
  });

  it('averages a long series down to the width', () => {
    const line = sparkline(Array.from({ length: 1000 }, (_, i) => i), 20);
    expect(line).toHaveLength(20);
    expect(line[0]).toBe('▁');
    expect(line[19]).toBe('█');
  });
});

describe('formatSparklines', () => {
  it('gives each series its line, range and last value', () => {
    const t = hourlyStats(8);
    const lines = formatSparklines(chartData(t, chooseChart(t)));
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe('iotlab-dev1 · avg_temperature  ▃▅███▆▃▁  min 18.95  max 22.99  last 18.95');
    expect(lines[3]).toMatch(/^iotlab-dev2 · avg_humidity {5}[▁▂▃▄▅▆▇█]{8}  min /);
  });
});

describe('formatTable', () => {
  it('aligns columns, numbers to the right, and says how many rows are not shown', () => {
    const lines = formatTable(perDevice(), { maxRows: 2 });
    expect(lines).toEqual([
      'device_name  readings',
      '───────────  ────────',
      'iotlab-dev1      3600',
      'iotlab-dev2      1800',
      '… 1 more row',
    ]);
  });

  it('cuts long cells and marks NULL', () => {
    const lines = formatTable({ columns: [{ name: 'sql', type: 'varchar' }, { name: 'v', type: 'double' }], rows: [['x'.repeat(40), null]] }, { maxCellWidth: 10 });
    expect(lines[2]).toBe(`${'x'.repeat(9)}…  ∅`);
  });
});

describe('numbers', () => {
  it('prints sizes and values briefly', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(20 * 1024 * 1024)).toBe('20 MB');
    expect(formatNumber(21)).toBe('21');
    expect(formatNumber(21.456789)).toBe('21.46');
    expect(formatNumber(1234.5678)).toBe('1234.6');
  });
});
