// The shapes a lab's checks are written against: what a check is, what it gets, what it returns.

import type { Clock } from './clock.js';
import type { ClientFactory } from '../target/clients.js';
import type { TargetInfo } from '../target/target.js';
import type { LabConfig } from '../config.js';

export type CheckStatus = 'pass' | 'fail' | 'pending' | 'skip' | 'error';

/** What a check saw: resource names, values, counts. Shown to students and written into reports. */
export type Evidence = Record<string, unknown>;

export interface CheckResult {
  status: CheckStatus;
  message: string;
  hint?: string;
  evidence?: Evidence;
  /** Fraction of the check's points earned, 0..1. Defaults to 1 for pass and 0 otherwise. */
  score?: number;
}

export interface CheckContext {
  /** Every AWS client comes from here, already bound to the target. */
  clients: ClientFactory;
  target: TargetInfo;
  config: LabConfig;
  clock: Clock;
  signal: AbortSignal;
  lab: { number: number; slug: string };
  /** The student's lab home (`.lab/`), where lab 0 keeps the device's certificate; default `labHome()`. */
  home?: string;
  /**
   * Wraps a wait that makes no AWS call (listening for the device's messages). `lab grade` lets another
   * student's checks run meanwhile; a single student's run just waits.
   */
  idle?<T>(wait: Promise<T>): Promise<T>;
}

export interface Check {
  /** Stable and readable (`stream.active`): it appears in JSON, JUnit and grade exports. */
  id: string;
  title: string;
  /** Default 1. */
  points?: number;
  dependsOn?: string[];
  /** Tiered hints, gentlest first; `lab hint` reveals one tier at a time. */
  hints?: string[];
  /** How long a `pending` result is re-polled before it becomes a fail (ms). Default 3 minutes; `--wait` overrides. */
  waitMs?: number;
  /** Read-only: inspects the account and returns a result; throws only for the unexpected. */
  run(ctx: CheckContext): Promise<CheckResult>;
}

/** What `checks/NN-slug.ts` exports as default. */
export interface LabChecks {
  checks: Check[];
}

/** A lab as the engine runs it: catalog entry plus its checks. */
export interface RunnableLab {
  number: number;
  slug: string;
  title: string;
  /** Fraction of the maximum score needed to pass, 0..1. */
  passThreshold: number;
  checks: Check[];
}

export function defineChecks(definition: LabChecks): LabChecks {
  return definition;
}
