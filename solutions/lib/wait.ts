// Waiting in a deploy: for a resource to become ready, and through IAM's propagation delay (a role
// just created is not yet assumable by a service for some seconds in AWS).

import type { SolutionContext } from '../../src/engine/solution.js';

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
    if (ctx.clock.now() >= deadline) throw new Error(`Timed out waiting for ${options.what}.`);
    await ctx.clock.sleep(options.intervalMs ?? 1_000, ctx.signal);
  }
}

/** Retries `call` while it fails because a new role has not propagated yet. */
export async function retryWhileRolePropagates<T>(ctx: Pick<SolutionContext, 'clock' | 'signal' | 'log'>, call: () => Promise<T>, timeoutMs = 90_000): Promise<T> {
  const deadline = ctx.clock.now() + timeoutMs;
  let told = false;
  for (;;) {
    try {
      return await call();
    } catch (err) {
      const e = err as { name?: string; message?: string };
      const propagating = /InvalidParameterValue|InvalidRequest|InvalidArgument|AccessDenied/.test(e.name ?? '') && /role|assume/i.test(e.message ?? '');
      if (!propagating || ctx.clock.now() >= deadline) throw err;
      if (!told) ctx.log('waiting for the new IAM role to propagate…');
      told = true;
      await ctx.clock.sleep(3_000, ctx.signal);
    }
  }
}
