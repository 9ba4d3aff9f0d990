// `lab check N|all`: grades labs against the target and reports through the chosen reporters.

import { UsageError, describeError } from '../errors.js';
import { systemClock, type Clock } from '../engine/clock.js';
import { RunEvents } from '../engine/events.js';
import { runLab } from '../engine/runner.js';
import type { LabReport } from '../engine/report.js';
import type { RunnableLab } from '../engine/types.js';
import { LABS } from '../labs/catalog.js';
import { findLab, hasChecks, loadLab, type Workbook } from '../labs/workbook.js';
import { recordRun } from '../progress.js';
import { createReporters, type DocumentFormat } from '../reporters/index.js';
import { connect, openSession, type GlobalOptions } from '../session.js';
import { headerLine } from '../target/target.js';
import { stderr, stdout } from '../output.js';
import { positiveInteger, seconds } from '../cli/option-values.js';
import { t } from '../i18n/index.js';

export interface CheckOptions extends GlobalOptions {
  /** Seconds a pending check may keep waiting. */
  wait?: string;
  /** `true` (bare `--json`) writes to stdout. */
  json?: string | boolean;
  junit?: string;
  gradescope?: string;
  csv?: string;
  concurrency?: string;
}

export async function checkLabs(labArg: string, options: CheckOptions, clock: Clock = systemClock): Promise<{ passed: boolean }> {
  const session = await openSession(options);
  const waitMs = options.wait === undefined ? undefined : seconds('--wait', options.wait);
  const concurrency = options.concurrency === undefined ? undefined : positiveInteger('--concurrency', options.concurrency);
  const documents = documentTargets(options);
  // Load every lab's checks before contacting AWS: a missing lab is a usage error, not a network one.
  const labs = await labsFor(labArg, session.workbook);
  const jsonOnStdout = documents.json === '-';
  const out = jsonOnStdout ? stderr : stdout;

  const { clients, target } = await connect(session);
  const controller = new AbortController();
  const onInterrupt = () => controller.abort(new Error('interrupted'));
  process.once('SIGINT', onInterrupt);
  try {
    out.line(headerLine(target));
    const reporters = await createReporters({ terminal: !jsonOnStdout, documents }, target);
    const events = new RunEvents();
    for (const reporter of reporters.all) events.subscribe((event) => reporter.onEvent(event));
    const reports: LabReport[] = [];
    for (const lab of labs) {
      const report = await runLab(lab, { clients, target, config: session.config, clock, events, signal: controller.signal, waitMs, concurrency, home: session.home });
      await Promise.all(reporters.all.map((r) => r.flush()));
      await recordRun(session.home, report);
      reports.push(report);
      if (controller.signal.aborted) break;
    }
    for (const document of reporters.documents) await document.write();
    explainErrors(reports, session.debug);
    return { passed: reports.length === labs.length && reports.every((r) => r.passed) };
  } finally {
    process.removeListener('SIGINT', onInterrupt);
    clients.destroy();
  }
}

async function labsFor(labArg: string, workbook: Workbook): Promise<RunnableLab[]> {
  if (labArg !== 'all') return [await loadLab(workbook, findLab(labArg))];
  const ready = [];
  for (const entry of LABS) if (await hasChecks(workbook, entry)) ready.push(entry);
  if (ready.length === 0) throw new UsageError(t('usage.noLabChecks'));
  return Promise.all(ready.map((entry) => loadLab(workbook, entry)));
}

function documentTargets(options: CheckOptions): Partial<Record<DocumentFormat, string>> {
  const targets: Partial<Record<DocumentFormat, string>> = {};
  if (options.json) targets.json = options.json === true ? '-' : options.json;
  if (options.junit) targets.junit = options.junit;
  if (options.gradescope) targets.gradescope = options.gradescope;
  if (options.csv) targets.csv = options.csv;
  return targets;
}

// A check that threw is shown as plain advice; the stack is for --debug (and for bug reports).
function explainErrors(reports: LabReport[], debug: boolean): void {
  const errors = reports.flatMap((r) => r.checks).filter((c) => c.status === 'error' && c.cause !== undefined);
  if (errors.length === 0) return;
  if (!debug) {
    if (errors.some((c) => !describeError(c.cause).environment)) stderr.line(t('check.unexpected'));
    return;
  }
  for (const check of errors) {
    const cause = check.cause;
    stderr.line(`[debug] ${check.id}: ${cause instanceof Error ? (cause.stack ?? cause.message) : String(cause)}`);
  }
}


