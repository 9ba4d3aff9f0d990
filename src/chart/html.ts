// A self-contained HTML page of a chart: the SVG inline, the query and where it ran, and the data as a
// table. No script and no remote resource, so it opens offline and can be mailed or attached to a report.

import type { ResultTable } from './run-query.js';
import { isNumericType } from './choose.js';
import { language } from '../i18n/index.js';
import { tc } from './messages.js';

export interface ChartPage {
  title: string;
  svg: string;
  table: ResultTable;
  sql: string;
  /** Facts shown under the chart: target, workgroup, database, query id, data scanned, ... */
  facts: [string, string][];
  /** Rows shown in the table at most. */
  maxRows?: number;
}

export function chartHtml(page: ChartPage): string {
  const maxRows = page.maxRows ?? 1000;
  const rows = page.table.rows.slice(0, maxRows);
  const numeric = page.table.columns.map((c) => isNumericType(c.type));
  const head = page.table.columns.map((c) => `<th title="${escape(c.type)}">${escape(c.name)}</th>`).join('');
  const body = rows
    .map((row) => `<tr>${row.map((v, i) => `<td${numeric[i] ? ' class="n"' : ''}>${v === null ? '<span class="null">NULL</span>' : escape(v)}</td>`).join('')}</tr>`)
    .join('\n');
  const more = page.table.rows.length > rows.length ? `<p class="more">${escape(tc('page.firstRows', { shown: rows.length, total: page.table.rows.length }))}</p>` : '';
  const facts = page.facts.map(([k, v]) => `<dt>${escape(k)}</dt><dd>${escape(v)}</dd>`).join('');
  return `<!doctype html>
<html lang="${language()}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(page.title)}</title>
<style>
body { font: 14px/1.45 "DejaVu Sans", Verdana, Arial, sans-serif; margin: 24px auto; max-width: 960px; padding: 0 16px; color: #222; }
h1 { font-size: 20px; margin: 0 0 12px; }
figure { margin: 0 0 16px; overflow-x: auto; }
figure svg { max-width: 100%; height: auto; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 0 0 16px; }
dt { color: #666; }
dd { margin: 0; font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; word-break: break-all; }
pre { background: #f5f5f5; padding: 8px 12px; overflow-x: auto; }
table { border-collapse: collapse; font-size: 13px; }
th, td { border-bottom: 1px solid #ddd; padding: 3px 10px; text-align: left; white-space: nowrap; }
th { background: #f0f0f0; position: sticky; top: 0; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
.null { color: #999; }
.more { color: #666; }
</style>
</head>
<body>
<h1>${escape(page.title)}</h1>
<figure>
${page.svg}
</figure>
<dl>${facts}</dl>
<details>
<summary>SQL</summary>
<pre>${escape(page.sql)}</pre>
</details>
<h2>${escape(tc('page.data'))}</h2>
<table>
<thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody>
</table>
${more}
</body>
</html>
`;
}

export function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
