// Gradescope autograder `results.json`: one test per check, scored in points.

import type { CheckReport, LabReport } from '../engine/report.js';
import type { TargetInfo } from '../target/target.js';
import { headerLine } from '../target/target.js';

export function renderGradescope(reports: LabReport[], target: TargetInfo): string {
  const score = reports.reduce((sum, r) => sum + r.score, 0);
  const results = {
    score: Math.round(score * 100) / 100,
    output: [headerLine(target), ...reports.map((r) => `Lab ${r.lab.number} (${r.lab.slug}): ${r.score}/${r.maxScore}, ${r.passed ? 'passed' : 'not passed'}`)].join('\n'),
    visibility: 'visible',
    stdout_visibility: 'hidden',
    tests: reports.flatMap((r) =>
      r.checks.map((c, i) => ({
        name: `Lab ${r.lab.number} · ${c.title} (${c.id})`,
        number: `${r.lab.number}.${i + 1}`,
        score: c.score,
        max_score: c.points,
        status: c.status === 'pass' ? 'passed' : 'failed',
        output: outputOf(c),
        visibility: 'visible',
      })),
    ),
  };
  return JSON.stringify(results, null, 2) + '\n';
}

function outputOf(check: CheckReport): string {
  return [
    `${check.status.toUpperCase()}: ${check.message}`,
    ...(check.hint ? [`Hint: ${check.hint}`] : []),
    ...(check.evidence ? [`Evidence: ${JSON.stringify(check.evidence)}`] : []),
  ].join('\n');
}
