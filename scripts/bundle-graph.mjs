// Build step of the graph page (assets/graph/): copies the chart library from npm next to the page, so
// the page needs no CDN and no bundler and also works opened as a file. Run by `npm run build` after tsc.

import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const root = join(import.meta.dirname, '..');
const uplot = dirname(createRequire(import.meta.url).resolve('uplot/package.json'));
const vendor = join(root, 'assets', 'graph', 'vendor');

mkdirSync(vendor, { recursive: true });
for (const [from, to] of [
  ['dist/uPlot.iife.min.js', 'uPlot.iife.min.js'],
  ['dist/uPlot.min.css', 'uPlot.min.css'],
  ['LICENSE', 'uPlot.LICENSE'],
]) {
  copyFileSync(join(uplot, from), join(vendor, to));
}
