// The plan as a table: service, type, name, why selected, lab; then what stays and why. The headings,
// the types and the selection words in the workbook's language; names, services and AWS's errors as
// they are.

import type { Plan } from './plan.js';
import { say, tr } from './messages.js';
import { KIND_LABELS, type ResourceKind, type Selection } from './resource.js';

export function planTable(plan: Plan): string[] {
  const header = [tr('table.service'), tr('table.type'), tr('table.name'), tr('table.why'), tr('table.lab')];
  const rows = plan.resources.map((r) => [KIND_LABELS[r.kind].service, typeLabel(r.kind), r.name, selectionText(r.why), String(r.lab)]);
  const lines = rows.length === 0 ? [tr('table.nothing')] : table([header, ...rows]);
  for (const p of plan.passedOver) lines.push(tr('table.leftAlone', { type: typeLabel(p.resource.kind), name: p.resource.name, reason: say(p.reason) }));
  for (const f of plan.failures) lines.push(tr('table.searchFailed', { service: f.service, error: f.error.name, message: f.error.message }));
  return lines;
}

/** The resource type as the console names it, in the workbook's language. */
export function typeLabel(kind: ResourceKind): string {
  return tr(`kinds.${kind}`);
}

/** Why a resource was selected, for a person: the JSON report keeps `describeSelection`'s English. */
export function selectionText(why: Selection[]): string {
  return why.map((w) => (w === 'tag' ? tr('selection.tag') : w === 'name' ? tr('selection.name') : say(w.via))).join(', ');
}

/** Columns on a terminal: Hangul and other wide characters take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return width;
}

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => displayWidth(r[i]!))));
  const pad = (cell: string, width: number) => cell + ' '.repeat(Math.max(0, width - displayWidth(cell)));
  const line = (row: string[]) => row.map((cell, i) => (i === row.length - 1 ? cell : pad(cell, widths[i]!))).join('  ');
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)];
}
