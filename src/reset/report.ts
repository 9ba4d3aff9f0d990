// The reset's JSON report: what was planned, deleted, skipped (with why) and failed (with AWS's error),
// versioned like the check report. Written for a dry run too (then nothing is deleted).

import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { TargetInfo } from '../target/target.js';
import type { DeletionResult } from './deleter.js';
import { inEnglish } from './messages.js';
import type { DiscoveryFailure, ErrorSummary, Plan } from './plan.js';
import { KIND_LABELS, comparePlanned, describeSelection, type PlannedResource, type ResourceKind } from './resource.js';

export const RESET_REPORT_SCHEMA = 'iot-pipeline-labs/reset-report';
export const RESET_REPORT_SCHEMA_VERSION = 1;

export interface ReportEntry {
  service: string;
  type: string;
  kind: ResourceKind;
  name: string;
  id?: string;
  arn?: string;
  lab: number;
  why: string;
}

export interface ResetReport {
  schema: typeof RESET_REPORT_SCHEMA;
  schemaVersion: number;
  generatedAt: string;
  target: { kind: string; accountId: string; region: string; endpoint?: string };
  prefix: string;
  labs: number[];
  keepDevice: boolean;
  applied: boolean;
  planned: ReportEntry[];
  deleted: (ReportEntry & { detail?: string })[];
  skipped: (ReportEntry & { reason: string })[];
  failed: (ReportEntry & { error: ErrorSummary })[];
  discoveryFailures: DiscoveryFailure[];
}

export function entryOf(r: PlannedResource): ReportEntry {
  return {
    ...KIND_LABELS[r.kind],
    kind: r.kind,
    name: r.name,
    ...(r.id && r.id !== r.name ? { id: r.id } : {}),
    ...(r.arn ? { arn: r.arn } : {}),
    lab: r.lab,
    why: describeSelection(r.why),
  };
}

export function buildReport(input: {
  target: TargetInfo;
  prefix: string;
  labs: readonly number[];
  keepDevice: boolean;
  plan: Plan;
  results?: readonly DeletionResult[];
  now: Date;
}): ResetReport {
  const results = [...(input.results ?? [])].sort((a, b) => comparePlanned(a.resource, b.resource));
  const { target } = input;
  return {
    schema: RESET_REPORT_SCHEMA,
    schemaVersion: RESET_REPORT_SCHEMA_VERSION,
    generatedAt: input.now.toISOString(),
    target: { kind: target.kind, accountId: target.accountId, region: target.region, ...(target.endpoint ? { endpoint: target.endpoint } : {}) },
    prefix: input.prefix,
    labs: [...input.labs],
    keepDevice: input.keepDevice,
    applied: input.results !== undefined,
    planned: input.plan.resources.map(entryOf),
    deleted: results.filter((r) => r.status === 'deleted').map((r) => ({ ...entryOf(r.resource), ...(r.detail ? { detail: r.detail } : {}) })),
    skipped: [
      ...input.plan.passedOver.map((p) => ({ ...entryOf(p.resource), reason: inEnglish(p.reason) })),
      ...results.filter((r) => r.status === 'skipped').map((r) => ({ ...entryOf(r.resource), reason: r.reason ?? 'skipped' })),
    ],
    failed: results.filter((r) => r.status === 'failed').map((r) => ({ ...entryOf(r.resource), error: r.error! })),
    discoveryFailures: input.plan.failures,
  };
}

export async function writeReport(file: string, report: ResetReport): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify(report, null, 2) + '\n', 'utf8');
}

/** `.lab/reset-2026-11-28T10-15-00Z.json`: sortable, and valid on every file system. */
export function defaultReportName(now: Date): string {
  return `reset-${now.toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-')}.json`;
}
