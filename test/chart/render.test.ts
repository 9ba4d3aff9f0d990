// Drawing a fixed result: the PNG's size, that it is not blank, that its text is really drawn (the
// bundled font against none), times on a UTC axis whatever the machine's zone, and the HTML page.

import { describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { chartData, chooseChart } from '../../src/chart/choose.js';
import { chartHtml } from '../../src/chart/html.js';
import { bundledFontFiles, renderChart } from '../../src/chart/render.js';
import { hourlyStats, perDevice } from './fixtures.js';

const isDark = (png: PNG, x: number, y: number) => {
  const i = (png.width * y + x) * 4;
  return png.data[i]! < 96 && png.data[i + 1]! < 96 && png.data[i + 2]! < 96;
};
const isWhite = (png: PNG, x: number, y: number) => {
  const i = (png.width * y + x) * 4;
  return png.data[i]! > 250 && png.data[i + 1]! > 250 && png.data[i + 2]! > 250;
};
function count(png: PNG, test: (png: PNG, x: number, y: number) => boolean, box = { x0: 0, y0: 0, x1: png.width, y1: png.height }): number {
  let n = 0;
  for (let y = box.y0; y < box.y1; y++) for (let x = box.x0; x < box.x1; x++) if (test(png, x, y)) n++;
  return n;
}

describe('renderChart', () => {
  it('draws the hourly stats as a PNG of the size it says, not blank, with its title and labels in text', async () => {
    const t = hourlyStats();
    const chart = await renderChart(chartData(t, chooseChart(t)), { title: 'iotlab-hourly-stats', subtitle: 'Athena · workgroup iotlab-wg' });
    const png = PNG.sync.read(chart.png);
    expect([png.width, png.height]).toEqual([chart.pngWidth, chart.pngHeight]);
    // 640×300 plotting area at scale 2, plus title, axes and legend.
    expect(png.width).toBeGreaterThan(1400);
    expect(png.width).toBeLessThan(2200);
    expect(png.height).toBeGreaterThan(700);
    expect(png.height).toBeLessThan(900);
    const total = png.width * png.height;
    const inked = total - count(png, isWhite);
    expect(inked / total).toBeGreaterThan(0.03);
    expect(inked / total).toBeLessThan(0.5);
    // Both series colours are there: the default palette's blue and orange.
    const hasColour = (r: number, g: number, b: number) => {
      for (let i = 0; i < png.data.length; i += 4) if (Math.abs(png.data[i]! - r) < 8 && Math.abs(png.data[i + 1]! - g) < 8 && Math.abs(png.data[i + 2]! - b) < 8) return true;
      return false;
    };
    expect(hasColour(0x4c, 0x78, 0xa8)).toBe(true);
    expect(hasColour(0xf5, 0x85, 0x18)).toBe(true);

    expect(chart.svg).toContain('>iotlab-hourly-stats</text>');
    expect(chart.svg).toContain('>iotlab-dev2</text>');
    expect(chart.svg).toContain('>avg_humidity</text>');
  });

  it('draws text only with a font: the bundled DejaVu Sans inks the title area, no font leaves it empty', async () => {
    const data = chartData(perDevice(), chooseChart(perDevice()));
    const withFont = PNG.sync.read((await renderChart(data, { title: 'Readings per device' })).png);
    const noFont = PNG.sync.read((await renderChart(data, { title: 'Readings per device', fontFiles: [] })).png);
    expect([noFont.width, noFont.height]).toEqual([withFont.width, withFont.height]);
    // The title sits in the top-left corner (padding 12 px, 15 px type, at scale 2).
    const title = { x0: 0, y0: 0, x1: 500, y1: 70 };
    expect(count(withFont, isDark, title)).toBeGreaterThan(1000);
    expect(count(noFont, isDark, title)).toBe(0);
    // Axis labels too: the whole image has far more dark pixels with the font.
    expect(count(withFont, isDark)).toBeGreaterThan(count(noFont, isDark) + 5000);
    expect(bundledFontFiles().map((f) => f.split('/').pop())).toEqual(['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf']);
  });

  it('labels a time axis in UTC whatever the zone of the machine', async () => {
    const saved = process.env.TZ;
    process.env.TZ = 'America/Los_Angeles';
    try {
      expect(new Date(Date.UTC(2026, 10, 28, 0)).getHours()).not.toBe(0);
      const t = hourlyStats(6);
      const chart = await renderChart(chartData(t, chooseChart(t)), { title: 't' });
      expect(chart.svg).toContain('>00:00</text>');
      expect(chart.svg).toContain('>04:00</text>');
      expect(chart.spec).toMatchObject({ encoding: { x: { type: 'temporal', scale: { type: 'utc' } } } });
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});

describe('chartHtml', () => {
  it('is one self-contained page: the SVG inline, the facts, the SQL and the data, escaped, nothing from the network', async () => {
    const t = perDevice();
    t.rows.push(['<script>alert(1)</script>', null]);
    const chart = await renderChart(chartData(t, chooseChart(t)), { title: 'Readings per device' });
    const html = chartHtml({ title: 'Readings & devices', svg: chart.svg, table: t, sql: 'SELECT device_name, count(*) AS readings FROM telemetry WHERE x < 3 GROUP BY 1', facts: [['Workgroup', 'iotlab-wg']] });
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<title>Readings &amp; devices</title>');
    expect(html).toContain(chart.svg);
    expect(html).toContain('<dt>Workgroup</dt><dd>iotlab-wg</dd>');
    expect(html).toContain('WHERE x &lt; 3');
    expect(html).toContain('<tr><td>iotlab-dev1</td><td class="n">3600</td></tr>');
    expect(html).toContain('<td>&lt;script&gt;alert(1)&lt;/script&gt;</td><td class="n"><span class="null">NULL</span></td>');
    expect(html).not.toMatch(/<script|<link|\bsrc=|@import|url\(/i);
    // The only URLs are the SVG's XML namespaces.
    expect([...html.matchAll(/https?:\/\/[^\s"')]+/g)].map((m) => m[0]).every((u) => u.startsWith('http://www.w3.org/'))).toBe(true);
  });
});
