// Runs one lab's checks: dependencies first, independent checks concurrently, pending ones re-polled
// with backoff until their wait runs out. Emits events; reporters turn them into output.

import type { Check, CheckContext, CheckResult, RunnableLab } from './types.js';
import type { Clock } from './clock.js';
import type { RunEvents } from './events.js';
import type { TargetInfo } from '../target/target.js';
import type { ClientFactory } from '../target/clients.js';
import type { LabConfig } from '../config.js';
import { assertValidGraph } from './dependencies.js';
import { Semaphore } from './semaphore.js';
import { earnedPoints, formatDuration, pointsOf, summarize, type CheckReport, type LabReport } from './report.js';
import { describeError } from '../errors.js';
import { t } from '../i18n/index.js';

export const DEFAULT_WAIT_MS = 3 * 60_000;
export const DEFAULT_CONCURRENCY = 6;
const FIRST_POLL_DELAY_MS = 2_000;
const MAX_POLL_DELAY_MS = 20_000;
const BACKOFF_FACTOR = 1.5;

export interface RunOptions {
  clients: ClientFactory;
  target: TargetInfo;
  config: LabConfig;
  clock: Clock;
  events: RunEvents;
  signal?: AbortSignal;
  /** Overrides every check's own wait (`--wait`). */
  waitMs?: number;
  concurrency?: number;
  /** The student's lab home, when it is not this process's (`lab grade` grades many). */
  home?: string;
  /** See CheckContext.idle. */
  idle?: CheckContext['idle'];
  /** The first pause before a pending check is looked at again (default 2 s, then backing off). */
  firstPollDelayMs?: number;
}

export async function runLab(lab: RunnableLab, options: RunOptions): Promise<LabReport> {
  assertValidGraph(`Lab ${lab.number} (${lab.slug})`, lab.checks);
  const { clock, events } = options;
  const signal = options.signal ?? new AbortController().signal;
  const startedAt = new Date(clock.now()).toISOString();
  const context: CheckContext = {
    clients: options.clients,
    target: options.target,
    config: options.config,
    clock,
    signal,
    lab: { number: lab.number, slug: lab.slug },
    ...(options.home !== undefined ? { home: options.home } : {}),
    ...(options.idle ? { idle: options.idle } : {}),
  };
  events.emit({ type: 'run-start', lab, target: options.target });

  const semaphore = new Semaphore(options.concurrency ?? DEFAULT_CONCURRENCY);
  const byId = new Map(lab.checks.map((c) => [c.id, c]));
  const settled = new Map<string, Promise<CheckReport>>();
  // Each check waits for its dependencies' promises; the graph was checked for cycles above.
  const settle = (check: Check): Promise<CheckReport> => {
    let promise = settled.get(check.id);
    if (!promise) {
      promise = (async () => {
        const deps = await Promise.all((check.dependsOn ?? []).map((id) => settle(byId.get(id)!)));
        const blocker = deps.find((d) => d.status !== 'pass');
        const report = blocker
          ? skippedFor(check, blocker)
          : await semaphore.use(() => {
              events.emit({ type: 'check-start', lab, check });
              return pollUntilSettled(lab, check, context, options);
            });
        events.emit({ type: 'check-result', lab, check, report });
        return report;
      })();
      settled.set(check.id, promise);
    }
    return promise;
  };
  const checks = await Promise.all(lab.checks.map(settle));
  const report: LabReport = {
    lab: { number: lab.number, slug: lab.slug, title: lab.title },
    target: options.target,
    startedAt,
    finishedAt: new Date(clock.now()).toISOString(),
    passThreshold: lab.passThreshold,
    ...summarize(lab, checks),
    checks,
  };
  events.emit({ type: 'run-end', report });
  return report;
}

function skippedFor(check: Check, blocker: CheckReport): CheckReport {
  const why = t(blocker.status === 'skip' ? 'engine.wasSkipped' : 'engine.didNotPass');
  return {
    id: check.id,
    title: check.title,
    status: 'skip',
    points: pointsOf(check),
    score: 0,
    message: t('engine.skipped', { title: blocker.title, id: blocker.id, why }),
    durationMs: 0,
    polls: 0,
  };
}

async function pollUntilSettled(lab: RunnableLab, check: Check, ctx: CheckContext, options: RunOptions): Promise<CheckReport> {
  const { clock, events } = options;
  const started = clock.now();
  const waitMs = options.waitMs ?? check.waitMs ?? DEFAULT_WAIT_MS;
  const deadline = started + waitMs;
  let delay = options.firstPollDelayMs ?? FIRST_POLL_DELAY_MS;
  let polls = 0;
  for (;;) {
    polls++;
    const { result, cause } = await runOnce(check, ctx, options.target);
    const now = clock.now();
    if (result.status !== 'pending') return finish(check, result, { polls, durationMs: now - started, cause });
    if (now >= deadline || ctx.signal.aborted) {
      const why = ctx.signal.aborted ? t('engine.interrupted') : t('engine.stillNotThere', { wait: formatDuration(waitMs) });
      const timedOut: CheckResult = {
        status: 'fail',
        message: t('engine.timedOut', { why, message: result.message }),
        hint: t('engine.timedOutHint'),
        evidence: result.evidence,
      };
      return { ...finish(check, timedOut, { polls, durationMs: now - started }), timedOut: true };
    }
    const nextPollAt = Math.min(now + delay, deadline);
    events.emit({ type: 'check-pending', lab, check, result, nextPollAt, deadline, now });
    try {
      const sleeping = clock.sleep(nextPollAt - now, ctx.signal);
      await (ctx.idle ? ctx.idle(sleeping) : sleeping);
    } catch {
      // Cancelled while waiting: the next turn reports the timeout with what was seen so far.
    }
    delay = Math.min(delay * BACKOFF_FACTOR, MAX_POLL_DELAY_MS);
  }
}

async function runOnce(check: Check, ctx: CheckContext, target: TargetInfo): Promise<{ result: CheckResult; cause?: unknown }> {
  try {
    const result = await check.run(ctx);
    if (!result || !['pass', 'fail', 'pending', 'skip', 'error'].includes(result.status)) {
      throw new Error(`check "${check.id}" returned ${JSON.stringify(result)} instead of a result from engine/result`);
    }
    return { result };
  } catch (cause) {
    const advice = describeError(cause, target);
    return { result: { status: 'error', message: advice.message, hint: advice.hint }, cause };
  }
}

function finish(check: Check, result: CheckResult, extra: { polls: number; durationMs: number; cause?: unknown }): CheckReport {
  const hint = result.status === 'fail' || result.status === 'error' ? (result.hint ?? check.hints?.[0]) : undefined;
  return {
    id: check.id,
    title: check.title,
    status: result.status === 'pending' ? 'fail' : result.status,
    points: pointsOf(check),
    score: earnedPoints(check, result),
    message: result.message,
    ...(hint ? { hint } : {}),
    ...(result.evidence ? { evidence: result.evidence } : {}),
    durationMs: extra.durationMs,
    polls: extra.polls,
    ...(extra.cause !== undefined ? { cause: extra.cause } : {}),
  };
}
