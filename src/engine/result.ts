// The result builders every check returns through: a check reports, it does not throw for an ordinary failure.

import type { CheckResult, Evidence } from './types.js';

export function pass(message = 'OK', options: { evidence?: Evidence; score?: number } = {}): CheckResult {
  return { status: 'pass', message, evidence: options.evidence, score: options.score };
}

export function fail(message: string, options: { hint?: string; evidence?: Evidence; score?: number } = {}): CheckResult {
  return { status: 'fail', message, hint: options.hint, evidence: options.evidence, score: options.score };
}

/** "Not yet": metrics or buffers lag; the engine polls again within the check's bounded wait. */
export function pending(reason: string, options: { evidence?: Evidence } = {}): CheckResult {
  return { status: 'pending', message: reason, evidence: options.evidence };
}

export function skip(reason: string): CheckResult {
  return { status: 'skip', message: reason };
}
