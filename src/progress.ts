// `.lab/progress.json`: each lab's latest result per target and account, and the hint tiers revealed.

import { copyFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeJsonFileAtomic } from './lab-home.js';
import { stderr } from './output.js';
import type { LabReport } from './engine/report.js';
import type { TargetKind } from './target/target.js';
import { t } from './i18n/index.js';

export type LabStatus = 'passed' | 'partial' | 'failed';

export interface LabProgress {
  status: LabStatus;
  score: number;
  maxScore: number;
  checkedAt: string;
  /** When the lab last passed, kept even if a later run fails. */
  passedAt?: string;
  /** Ids of the checks that did not pass in the latest run; `lab hint` starts there. */
  notPassed: string[];
}

export interface TargetProgress {
  kind: TargetKind;
  accountId: string;
  region: string;
  labs: Record<string, LabProgress>;
}

export interface ProgressFile {
  version: 1;
  /** Keyed `kind:accountId`. */
  targets: Record<string, TargetProgress>;
  /** lab number → check id → tiers revealed. */
  hints: Record<string, Record<string, number>>;
}

const EMPTY: ProgressFile = { version: 1, targets: {}, hints: {} };

export function progressFile(home: string): string {
  return join(home, 'progress.json');
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Whether a parsed file has the shape this module writes (each target's labs, each lab's hint tiers). */
function isProgressFile(v: unknown): v is Partial<ProgressFile> {
  if (!isRecord(v)) return false;
  if (v.targets !== undefined && !(isRecord(v.targets) && Object.values(v.targets).every((t) => isRecord(t) && isRecord(t.labs)))) return false;
  if (v.hints !== undefined && !(isRecord(v.hints) && Object.values(v.hints).every(isRecord))) return false;
  return true;
}

/**
 * The progress kept so far. A damaged file (not JSON, or not the shape written here) is kept aside as
 * `progress.json.damaged-<time>` with a warning, and progress starts fresh: losing a record of past
 * checks must never stop a student from checking again.
 */
export async function loadProgress(home: string): Promise<ProgressFile> {
  const file = progressFile(home);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { ...EMPTY, targets: {}, hints: {} };
    throw err;
  }
  let stored: unknown;
  try {
    stored = JSON.parse(text);
  } catch {
    stored = undefined;
  }
  if (!isProgressFile(stored)) {
    const copy = `${file}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    await copyFile(file, copy);
    stderr.line(t('progress.damaged', { file, copy, why: stored === undefined ? t('progress.notJson') : t('progress.wrongShape') }));
    return { ...EMPTY, targets: {}, hints: {} };
  }
  return { version: 1, targets: stored.targets ?? {}, hints: stored.hints ?? {} };
}

export async function recordRun(home: string, report: LabReport): Promise<void> {
  const progress = await loadProgress(home);
  const { kind, accountId, region } = report.target;
  const key = `${kind}:${accountId}`;
  const entry = (progress.targets[key] ??= { kind, accountId, region, labs: {} });
  entry.region = region;
  const previous = entry.labs[report.lab.number];
  const status: LabStatus = report.passed ? 'passed' : report.score > 0 ? 'partial' : 'failed';
  entry.labs[report.lab.number] = {
    status,
    score: report.score,
    maxScore: report.maxScore,
    checkedAt: report.finishedAt,
    ...(report.passed ? { passedAt: report.finishedAt } : previous?.passedAt ? { passedAt: previous.passedAt } : {}),
    notPassed: report.checks.filter((c) => c.status !== 'pass').map((c) => c.id),
  };
  await writeJsonFileAtomic(progressFile(home), progress);
}

/** The most recent result of a lab on any account of this target kind (no AWS call needed). */
export function latestFor(progress: ProgressFile, kind: TargetKind, lab: number): (LabProgress & { accountId: string }) | undefined {
  let latest: (LabProgress & { accountId: string }) | undefined;
  for (const entry of Object.values(progress.targets)) {
    const result = entry.kind === kind ? entry.labs[lab] : undefined;
    if (result && (!latest || result.checkedAt > latest.checkedAt)) latest = { ...result, accountId: entry.accountId };
  }
  return latest;
}

export function hintsRevealed(progress: ProgressFile, lab: number, checkId: string): number {
  return progress.hints[lab]?.[checkId] ?? 0;
}

export async function recordHintRevealed(home: string, lab: number, checkId: string, tiers: number): Promise<void> {
  const progress = await loadProgress(home);
  (progress.hints[lab] ??= {})[checkId] = tiers;
  await writeJsonFileAtomic(progressFile(home), progress);
}

/** Forgets the results of `labs` on one account (after `lab reset` deleted what they graded). */
export async function forgetLabs(home: string, target: { kind: TargetKind; accountId: string }, labs: readonly number[]): Promise<void> {
  const progress = await loadProgress(home);
  const entry = progress.targets[`${target.kind}:${target.accountId}`];
  if (!entry || !labs.some((lab) => entry.labs[lab] !== undefined)) return;
  for (const lab of labs) delete entry.labs[lab];
  await writeJsonFileAtomic(progressFile(home), progress);
}
