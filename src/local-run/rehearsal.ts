// Runs labs end to end in a workbench: optionally grades each lab before its solution (nothing may
// pass), deploys the reference solution, starts the device once lab 0 is in place, grades again
// (everything must pass), and deploys a second time (nothing may change). Every deviation is a
// "surprise". `lab selftest` asserts on them; `npm start` shows the reports.

import type { LabReport } from '../engine/report.js';
import type { RunEvent } from '../engine/events.js';
import { LABS, labLabel, type LabEntry } from '../labs/catalog.js';
import { loadLab, type Workbook } from '../labs/workbook.js';
import { startDevice, type RunningDevice } from '../device/start.js';
import { checkLab, logMark, mutatingCallsSince, solveLab, type Workbench } from './workbench.js';
import { t } from '../i18n/index.js';

export interface RehearsalOptions {
  bench: Workbench;
  workbook: Workbook;
  /** The labs to grade, in catalog order; labs before the first are deployed as prerequisites. */
  labs: LabEntry[];
  choices: Record<string, string | undefined>;
  /** Grade before solving and deploy twice (selftest), or only solve and grade (the demo). */
  strict: boolean;
  waitMs: number;
  /** One line of progress; `kind` marks the lines a caller may leave out (the demo's reporter shows them its way). */
  say(line: string, kind?: 'surprise' | 'score'): void;
  /** Gets the events of the graded runs (the demo's terminal reporter). */
  listener?: (event: RunEvent) => void;
}

export interface RehearsalOutcome {
  reports: LabReport[];
  surprises: string[];
}

/** The lab whose solution gives the device its certificate; the device starts right after it. */
const DEVICE_LAB = 0;
/**
 * From this lab on, readings are kept in the data lake. The device's malformed messages prove lab 1's
 * function skips them; in the lake they would make whole objects unreadable to lab 4's crawler, a
 * lesson lab 4 teaches on purpose, not one the rehearsal should trip over. So the device is restarted
 * without them before this lab is deployed.
 */
const DATA_LAKE_LAB = 2;

export async function rehearse(options: RehearsalOptions): Promise<RehearsalOutcome> {
  const { bench, workbook, say } = options;
  const surprises: string[] = [];
  const reports: LabReport[] = [];
  let device: RunningDevice | undefined;
  const surprise = (text: string) => {
    surprises.push(text);
    say(t('rehearsal.surprise', { text }), 'surprise');
  };
  let malformed = false;
  const startPublishing = async (malformedEvery?: number) => {
    device = await startDevice({ clients: bench.clients, home: bench.home, prefix: bench.config.prefix, rate: 2, malformedEvery });
    const running = device;
    running.done.catch((err: unknown) => {
      if (device === running) surprise(t('rehearsal.deviceStopped', { message: (err as Error).message }));
    });
    malformed = malformedEvery !== undefined;
    say(t(malformed ? 'rehearsal.publishingMalformed' : 'rehearsal.publishing', { name: device.name, topic: device.topic }));
  };
  const deploy = async (entry: LabEntry) => {
    if (entry.number === DATA_LAKE_LAB && device && malformed) {
      const previous = device;
      device = undefined;
      await previous.stop().catch(() => undefined);
      await startPublishing();
    }
    const result = await solveLab(bench, workbook, entry, options.choices, (line) => say(`    ${line}`));
    if (entry.number === DEVICE_LAB && !device) await startPublishing(10);
    return result;
  };

  try {
    const first = options.labs[0]?.number ?? 0;
    for (const entry of LABS.filter((l) => l.number < first)) {
      say(t('rehearsal.prerequisite', { lab: labLabel(entry) }));
      await deploy(entry);
    }
    for (const entry of options.labs) {
      const lab = await loadLab(workbook, entry);
      if (options.strict) {
        say(t('rehearsal.gradingBefore', { lab: labLabel(entry) }));
        const before = await checkLab(bench, lab, 0);
        for (const c of before.checks) {
          if (c.status === 'pass') surprise(t('rehearsal.passedBefore', { id: c.id, message: c.message }));
          if (c.status === 'error') surprise(t('rehearsal.erroredBefore', { id: c.id, message: c.message }));
        }
        const count = (status: string) => before.checks.filter((c) => c.status === status).length;
        say(t('rehearsal.countsBefore', { failed: count('fail'), skipped: count('skip'), passed: count('pass') }));
      }
      say(t('rehearsal.deploying', { lab: labLabel(entry) }));
      const deployed = Date.now();
      const firstDeploy = await deploy(entry);
      say(t('rehearsal.created', { count: firstDeploy?.created?.length ?? 0, seconds: ((Date.now() - deployed) / 1000).toFixed(1) }));
      say(t('rehearsal.gradingAfter', { lab: labLabel(entry) }));
      const gradedAt = await logMark();
      const after = await checkLab(bench, lab, options.waitMs, options.listener);
      reports.push(after);
      for (const c of after.checks) if (c.status !== 'pass') surprise(c.hint ? t('rehearsal.notPassedAfterHint', { id: c.id, message: c.message, hint: c.hint }) : t('rehearsal.notPassedAfter', { id: c.id, message: c.message }));
      const mutations = mutatingCallsSince(bench, gradedAt).filter(fromWorkbench);
      say(t('rehearsal.score', { passed: after.checks.filter((c) => c.status === 'pass').length, total: after.checks.length, score: after.score, max: after.maxScore }), 'score');
      if (options.strict) {
        if (mutations.length > 0) surprise(t('rehearsal.gradingWrote', { calls: [...new Set(mutations)].join(', ') }));
        const since = await logMark();
        const again = await solveLab(bench, workbook, entry, options.choices, () => undefined);
        const changed = [...(again?.created ?? []), ...(again?.updated ?? [])];
        if (changed.length > 0) surprise(t('rehearsal.secondChanged', { changes: changed.join('; ') }));
        const writes = mutatingCallsSince(bench, since).filter(fromWorkbench);
        if (writes.length > 0) surprise(t('rehearsal.secondWrote', { calls: [...new Set(writes)].join(', ') }));
        say(t('rehearsal.secondDeploy', { verdict: changed.length === 0 && writes.length === 0 ? t('rehearsal.nothingChanged') : t('rehearsal.changedThings') }));
      }
    }
  } finally {
    await device?.stop().catch(() => undefined);
  }
  return { reports, surprises };
}

/**
 * The pipeline itself keeps writing while the device runs (the function writes items, logs and
 * metrics): only calls of the kinds checks and deploys make are counted against them.
 */
function fromWorkbench(call: string): boolean {
  return !/^(kinesis\.(PutRecords?)|dynamodb\.(BatchWriteItem|PutItem)|logs\.|cloudwatch\.PutMetricData)/.test(call);
}
