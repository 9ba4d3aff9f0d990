// What `lab grade` writes: grades.csv (student × lab scores), students/<id>.json (each student's check
// report, the same schema as `lab check --json`, with the student), grades.junit.xml (a testsuite per
// student and lab) and report.html.

import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { renderJson, REPORT_SCHEMA, REPORT_SCHEMA_VERSION } from '../reporters/json.js';
import { attr, junitSuite, seconds, text } from '../reporters/junit.js';
import { csvLine } from './csv.js';
import { renderHtml } from './html.js';
import type { StudentResult } from './run.js';
import type { ClassSummary } from './summary.js';

export const OUTPUT_FILES = { csv: 'grades.csv', junit: 'grades.junit.xml', html: 'report.html', students: 'students' } as const;

export function renderClassCsv(summary: ClassSummary): string {
  const header = ['id', 'name', 'prefix', 'account_id', 'region', 'status', ...summary.labs.flatMap((l) => [`lab_${l.number}_score`, `lab_${l.number}_max`, `lab_${l.number}_passed`]), 'total_score', 'total_max', 'error'];
  type Value = string | number | boolean;
  const rows = summary.rows.map(({ result, score, maxScore }): Value[] => {
    const byLab = new Map(result.reports.map((r) => [r.lab.number, r]));
    return [
      result.student.id,
      result.student.name,
      result.prefix ?? '',
      result.target?.accountId ?? '',
      result.target?.region ?? '',
      result.error ? 'error' : 'graded',
      ...summary.labs.flatMap((l): Value[] => {
        const r = byLab.get(l.number);
        return r ? [r.score, r.maxScore, r.passed] : ['', l.maxScore, ''];
      }),
      result.error ? '' : score,
      summary.labs.reduce((s, l) => s + l.maxScore, 0),
      result.error?.message ?? '',
    ];
  });
  return [header, ...rows].map((row) => csvLine(row)).join('\r\n') + '\r\n';
}

export function renderStudentJson(result: StudentResult): string {
  const student = { id: result.student.id, name: result.student.name, prefix: result.prefix };
  if (!result.target || result.error) {
    const document = { schema: REPORT_SCHEMA, schemaVersion: REPORT_SCHEMA_VERSION, generatedAt: new Date().toISOString(), student, error: result.error, passed: false, labs: [] };
    return JSON.stringify(document, null, 2) + '\n';
  }
  const document = JSON.parse(renderJson(result.reports, result.target)) as Record<string, unknown>;
  return JSON.stringify({ student, ...document }, null, 2) + '\n';
}

export function renderClassJunit(summary: ClassSummary): string {
  const all = summary.rows.flatMap((r) => r.result.reports.flatMap((rep) => rep.checks));
  const errors = all.filter((c) => c.status === 'error').length + summary.unreachable;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="iot-pipeline-labs class" tests="${all.length + summary.unreachable}" failures="${all.filter((c) => c.status === 'fail').length}" errors="${errors}" skipped="${all.filter((c) => c.status === 'skip').length}">`,
  ];
  for (const { result } of summary.rows) {
    const who = `${result.student.id} (${result.student.name})`;
    if (result.error || !result.target) {
      lines.push(
        `  <testsuite name="${attr(`${who}: account`)}" tests="1" failures="0" errors="1" skipped="0" time="${seconds(result.durationMs)}">`,
        `    <testcase classname="${attr(`student.${result.student.id}`)}" name="reach the account" time="${seconds(result.durationMs)}">`,
        `      <error message="${attr(result.error?.message ?? 'not graded')}" type="unreachable">${text([result.error?.message, result.error?.hint].filter(Boolean).join('\n'))}</error>`,
        '    </testcase>',
        '  </testsuite>',
      );
      continue;
    }
    for (const report of result.reports) lines.push(...junitSuite(report, result.target, `${who} · Lab ${report.lab.number} (${report.lab.slug})`));
  }
  lines.push('</testsuites>', '');
  return lines.join('\n');
}

export async function writeClassOutputs(dir: string, summary: ClassSummary, meta: { generatedAt: Date; title: string }): Promise<string[]> {
  await mkdir(join(dir, OUTPUT_FILES.students), { recursive: true });
  const files = [join(dir, OUTPUT_FILES.csv), join(dir, OUTPUT_FILES.junit), join(dir, OUTPUT_FILES.html)];
  await writeFile(files[0]!, renderClassCsv(summary), 'utf8');
  await writeFile(files[1]!, renderClassJunit(summary), 'utf8');
  await writeFile(files[2]!, renderHtml(summary, meta), 'utf8');
  for (const { result } of summary.rows) await writeFile(join(dir, OUTPUT_FILES.students, `${result.student.id}.json`), renderStudentJson(result), 'utf8');
  return [...files, join(dir, OUTPUT_FILES.students, '<id>.json')];
}
