// The plan as a table: service, type, name, why selected, lab; then what stays and why.

import type { Plan } from './plan.js';
import { KIND_LABELS, describeSelection } from './resource.js';

const HEADER = ['service', 'type', 'name', 'why selected', 'lab'];

export function planTable(plan: Plan): string[] {
  const rows = plan.resources.map((r) => [KIND_LABELS[r.kind].service, KIND_LABELS[r.kind].type, r.name, describeSelection(r.why), String(r.lab)]);
  const lines = rows.length === 0 ? ['Nothing to delete: no resource has the workshop tag or one of the prefix’s names.'] : table([HEADER, ...rows]);
  for (const p of plan.passedOver) lines.push(`left alone: ${KIND_LABELS[p.resource.kind].type} ${p.resource.name} (${p.reason})`);
  for (const f of plan.failures) lines.push(`could not search ${f.service}: ${f.error.name}: ${f.error.message}`);
  return lines;
}

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (row: string[]) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ');
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)];
}
