// The plan as a table: service, type, name, why selected, lab; then what stays and why. The headings,
// the types and the selection words in the workbook's language; names, services and AWS's errors as
// they are.

import type { Plan } from './plan.js';
import { say, tr } from './messages.js';
import { alignColumns } from '../output.js';
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

function table(rows: string[][]): string[] {
  const { lines, widths } = alignColumns(rows);
  return [lines[0]!, widths.map((w) => '-'.repeat(w)).join('  '), ...lines.slice(1)];
}
