// The class at a glance, computed once for every output: one column per check of the graded labs, one
// row per student with each check's status, and the checks where the class is stuck (failed, still
// pending or errored for at least half of the students graded), with the hint they most often got.

import type { CheckReport } from '../engine/report.js';
import type { RunnableLab } from '../engine/types.js';
import type { StudentResult } from './run.js';

export type CellStatus = 'pass' | 'fail' | 'pending' | 'error' | 'skip';
export const CELL_STATUSES: readonly CellStatus[] = ['pass', 'fail', 'pending', 'error', 'skip'];

export interface CheckColumn {
  key: string;
  lab: number;
  id: string;
  title: string;
  points: number;
  firstHint?: string;
}

export interface Cell {
  status: CellStatus;
  report: CheckReport;
}

export interface Row {
  result: StudentResult;
  cells: Map<string, Cell>;
  score: number;
  maxScore: number;
}

export interface StuckCheck {
  column: CheckColumn;
  failing: number;
  graded: number;
  hint?: string;
}

export interface ClassSummary {
  labs: { number: number; slug: string; title: string; maxScore: number }[];
  columns: CheckColumn[];
  rows: Row[];
  graded: number;
  unreachable: number;
  stuck: StuckCheck[];
}

/** A check still pending when its wait ran out is shown as pending, not as a plain fail. */
export const cellStatus = (c: CheckReport): CellStatus => (c.timedOut ? 'pending' : c.status);

export function summarize(labs: readonly RunnableLab[], results: readonly StudentResult[]): ClassSummary {
  const columns = labs.flatMap((lab) =>
    lab.checks.map((c) => ({ key: `${lab.number}:${c.id}`, lab: lab.number, id: c.id, title: c.title, points: c.points ?? 1, ...(c.hints?.[0] ? { firstHint: c.hints[0] } : {}) })),
  );
  const rows = results.map((result) => {
    const cells = new Map<string, Cell>();
    for (const report of result.reports) for (const c of report.checks) cells.set(`${report.lab.number}:${c.id}`, { status: cellStatus(c), report: c });
    const round = (n: number) => Math.round(n * 100) / 100;
    return { result, cells, score: round(result.reports.reduce((s, r) => s + r.score, 0)), maxScore: round(result.reports.reduce((s, r) => s + r.maxScore, 0)) };
  });
  const gradedRows = rows.filter((r) => !r.result.error);
  const stuck = columns
    .map((column) => {
      const failing = gradedRows.map((r) => r.cells.get(column.key)).filter((cell): cell is Cell => !!cell && ['fail', 'pending', 'error'].includes(cell.status));
      return { column, failing: failing.length, graded: gradedRows.length, hint: mostCommon(failing.map((c) => c.report.hint)) ?? column.firstHint };
    })
    .filter((s) => s.failing > 0 && s.failing * 2 >= s.graded)
    .sort((a, b) => b.failing - a.failing || columns.indexOf(a.column) - columns.indexOf(b.column));
  return {
    labs: labs.map((lab) => ({ number: lab.number, slug: lab.slug, title: lab.title, maxScore: lab.checks.reduce((s, c) => s + (c.points ?? 1), 0) })),
    columns,
    rows,
    graded: gradedRows.length,
    unreachable: rows.length - gradedRows.length,
    stuck,
  };
}

function mostCommon(values: (string | undefined)[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}
