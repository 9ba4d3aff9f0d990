// What a finished run says: per check and per lab, with the score arithmetic in one place.

import type { Check, CheckResult, CheckStatus, Evidence, RunnableLab } from './types.js';
import type { TargetInfo } from '../target/target.js';

export type FinalStatus = Exclude<CheckStatus, 'pending'>;

export interface CheckReport {
  id: string;
  title: string;
  status: FinalStatus;
  points: number;
  /** Points earned: points × the result's fraction. */
  score: number;
  message: string;
  hint?: string;
  evidence?: Evidence;
  durationMs: number;
  /** How many times `run` was called (more than one when the check was pending). */
  polls: number;
  /** The check was still pending when its wait ran out. */
  timedOut?: boolean;
  /** The thrown value behind an `error` result; shown only with --debug, never serialized. */
  cause?: unknown;
}

export interface LabReport {
  lab: { number: number; slug: string; title: string };
  target: TargetInfo;
  startedAt: string;
  finishedAt: string;
  score: number;
  maxScore: number;
  passThreshold: number;
  passed: boolean;
  checks: CheckReport[];
}

export function pointsOf(check: Check): number {
  return check.points ?? 1;
}

/** Points earned by a final result; a fraction outside 0..1 is clamped so a check cannot over- or under-pay. */
export function earnedPoints(check: Check, result: CheckResult): number {
  const fallback = result.status === 'pass' ? 1 : 0;
  const fraction = Math.min(1, Math.max(0, result.score ?? fallback));
  return result.status === 'pass' || result.status === 'fail' ? round(pointsOf(check) * fraction) : 0;
}

export function summarize(lab: RunnableLab, checks: CheckReport[]): Pick<LabReport, 'score' | 'maxScore' | 'passed'> {
  const score = round(checks.reduce((sum, c) => sum + c.score, 0));
  const maxScore = round(checks.reduce((sum, c) => sum + c.points, 0));
  const passed = maxScore > 0 && score / maxScore >= lab.passThreshold - 1e-9;
  return { score, maxScore, passed };
}

// Two decimals keep 0.1 + 0.2 from showing up in a student's score.
function round(value: number): number {
  return Math.round(value * 100) / 100;
}

export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return m > 0 ? `${m}m${String(s).padStart(2, '0')}s` : `${s}s`;
}
