// Waiting in a deploy: for a resource to become ready, and through IAM's propagation delay (a role
// just created is not yet assumable by a service for some seconds in AWS).

import type { SolutionContext } from '../../src/engine/solution.js';
import { ts } from './messages.js';

export interface WaitOptions {
  what: string;
  timeoutMs?: number;
  intervalMs?: number;
}

/** Polls `ready` until it returns true; throws with `what` after the timeout. */
export async function waitFor(ctx: Pick<SolutionContext, 'clock' | 'signal'>, ready: () => Promise<boolean>, options: WaitOptions): Promise<void> {
  const deadline = ctx.clock.now() + (options.timeoutMs ?? 180_000);
  for (;;) {
    if (await ready()) return;
    if (ctx.clock.now() >= deadline) throw new Error(ts('waits.timedOut', { what: options.what }));
    await ctx.clock.sleep(options.intervalMs ?? 1_000, ctx.signal);
  }
}

/** First and longest pause between attempts while a role propagates (AWS takes seconds, now and then a minute). */
const FIRST_RETRY_MS = 1_000;
const LONGEST_RETRY_MS = 8_000;

/** Whether an error is AWS saying a role is not usable yet: not assumable, or not yet granting what it grants. */
function roleNotPropagated(err: unknown): boolean {
  const e = err as { name?: string; message?: string };
  if (!/InvalidParameterValue|InvalidRequest|InvalidArgument|InvalidInput|AccessDenied/.test(e.name ?? '')) return false;
  return /role|assume|Cannot access stream/i.test(e.message ?? '');
}

/** Retries `call` with a bounded backoff while it fails because a new or changed role has not propagated yet. */
export async function retryWhileRolePropagates<T>(ctx: Pick<SolutionContext, 'clock' | 'signal' | 'log'>, call: () => Promise<T>, timeoutMs = 90_000): Promise<T> {
  const deadline = ctx.clock.now() + timeoutMs;
  let told = false;
  let pause = FIRST_RETRY_MS;
  for (;;) {
    try {
      return await call();
    } catch (err) {
      if (!roleNotPropagated(err) || ctx.clock.now() >= deadline) throw err;
      if (!told) ctx.log(ts('progress.waitingRole'));
      told = true;
      await ctx.clock.sleep(Math.min(pause, Math.max(0, deadline - ctx.clock.now())), ctx.signal);
      pause = Math.min(pause * 2, LONGEST_RETRY_MS);
    }
  }
}
