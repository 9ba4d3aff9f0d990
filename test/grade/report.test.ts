// The class outputs from made-up results: where the class is stuck (half the graded students or more),
// pending shown apart from fail, an unreachable student kept out of the counts, and student text
// escaped in HTML, XML and CSV.

import { describe, expect, it } from 'vitest';
import type { LabReport } from '../../src/engine/report.js';
import type { RunnableLab } from '../../src/engine/types.js';
import { renderHtml } from '../../src/grade/html.js';
import { renderClassCsv, renderClassJunit, renderStudentJson } from '../../src/grade/outputs.js';
import type { StudentResult } from '../../src/grade/run.js';
import { summarize } from '../../src/grade/summary.js';

const LAB: RunnableLab = {
  number: 1,
  slug: 'stream-to-dynamo',
  title: 'Stream',
  passThreshold: 0.8,
  checks: [
    { id: 'stream.active', title: 'Stream is active', points: 2, hints: ['Create the stream.'], run: async () => ({ status: 'pass', message: '' }) },
    { id: 'stream.metrics', title: 'Metrics', points: 1, run: async () => ({ status: 'pass', message: '' }) },
  ],
};
const target = { kind: 'local' as const, accountId: '111111111111', region: 'us-east-1' };

function student(id: string, name: string, statuses: [string, string] | undefined): StudentResult {
  const base = { student: { id, name, line: 2 }, prefix: 'iotlab', durationMs: 10 };
  if (!statuses) return { ...base, reports: [], error: { message: 'Could not reach the account: <nope>' } };
  const checks = LAB.checks.map((c, i) => {
    const status = statuses[i]!;
    const pass = status === 'pass';
    return { id: c.id, title: c.title, status: (status === 'pending' ? 'fail' : status) as 'pass', points: c.points ?? 1, score: pass ? (c.points ?? 1) : 0, message: `${id} saw <b>${status}</b>`, ...(pass ? {} : { hint: 'Create the stream: aws kinesis create-stream' }), durationMs: 1, polls: 1, ...(status === 'pending' ? { timedOut: true } : {}) };
  });
  const score = checks.reduce((s, c) => s + c.score, 0);
  const report: LabReport = { lab: { number: 1, slug: LAB.slug, title: LAB.title }, target, startedAt: '2026-01-01T00:00:00Z', finishedAt: '2026-01-01T00:00:01Z', score, maxScore: 3, passThreshold: 0.8, passed: score >= 2.4, checks };
  return { ...base, target, reports: [report] };
}

const results = [
  student('a', 'Ann <script>alert(1)</script>', ['fail', 'pending']),
  student('b', '=HYPERLINK("x")', ['pass', 'pending']),
  student('c', 'Cid & Co', ['fail', 'pass']),
  student('d', 'Dee', undefined),
];

describe('class outputs', () => {
  const summary = summarize([LAB], results);

  it('finds where the class is stuck among the students graded', () => {
    expect(summary.graded).toBe(3);
    expect(summary.unreachable).toBe(1);
    expect(summary.stuck.map((s) => [s.column.id, s.failing, s.graded, s.hint])).toEqual([
      ['stream.active', 2, 3, 'Create the stream: aws kinesis create-stream'],
      ['stream.metrics', 2, 3, 'Create the stream: aws kinesis create-stream'],
    ]);
    expect(summary.rows[0]!.cells.get('1:stream.metrics')!.status).toBe('pending');
  });

  it('escapes what students wrote, in every format', () => {
    const html = renderHtml(summary, { generatedAt: new Date(0), title: 'Class <1>' });
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('Ann &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<title>Class &lt;1&gt;</title>');
    expect(html).toContain('Could not reach the account: &lt;nope&gt;');
    expect(html).not.toMatch(/<(link|img|script)[^>]+(src|href)=/);
    expect(renderClassJunit(summary)).toContain('name="a (Ann &lt;script&gt;alert(1)&lt;/script&gt;) · Lab 1 (stream-to-dynamo)"');
    const csv = renderClassCsv(summary).split('\r\n');
    expect(csv[0]).toBe('id,name,prefix,account_id,region,status,lab_1_score,lab_1_max,lab_1_passed,total_score,total_max,error');
    expect(csv[2]).toBe(`b,"'=HYPERLINK(""x"")",iotlab,111111111111,us-east-1,graded,2,3,false,2,3,`);
    expect(csv[4]).toBe('d,Dee,iotlab,,,error,,3,,,3,Could not reach the account: <nope>');
    expect(JSON.parse(renderStudentJson(results[3]!))).toMatchObject({ student: { id: 'd' }, error: { message: 'Could not reach the account: <nope>' }, labs: [] });
    expect(JSON.parse(renderStudentJson(results[0]!))).toMatchObject({ schema: 'iot-pipeline-labs/check-report', student: { id: 'a' }, target: { accountId: '111111111111' } });
  });
});
