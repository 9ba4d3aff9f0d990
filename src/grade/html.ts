// The class report as one self-contained HTML file (inline CSS and script, nothing fetched): a heatmap
// of students × checks, the checks where the class is stuck with the hint they got, and each student's
// detail. Clicking a cell opens that student's detail at the check. Its words are in the workbook's
// language (src/grade/messages.ts), <html lang> to match; ids, names and data attributes as they are.

import { language } from '../i18n/index.js';
import { tg } from './messages.js';
import { errorText } from './run.js';
import { CELL_STATUSES, type CellStatus, type ClassSummary, type Row } from './summary.js';
import { labLabel } from '../labs/catalog.js';

const SYMBOLS: Record<CellStatus, string> = { pass: '✓', fail: '✗', pending: '…', error: '!', skip: '–' };
/** A status as the legend and a cell's tooltip name it. */
const label = (status: CellStatus) => tg(`html.legend.${status}`);

const esc = (value: unknown) =>
  String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const CSS = `
:root { --pass:#2e7d32; --fail:#c62828; --pending:#f9a825; --error:#6a1b9a; --skip:#bdbdbd; --none:#f3f3f3; font-family: system-ui, sans-serif; color:#222; }
body { margin: 24px; }
h1 { font-size: 1.4rem; margin: 0 0 4px; } h2 { font-size: 1.1rem; margin: 28px 0 8px; }
.meta { color:#555; margin:0; }
.legend span { display:inline-flex; align-items:center; gap:4px; margin-right:14px; font-size:.85rem; }
.legend i, td.cell { width:18px; min-width:18px; height:18px; text-align:center; font-style:normal; font-size:11px; color:#fff; }
.legend i { display:inline-block; line-height:18px; border-radius:3px; }
.s-pass { background:var(--pass); } .s-fail { background:var(--fail); } .s-pending { background:var(--pending); color:#222 !important; }
.s-error { background:var(--error); } .s-skip { background:var(--skip); color:#333 !important; } .s-none { background:var(--none); }
.scroll { overflow-x:auto; }
table.heatmap { border-collapse:separate; border-spacing:2px; }
table.heatmap th { font-weight:normal; font-size:.8rem; }
table.heatmap thead th.check { vertical-align:bottom; height:150px; padding:0; }
table.heatmap thead th.check span { writing-mode:vertical-rl; transform:rotate(180deg); white-space:nowrap; }
table.heatmap thead th.lab { border-bottom:2px solid #999; font-weight:600; }
table.heatmap tbody th { text-align:left; white-space:nowrap; padding-right:8px; }
table.heatmap tbody th small { color:#777; margin-left:6px; }
td.score { font-variant-numeric:tabular-nums; padding:0 8px; white-space:nowrap; font-size:.85rem; }
td.cell { cursor:pointer; border-radius:3px; }
td.unreachable { background:var(--error); color:#fff; font-size:.8rem; padding:2px 8px; border-radius:3px; }
#stuck li { margin-bottom:10px; } .hint { margin:2px 0 0; color:#444; font-family: ui-monospace, monospace; font-size:.85rem; white-space:pre-wrap; }
.bar { display:inline-block; height:8px; background:var(--fail); vertical-align:middle; margin-right:6px; border-radius:2px; }
details { border:1px solid #ddd; border-radius:6px; padding:6px 10px; margin-bottom:6px; }
details summary { cursor:pointer; } details table { border-collapse:collapse; margin:8px 0; font-size:.85rem; }
details td, details th { border-bottom:1px solid #eee; padding:3px 8px; text-align:left; vertical-align:top; }
details tr.focus { outline:2px solid #1565c0; }
.status { font-weight:600; } .status.pass { color:var(--pass); } .status.fail { color:var(--fail); } .status.pending { color:#a67c00; } .status.error { color:var(--error); } .status.skip { color:#777; }
`;

const SCRIPT = `
document.querySelectorAll('td.cell').forEach(function (cell) {
  cell.addEventListener('click', function () {
    var details = document.getElementById('student-' + cell.parentElement.dataset.student);
    if (!details) return;
    details.open = true;
    document.querySelectorAll('details tr.focus').forEach(function (r) { r.classList.remove('focus'); });
    var row = details.querySelector('tr[data-check="' + cell.dataset.check + '"]');
    (row || details).scrollIntoView({ block: 'center' });
    if (row) row.classList.add('focus');
  });
});
`;

