// Grades a class: every student's labs through the engine's runner, a bounded number of students at a
// time, each with clients bound to their own account and their own prefix and lab home. Read-only, as
// every check is. A student whose account cannot be reached is an error; the others are still graded.

import { describeError } from '../errors.js';
import type { Clock } from '../engine/clock.js';
import { RunEvents } from '../engine/events.js';
import type { LabReport } from '../engine/report.js';
import { runLab, type RunOptions } from '../engine/runner.js';
import { Semaphore } from '../engine/semaphore.js';
import type { RunnableLab } from '../engine/types.js';
import { createClientFactory } from '../target/clients.js';
import { resolveIdentity } from '../target/identity.js';
import type { TargetInfo, TargetSettings } from '../target/target.js';
import { RowError, prefixOf, settingsFor } from './access.js';
import { inEnglish, say, type GradeText } from './messages.js';
import type { Student } from './roster.js';

export interface StudentResult {
  student: Student;
  prefix?: string;
  target?: TargetInfo;
  reports: LabReport[];
  /** Why the student could not be graded (their account could not be reached, their row is wrong): English, as the class files keep it. */
  error?: { message: string; hint?: string };
  /** The same error for a person, shown in the workbook's language (`errorText`). */
  errorSaid?: GradeText;
  durationMs: number;
}

export interface GradeOptions {
  labs: RunnableLab[];
  global: TargetSettings;
  defaultPrefix: string;
  clock: Clock;
  /** How long pending checks may wait (ms); 0 grades what is there now. */
  waitMs: number;
  /** Students whose checks call AWS at once (a student waiting without calling steps aside meanwhile). */
  concurrency: number;
  signal?: AbortSignal;
  onStart?(student: Student): void;
  onDone?(result: StudentResult): void;
}

export async function gradeClass(students: readonly Student[], options: GradeOptions): Promise<StudentResult[]> {
  const semaphore = new Semaphore(options.concurrency);
  // A check that only listens (lab 0's device.publishing, 5 s) gives its student's place to the next one.
  return Promise.all(students.map((student) => semaphore.useWithLease((lease) => gradeStudent(student, options, (wait) => lease.idle(wait)))));
}

async function gradeStudent(student: Student, options: GradeOptions, idle: RunOptions['idle']): Promise<StudentResult> {
  const started = options.clock.now();
  options.onStart?.(student);
  const finish = (result: Omit<StudentResult, 'durationMs'>): StudentResult => {
    const done = { ...result, durationMs: options.clock.now() - started };
    options.onDone?.(done);
    return done;
  };
  let settings: TargetSettings;
  let prefix: string;
  try {
    settings = settingsFor(student, options.global);
    prefix = prefixOf(student, options.defaultPrefix);
  } catch (err) {
    if (!(err instanceof RowError)) throw err;
    const said: GradeText = { key: 'row.line', values: { line: student.line, reason: err.text } };
    return finish({ student, reports: [], error: { message: inEnglish(said) }, errorSaid: said });
  }
  const clients = createClientFactory(settings);
  try {
    let target: TargetInfo;
    try {
      target = await resolveIdentity(clients);
    } catch (err) {
      const { said, hint } = unreachable(err);
      return finish({ student, prefix, reports: [], error: { message: inEnglish(said), ...(hint ? { hint } : {}) }, errorSaid: said });
    }
    // One lab after the other: students sharing an account already share its API rate limits.
    const reports: LabReport[] = [];
    for (const lab of options.labs) {
      if (options.signal?.aborted) break;
      reports.push(
        await runLab(lab, {
          clients,
          target,
          config: { prefix },
          clock: options.clock,
          events: new RunEvents(),
          signal: options.signal,
          waitMs: options.waitMs,
          // Never this process's own lab home: without the student's, lab 0's saved-certificate checks find nothing.
          home: student.home ?? `roster-home-not-given/${student.id}`,
          idle,
        }),
      );
    }
    return finish({ student, prefix, target, reports });
  } finally {
    clients.destroy();
  }
}

/** The reason the account did not answer, with the SDK's own words (they name the missing profile). */
function unreachable(err: unknown): { said: GradeText; hint?: string } {
  const advice = describeError(err);
  const cause = (err as { cause?: unknown }).cause;
  const detail = cause instanceof Error && !advice.message.includes(cause.message) ? ` (${cause.message})` : '';
  return { said: { key: 'row.unreachable', values: { message: advice.message, detail } }, ...(advice.hint ? { hint: advice.hint } : {}) };
}

/** Why the student was not graded, for a person: in the workbook's language when the workbook has its words. */
export function errorText(result: StudentResult): string {
  return result.errorSaid ? say(result.errorSaid) : (result.error?.message ?? '');
}
