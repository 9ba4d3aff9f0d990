// JUnit XML: one testsuite per lab, one testcase per check, so CI systems show checks like tests.

import type { CheckReport, LabReport } from '../engine/report.js';
import type { TargetInfo } from '../target/target.js';

export function renderJunit(reports: LabReport[], target: TargetInfo): string {
  const count = (status: string) => reports.reduce((n, r) => n + r.checks.filter((c) => c.status === status).length, 0);
  const tests = reports.reduce((n, r) => n + r.checks.length, 0);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="iot-pipeline-labs" tests="${tests}" failures="${count('fail')}" errors="${count('error')}" skipped="${count('skip')}" time="${seconds(reports.reduce((t, r) => t + elapsed(r), 0))}">`,
  ];
  for (const report of reports) lines.push(...junitSuite(report, target));
  lines.push('</testsuites>', '');
  return lines.join('\n');
}

/** One lab's testsuite; `name` replaces the default `Lab N (slug): title` (a class report puts the student first). */
export function junitSuite(report: LabReport, target: TargetInfo, name?: string): string[] {
  const { lab, checks } = report;
  const count = (status: string) => checks.filter((c) => c.status === status).length;
  const properties: Record<string, string> = {
    target: target.kind,
    accountId: target.accountId,
    region: target.region,
    score: `${report.score}/${report.maxScore}`,
    passThreshold: String(report.passThreshold),
    passed: String(report.passed),
  };
  return [
    `  <testsuite name="${attr(name ?? `Lab ${lab.number} (${lab.slug}): ${lab.title}`)}" tests="${checks.length}" failures="${count('fail')}" errors="${count('error')}" skipped="${count('skip')}" time="${seconds(elapsed(report))}" timestamp="${attr(report.startedAt)}">`,
    '    <properties>',
    ...Object.entries(properties).map(([name, value]) => `      <property name="${attr(name)}" value="${attr(value)}"/>`),
    '    </properties>',
    ...checks.flatMap((c) => testcase(report, c)),
    '  </testsuite>',
  ];
}

function testcase(report: LabReport, check: CheckReport): string[] {
  const open = `    <testcase classname="${attr(`lab${report.lab.number}.${report.lab.slug}`)}" name="${attr(`${check.id}: ${check.title}`)}" time="${seconds(check.durationMs)}">`;
  const details = text(detailsOf(check));
  switch (check.status) {
    case 'pass':
      return [open, ...(check.evidence ? [`      <system-out>${details}</system-out>`] : []), '    </testcase>'];
    case 'skip':
      return [open, `      <skipped message="${attr(check.message)}"/>`, '    </testcase>'];
    case 'fail':
      return [open, `      <failure message="${attr(check.message)}" type="${check.timedOut ? 'timeout' : 'fail'}">${details}</failure>`, '    </testcase>'];
    case 'error':
      return [open, `      <error message="${attr(check.message)}" type="error">${details}</error>`, '    </testcase>'];
  }
}

function detailsOf(check: CheckReport): string {
  return [
    check.message,
    `score: ${check.score}/${check.points}`,
    ...(check.hint ? [`hint: ${check.hint}`] : []),
    ...(check.evidence ? [`evidence: ${JSON.stringify(check.evidence, null, 2)}`] : []),
  ].join('\n');
}

function elapsed(report: LabReport): number {
  return Date.parse(report.finishedAt) - Date.parse(report.startedAt);
}

export function seconds(ms: number): string {
  return (Math.max(0, ms) / 1000).toFixed(3);
}

// XML 1.0 forbids most control characters even when escaped; drop them.
function clean(value: string): string {
  return value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
}

export function text(value: string): string {
  return clean(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function attr(value: string): string {
  return text(value).replace(/"/g, '&quot;').replace(/\n/g, '&#10;');
}
