// The JSON report: a versioned document (see docs/report-schema.md). Bump REPORT_SCHEMA_VERSION on any breaking change.

import type { LabReport } from '../engine/report.js';
import type { TargetInfo } from '../target/target.js';

export const REPORT_SCHEMA = 'iot-pipeline-labs/check-report';
export const REPORT_SCHEMA_VERSION = 1;

export function renderJson(reports: LabReport[], target: TargetInfo): string {
  const score = reports.reduce((sum, r) => sum + r.score, 0);
  const maxScore = reports.reduce((sum, r) => sum + r.maxScore, 0);
  const document = {
    schema: REPORT_SCHEMA,
    schemaVersion: REPORT_SCHEMA_VERSION,
    generatedAt: new Date().toISOString(),
    target: {
      kind: target.kind,
      accountId: target.accountId,
      region: target.region,
      ...(target.endpoint ? { endpoint: target.endpoint } : {}),
    },
    passed: reports.length > 0 && reports.every((r) => r.passed),
    score: Math.round(score * 100) / 100,
    maxScore: Math.round(maxScore * 100) / 100,
    labs: reports.map((r) => ({
      number: r.lab.number,
      slug: r.lab.slug,
      title: r.lab.title,
      passed: r.passed,
      score: r.score,
      maxScore: r.maxScore,
      passThreshold: r.passThreshold,
      startedAt: r.startedAt,
      finishedAt: r.finishedAt,
      checks: r.checks.map((c) => ({
        id: c.id,
        title: c.title,
        status: c.status,
        points: c.points,
        score: c.score,
        message: c.message,
        ...(c.hint ? { hint: c.hint } : {}),
        ...(c.evidence ? { evidence: c.evidence } : {}),
        durationMs: c.durationMs,
        polls: c.polls,
        ...(c.timedOut ? { timedOut: true } : {}),
      })),
    })),
  };
  return JSON.stringify(document, null, 2) + '\n';
}
