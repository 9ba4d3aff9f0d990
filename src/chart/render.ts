// Draws chart data: a Vega-Lite spec, compiled and rendered to SVG by Vega in Node (no canvas, no
// browser), then to PNG by resvg with the bundled DejaVu Sans, since resvg draws no text without a
// font file and a student's machine may have none. Times are drawn in UTC, as the readings are stamped.

import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { parse as parseVega, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { ChartData } from './choose.js';

export interface RenderOptions {
  title: string;
  subtitle?: string;
  /** Size of the plotting area in CSS pixels (axes, title and legend come on top). */
  width?: number;
  height?: number;
  /** PNG pixels per SVG pixel; 2 keeps text sharp on high-density screens. */
  scale?: number;
  /** Font files for the PNG; `[]` draws none (the tests' way to see that text is drawn). */
  fontFiles?: string[];
}

export interface RenderedChart {
  spec: TopLevelSpec;
  svg: string;
  png: Buffer;
  pngWidth: number;
  pngHeight: number;
}

export const FONT_FAMILY = 'DejaVu Sans';

/** DejaVu Sans regular and bold, from the dejavu-fonts-ttf package. */
export function bundledFontFiles(): string[] {
  const dir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  return [join(dir, 'DejaVuSans.ttf'), join(dir, 'DejaVuSans-Bold.ttf')];
}

export async function renderChart(data: ChartData, options: RenderOptions): Promise<RenderedChart> {
  const spec = chartSpec(data, options);
  const view = new View(parseVega(compile(spec).spec), { renderer: 'none' });
  try {
    const svg = await view.toSVG();
    const { png, width, height } = svgToPng(svg, { scale: options.scale, fontFiles: options.fontFiles });
    return { spec, svg, png, pngWidth: width, pngHeight: height };
  } finally {
    view.finalize();
  }
}

export function svgToPng(svg: string, options: { scale?: number; fontFiles?: string[] } = {}): { png: Buffer; width: number; height: number } {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: options.scale ?? 2 },
    background: 'white',
    font: {
      fontFiles: options.fontFiles ?? bundledFontFiles(),
      loadSystemFonts: false,
      defaultFontFamily: FONT_FAMILY,
      sansSerifFamily: FONT_FAMILY,
    },
  });
  const image = resvg.render();
  return { png: image.asPng(), width: image.width, height: image.height };
}

export function chartSpec(data: ChartData, options: RenderOptions): TopLevelSpec {
  const { choice } = data;
  const perSeries = data.points.length / Math.max(1, data.series.length);
  const several = data.series.length > 1;
  const x =
    choice.x.scale === 'temporal'
      ? {
          field: 'x',
          type: 'temporal' as const,
          title: choice.x.column,
          scale: { type: 'utc' as const },
          axis: { format: timeFormat(data.points.map((p) => p.x as number)), labelOverlap: true, labelAngle: 0 },
        }
      : {
          field: 'x',
          type: choice.x.scale,
          title: choice.x.column,
          sort: data.xOrder ?? null,
          axis: { labelAngle: (data.xOrder?.length ?? 0) > 12 ? -45 : 0, labelOverlap: true },
        };
  // Lines of several devices and several values: the colour says the device, the dash the value.
  const dashed = choice.kind === 'line' && choice.series !== undefined && choice.y.length > 1;
  const groups = unique(data.points.map((p) => p.group ?? ''));
  const color = dashed
    ? { field: 'group', type: 'nominal' as const, title: choice.series, sort: groups }
    : {
        field: 'series',
        type: 'nominal' as const,
        title: choice.series && choice.y.length > 1 ? `${choice.series} · value` : (choice.series ?? 'value'),
        sort: data.series,
        ...(several ? {} : { legend: null }),
      };
  const dashLegend = { symbolType: 'stroke', symbolStrokeWidth: 2, symbolSize: 400, encode: { symbols: { update: { stroke: { value: '#444' } } } } };
  const strokeDash = dashed ? { strokeDash: { field: 'measure', type: 'nominal' as const, title: 'value', sort: choice.y, legend: dashLegend } } : {};
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: options.title, ...(options.subtitle ? { subtitle: options.subtitle } : {}), anchor: 'start' },
    width: options.width ?? 640,
    height: options.height ?? 300,
    background: 'white',
    padding: 12,
    data: { values: data.points },
    mark:
      choice.kind === 'line'
        ? { type: 'line', strokeWidth: 2, point: perSeries <= 48 ? { size: 30 } : false }
        : { type: 'bar' },
    encoding: {
      x,
      y: { field: 'y', type: 'quantitative', title: data.yTitle, scale: { zero: choice.kind === 'bar' } },
      color,
      ...strokeDash,
      ...(dashed ? { detail: { field: 'series' } } : {}),
      ...(choice.kind === 'bar' && several && choice.x.scale !== 'temporal' ? { xOffset: { field: 'series', sort: data.series } } : {}),
    },
    config: {
      font: `${FONT_FAMILY}, Verdana, Arial, sans-serif`,
      title: { fontSize: 15, subtitleFontSize: 11, subtitleColor: '#555' },
      axis: { labelFontSize: 11, titleFontSize: 12 },
      legend: { labelFontSize: 11, titleFontSize: 12, labelLimit: 320 },
    },
  } as TopLevelSpec;
}

// Tick labels that say only what changes: hours within a day, days and hours over a few days, dates beyond.
function timeFormat(times: number[]): string {
  if (times.length === 0) return '%Y-%m-%d %H:%M';
  const min = Math.min(...times);
  const max = Math.max(...times);
  const day = 86_400_000;
  const allMidnight = times.every((t) => t % day === 0);
  if (allMidnight) return '%Y-%m-%d';
  if (Math.floor(min / day) === Math.floor(max / day)) return '%H:%M';
  if (max - min <= 4 * day) return '%b %d %H:%M';
  return '%Y-%m-%d';
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
