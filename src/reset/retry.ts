// Retrying a reset's calls: AWS throttles bursts of deletes (API Gateway allows one DeleteRestApi every
// 30 s), and some deletes are refused for a while after what they depend on was removed (a certificate
// just detached, a role whose policies were just deleted). Both are retried with a growing, jittered
// delay on the run's clock; anything else fails at once.

import type { Clock } from '../engine/clock.js';

export interface RetryOptions {
  /** How long one call may keep being retried, in all. */
  budgetMs: number;
  firstDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryOptions = { budgetMs: 120_000, firstDelayMs: 500, maxDelayMs: 10_000 };

const THROTTLED = new Set([
  'Throttling', 'ThrottlingException', 'ThrottledException', 'TooManyRequestsException', 'RequestLimitExceeded', 'SlowDown',
  'LimitExceededException', 'ProvisionedThroughputExceededException', 'RequestThrottled', 'RequestThrottledException',
]);

/** "Does not exist" in each service's words: for a delete, the resource is already gone. */
const NOT_FOUND = new Set([
  'ResourceNotFoundException', 'NoSuchEntity', 'NoSuchEntityException', 'NotFoundException', 'NoSuchBucket', 'NoSuchUpload',
  'EntityNotFoundException',
]);

export function errorName(err: unknown): string {
  const e = err as { name?: unknown; Code?: unknown; code?: unknown } | undefined;
  if (typeof e?.name === 'string' && e.name !== 'Error') return e.name;
  if (typeof e?.Code === 'string') return e.Code;
  if (typeof e?.code === 'string') return e.code;
  return 'Error';
}

export function isThrottled(err: unknown): boolean {
  const e = err as { $metadata?: { httpStatusCode?: number }; $retryable?: { throttling?: boolean } } | undefined;
  return THROTTLED.has(errorName(err)) || e?.$metadata?.httpStatusCode === 429 || e?.$retryable?.throttling === true;
}

export function isGone(err: unknown): boolean {
  return NOT_FOUND.has(errorName(err));
}

export interface RetryScope {
  clock: Clock;
  signal: AbortSignal;
  retry: RetryOptions;
}

/** Error names, or a test of the error, that mean "not yet" for this call. */
export type NotYet = readonly string[] | ((err: unknown) => boolean);

export async function retrying<T>(scope: RetryScope, call: () => Promise<T>, notYet: NotYet = []): Promise<T> {
  const { clock, signal, retry } = scope;
  const deadline = clock.now() + retry.budgetMs;
  const transient = (err: unknown) => isThrottled(err) || (typeof notYet === 'function' ? notYet(err) : notYet.includes(errorName(err)));
  let delay = retry.firstDelayMs;
  for (;;) {
    try {
      return await call();
    } catch (err) {
      if (!transient(err) || signal.aborted) throw err;
      const now = clock.now();
      if (now >= deadline) throw err;
      // ±25 % jitter keeps concurrent deletes from retrying in lockstep.
      const wait = Math.min(delay * (0.75 + Math.random() * 0.5), deadline - now);
      await clock.sleep(wait, signal);
      delay = Math.min(delay * 2, retry.maxDelayMs);
    }
  }
}

/** Runs a delete; `false` when the resource was already gone. */
export async function deleteIfExists(scope: RetryScope, call: () => Promise<unknown>, notYet: NotYet = []): Promise<boolean> {
  try {
    await retrying(scope, call, notYet);
    return true;
  } catch (err) {
    if (isGone(err)) return false;
    throw err;
  }
}