export function renderHtml(summary: ClassSummary, meta: { generatedAt: Date; title: string }): string {
  const students = summary.rows.length;
  const labsText = summary.labs.map((l) => labLabel(l)).join(', ');
  return `<!doctype html>
<html lang="${language()}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(meta.title)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>${esc(meta.title)}</h1>
<p class="meta">${esc(meta.generatedAt.toISOString())} · ${esc(tg('html.summary', { students, graded: summary.graded, unreachable: summary.unreachable }))} · ${esc(labsText)}</p>
</header>
<section id="heatmap">
<h2>${esc(tg('html.heatmap'))}</h2>
<p class="legend">${CELL_STATUSES.map((s) => `<span><i class="s-${s}">${SYMBOLS[s]}</i>${esc(label(s))}</span>`).join('')}</p>
<div class="scroll">${heatmap(summary)}</div>
</section>
<section id="stuck">
<h2>${esc(tg('html.stuck'))}</h2>
${stuck(summary)}
</section>
<section id="students">
<h2>${esc(tg('html.students'))}</h2>
${summary.rows.map((row) => studentDetail(summary, row)).join('\n')}
</section>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

function heatmap(summary: ClassSummary): string {
  const labHeads = summary.labs
    .map((l) => `<th class="lab" colspan="${summary.columns.filter((c) => c.lab === l.number).length}">${esc(tg('html.labHead', { number: l.number, name: l.slug }))}</th>`)
    .join('');
  const checkHeads = summary.columns.map((c) => `<th class="check" title="${esc(tg('html.points', { title: c.title, points: c.points }))}"><span>${esc(c.id)}</span></th>`).join('');
  const body = summary.rows
    .map(({ result, cells, score, maxScore }) => {
      const who = `<th><a href="#student-${esc(result.student.id)}">${esc(result.student.name)}</a><small>${esc(result.student.id)}</small></th>`;
      if (result.error) {
        return `<tr data-student="${esc(result.student.id)}" class="unreachable">${who}<td class="score">—</td><td class="unreachable" data-status="error" colspan="${summary.columns.length}">${esc(errorText(result))}</td></tr>`;
      }
      const tds = summary.columns
        .map((c) => {
          const cell = cells.get(c.key);
          if (!cell) return `<td class="cell s-none" data-check="${esc(c.key)}" data-status="none" title="${esc(tg('html.notGraded'))}"></td>`;
          const title = `${result.student.name} · ${c.id}: ${label(cell.status)} (${cell.report.score}/${cell.report.points})\n${cell.report.message}`;
          return `<td class="cell s-${cell.status}" data-check="${esc(c.key)}" data-status="${cell.status}" title="${esc(title)}">${SYMBOLS[cell.status]}</td>`;
        })
        .join('');
      return `<tr data-student="${esc(result.student.id)}">${who}<td class="score">${score}/${maxScore}</td>${tds}</tr>`;
    })
    .join('\n');
  return `<table class="heatmap">
<thead><tr><th rowspan="2">${esc(tg('html.student'))}</th><th rowspan="2">${esc(tg('html.score'))}</th>${labHeads}</tr><tr>${checkHeads}</tr></thead>
<tbody>
${body}
</tbody>
</table>`;
}

function stuck(summary: ClassSummary): string {
  if (summary.graded === 0) return `<p>${esc(tg('html.nobodyGraded'))}</p>`;
  if (summary.stuck.length === 0) return `<p>${esc(tg('html.nobodyStuck'))}</p>`;
  const items = summary.stuck
    .map((s) => {
      const percent = Math.round((s.failing / s.graded) * 100);
      return `<li data-check="${esc(s.column.key)}"><span class="bar" style="width:${Math.max(4, percent)}px"></span><strong>${esc(tg('html.labHead', { number: s.column.lab, name: s.column.id }))}</strong> — ${esc(s.column.title)}: ${esc(tg('html.notPassedBy', { failing: s.failing, graded: s.graded, percent }))}${s.hint ? `<p class="hint">${esc(tg('html.hint', { hint: s.hint }))}</p>` : ''}</li>`;
    })
    .join('\n');
  return `<ol>\n${items}\n</ol>`;
}

function studentDetail(summary: ClassSummary, row: Row): string {
  const { result } = row;
  const account = result.target ? esc(tg('html.account', { account: result.target.accountId, region: result.target.region })) : '';
  const head = `${esc(result.student.name)} (${esc(result.student.id)})${account}${result.prefix ? esc(tg('html.prefix', { prefix: result.prefix })) : ''}`;
  if (result.error) {
    return `<details id="student-${esc(result.student.id)}"><summary>${head} · <span class="status error">${esc(tg('html.notGraded'))}</span></summary><p>${esc(errorText(result))}</p>${result.error.hint ? `<p class="hint">${esc(result.error.hint)}</p>` : ''}</details>`;
  }
  const labs = result.reports
    .map((r) => `<tr><th>${esc(tg('html.labHead', { number: r.lab.number, name: r.lab.slug }))}</th><td>${r.score}/${r.maxScore}</td><td class="status ${r.passed ? 'pass' : 'fail'}">${esc(tg(r.passed ? 'html.passed' : 'html.notPassed'))}</td></tr>`)
    .join('');
  const checks = summary.columns
    .map((c) => {
      const cell = row.cells.get(c.key);
      if (!cell) return '';
      return `<tr data-check="${esc(c.key)}"><td>${esc(tg('html.lab', { number: c.lab }))}</td><td>${esc(c.id)}</td><td class="status ${cell.status}">${esc(tg(`html.status.${cell.status}`))}</td><td>${cell.report.score}/${cell.report.points}</td><td>${esc(cell.report.message)}${cell.report.hint && cell.status !== 'pass' ? `<p class="hint">${esc(tg('html.hint', { hint: cell.report.hint }))}</p>` : ''}</td></tr>`;
    })
    .join('\n');
  return `<details id="student-${esc(result.student.id)}"><summary>${head} · ${row.score}/${row.maxScore}</summary>
<table><tbody>${labs}</tbody></table>
<table><thead><tr>${(['lab', 'check', 'status', 'points', 'saw'] as const).map((c) => `<th>${esc(tg(`html.columns.${c}`))}</th>`).join('')}</tr></thead><tbody>
${checks}
</tbody></table></details>`;
}
