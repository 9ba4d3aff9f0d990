// The account's concurrency quota: how many invocations may run at once in one account and region.
// AWS's default is 1,000 execution environments; here each environment is a process on the learner's
// machine, so the quota scales with its cores. A synchronous invocation past it is throttled with
// TooManyRequestsException, as AWS throttles it; an asynchronous one waits in Lambda's queue for a slot.

import { availableParallelism } from 'node:os';

/** Concurrent executions per core when the sandbox is not told otherwise (10 on a 2-core machine). */
export const CONCURRENCY_PER_CORE = 5;

export function defaultConcurrencyLimit(): number {
  return CONCURRENCY_PER_CORE * availableParallelism();
}

export class ConcurrencyQuota {
  private readonly running = new Map<string, number>();
  private readonly queued = new Map<string, (() => void)[]>();

  constructor(readonly limit: number) {}

  /** Takes a slot if one is free; the caller must release it. */
  tryAcquire(scope: string): boolean {
    const count = this.running.get(scope) ?? 0;
    if (count >= this.limit) return false;
    this.running.set(scope, count + 1);
    return true;
  }

  /** Waits for a slot (asynchronous invocations). */
  async acquire(scope: string): Promise<void> {
    while (!this.tryAcquire(scope)) {
      await new Promise<void>((resolve) => {
        const waiting = this.queued.get(scope) ?? [];
        waiting.push(resolve);
        this.queued.set(scope, waiting);
      });
    }
  }

  release(scope: string): void {
    const count = (this.running.get(scope) ?? 1) - 1;
    if (count <= 0) this.running.delete(scope);
    else this.running.set(scope, count);
    const waiting = this.queued.get(scope);
    const next = waiting?.shift();
    if (waiting && waiting.length === 0) this.queued.delete(scope);
    next?.();
  }

  /** Invocations running now in the scope (status, tests). */
  inUse(scope: string): number {
    return this.running.get(scope) ?? 0;
  }
}
