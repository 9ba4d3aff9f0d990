// `lab grade --roster FILE`: grades a class (every student's labs, in their own account or under their
// own prefix) concurrently and read-only, and writes grades.csv, a JSON report per student, one JUnit
// file and a self-contained HTML report to --out. Exit 0 when grading ran, whatever the grades; 2 when
// it could not (the roster, the labs or the output folder). The terminal and the HTML report speak the
// workbook's language (src/grade/messages.ts); the CSV, JUnit and JSON files keep their English.

import { setMaxListeners } from 'node:events';
import { resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { systemClock, type Clock } from '../engine/clock.js';
import type { RunnableLab } from '../engine/types.js';
import { LABS } from '../labs/catalog.js';
import { findLab, hasChecks, loadLab, type Workbook } from '../labs/workbook.js';
import { openSession, type GlobalOptions } from '../session.js';
import { describeTarget } from '../target/target.js';
import { padColumns, stdout, stringWidth, type Output } from '../output.js';
import { writeClassOutputs } from '../grade/outputs.js';
import { tg } from '../grade/messages.js';
import { ProgressBar } from '../grade/progress-bar.js';
import { readRoster } from '../grade/roster.js';
import { errorText, gradeClass } from '../grade/run.js';
import { summarize } from '../grade/summary.js';
import { positiveInteger, seconds } from '../cli/option-values.js';

export interface GradeCommandOptions extends GlobalOptions {
  /** Required (commander says so on the command line). */
  roster?: string;
  labs?: string;
  concurrency?: string;
  out?: string;
  wait?: string;
}

export const DEFAULT_GRADE_CONCURRENCY = 8;

export async function gradeCommand(options: GradeCommandOptions, out: Output = stdout, clock: Clock = systemClock): Promise<void> {
  const session = await openSession(options);
  const concurrency = options.concurrency === undefined ? DEFAULT_GRADE_CONCURRENCY : positiveInteger('--concurrency', options.concurrency);
  const waitMs = options.wait === undefined ? 0 : seconds('--wait', options.wait);
  const labs = await labsToGrade(options.labs ?? 'all', session.workbook);
  if (!options.roster) throw new UsageError(tg('refuse.noRoster'));
  const students = await readRoster(options.roster);
  const outDir = resolve(options.out ?? 'grades');

  out.line(
    tg('start', {
      count: students.length,
      labs: labs.map((l) => tg('lab', { number: l.number })).join(', '),
      concurrency,
      target: describeTarget(session.settings),
      region: session.settings.region ?? tg('regionFromConfig'),
    }),
  );
  const controller = new AbortController();
  setMaxListeners(0, controller.signal);
  const onInterrupt = () => controller.abort(new Error('interrupted'));
  process.once('SIGINT', onInterrupt);
  const bar = new ProgressBar(students.length);
  let results;
  try {
    results = await gradeClass(students, {
      labs,
      global: session.settings,
      defaultPrefix: session.config.prefix,
      clock,
      waitMs,
      concurrency,
      signal: controller.signal,
      onStart: () => bar.started(),
      onDone: (r) => bar.finished(r),
    });
  } finally {
    bar.close();
    process.removeListener('SIGINT', onInterrupt);
  }
  const summary = summarize(labs, results);
  const files = await writeClassOutputs(outDir, summary, { generatedAt: new Date(clock.now()), title: tg('reportTitle') });

  out.line();
  const heading = tg('table.student');
  const width = Math.max(stringWidth(heading), ...students.map((s) => s.id.length));
  out.line(`${padEnd(heading, width)}  ${summary.labs.map((l) => padStart(tg('lab', { number: l.number }), 9)).join('')}  ${tg('table.total')}`);
  for (const row of summary.rows) {
    const { result } = row;
    if (result.error) {
      out.line(`${result.student.id.padEnd(width)}  ${tg('table.error', { message: errorText(result) })}`);
      continue;
    }
    const byLab = new Map(result.reports.map((r) => [r.lab.number, r]));
    const cells = summary.labs.map((l) => {
      const r = byLab.get(l.number);
      return (r ? `${r.score}/${r.maxScore}${r.passed ? '✓' : ' '}` : '-').padStart(9);
    });
    out.line(`${result.student.id.padEnd(width)}  ${cells.join('')}  ${row.score}/${row.maxScore}`);
  }
  out.line();
  out.line(tg('counts', { graded: summary.graded, unreachable: summary.unreachable }));
  if (summary.stuck.length) {
    out.line(tg('stuck.heading'));
    for (const s of summary.stuck.slice(0, 5)) {
      out.line(tg('stuck.line', { lab: s.column.lab, id: s.column.id, failing: s.failing, graded: s.graded, hint: s.hint ? tg('stuck.hint', { hint: s.hint }) : '' }));
    }
  }
  out.line(tg('wrote', { files: files.join(', ') }));
}

/** `all` (every lab with checks), `2`, `0-3`, `0,2,3`. */
async function labsToGrade(spec: string, workbook: Workbook): Promise<RunnableLab[]> {
  let numbers: number[];
  if (spec === 'all') {
    numbers = [];
    for (const entry of LABS) if (await hasChecks(workbook, entry)) numbers.push(entry.number);
    if (numbers.length === 0) throw new UsageError(tg('refuse.noChecks'));
  } else {
    numbers = [];
    for (const part of spec.split(',')) {
      const range = /^\s*(\d+)\s*-\s*(\d+)\s*$/.exec(part);
      if (range) {
        const [from, to] = [Number(range[1]), Number(range[2])];
        if (from > to) throw new UsageError(tg('refuse.backwards', { spec, range: part.trim() }));
        for (let n = from; n <= to; n++) numbers.push(findLab(String(n)).number);
      } else numbers.push(findLab(part.trim()).number);
    }
  }
  const unique = [...new Set(numbers)].sort((a, b) => a - b);
  return Promise.all(unique.map((n) => loadLab(workbook, LABS[n]!)));
}

const padEnd = (text: string, width: number) => padColumns(text, width);
const padStart = (text: string, width: number) => padColumns(text, width, 'start');
