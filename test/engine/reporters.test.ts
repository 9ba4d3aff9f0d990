import { PassThrough } from 'node:stream';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { fail, pass, pending } from '../../src/engine/result.js';
import type { Check } from '../../src/engine/types.js';
import { renderJson, REPORT_SCHEMA, REPORT_SCHEMA_VERSION } from '../../src/reporters/json.js';
import { renderJunit } from '../../src/reporters/junit.js';
import { renderGradescope } from '../../src/reporters/gradescope.js';
import { renderCsv } from '../../src/reporters/csv.js';
import { createReporters } from '../../src/reporters/index.js';
import { TerminalReporter } from '../../src/reporters/terminal.js';
import { labOf, runWithEvents, TARGET } from './support.js';

// One lab with every kind of outcome, and a message that needs escaping in XML and CSV.
const CHECKS: Check[] = [
  { id: 'stream.active', title: 'Stream is active', run: async () => pass('Stream iotlab-stream is ACTIVE', { evidence: { streamName: 'iotlab-stream', status: 'ACTIVE' } }) },
  {
    id: 'function.trigger',
    title: 'Function has a Kinesis trigger',
    points: 2,
    run: async () => fail('Trigger is <Disabled> & "stale"', { hint: 'Enable the event source mapping', evidence: { state: 'Disabled' }, score: 0.5 }),
  },
  { id: 'table.items', title: 'Table has fresh items', dependsOn: ['function.trigger'], run: async () => pass() },
  { id: 'metrics.incoming', title: 'IncomingRecords > 0', waitMs: 0, run: async () => pending('no datapoints yet') },
  { id: 'role.policy', title: 'Role may write the table', run: async () => { throw Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' }); } },
];

async function sampleReports() {
  const { report } = await runWithEvents(labOf(CHECKS, 0.8));
  return [report];
}

describe('json reporter', () => {
  it('writes the versioned schema with every check', async () => {
    const doc = JSON.parse(renderJson(await sampleReports(), TARGET));
    expect(doc.schema).toBe(REPORT_SCHEMA);
    expect(doc.schemaVersion).toBe(REPORT_SCHEMA_VERSION);
    expect(doc.target).toEqual({ kind: 'local', accountId: '000000000000', region: 'us-east-1', endpoint: 'http://127.0.0.1:4566' });
    expect(doc).toMatchObject({ passed: false, score: 2, maxScore: 6 });
    const [lab] = doc.labs;
    expect(lab).toMatchObject({ number: 1, slug: 'stream-to-dynamo', passed: false, score: 2, maxScore: 6, passThreshold: 0.8 });
    expect(lab.checks.map((c: { status: string }) => c.status)).toEqual(['pass', 'fail', 'skip', 'fail', 'error']);
    expect(lab.checks[1]).toEqual({
      id: 'function.trigger',
      title: 'Function has a Kinesis trigger',
      status: 'fail',
      points: 2,
      score: 1,
      message: 'Trigger is <Disabled> & "stale"',
      hint: 'Enable the event source mapping',
      evidence: { state: 'Disabled' },
      durationMs: 0,
      polls: 1,
    });
    expect(lab.checks[3].timedOut).toBe(true);
    expect(JSON.stringify(doc)).not.toContain('cause');
  });
});

describe('junit reporter', () => {
  it('parses back into one testcase per check with failures, errors and skips', async () => {
    const xml = renderJunit(await sampleReports(), TARGET);
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['testsuite', 'testcase', 'property'].includes(name) }).parse(xml);
    const suites = parsed.testsuites;
    expect(suites).toMatchObject({ name: 'iot-pipeline-labs', tests: '5', failures: '2', errors: '1', skipped: '1' });
    const [suite] = suites.testsuite;
    expect(suite.name).toBe('Lab 1 (stream-to-dynamo): Fixture lab');
    const props = Object.fromEntries(suite.properties.property.map((p: { name: string; value: string }) => [p.name, p.value]));
    expect(props).toMatchObject({ target: 'local', accountId: '000000000000', region: 'us-east-1', score: '2/6', passed: 'false' });
    const cases = suite.testcase;
    expect(cases.map((c: { name: string }) => c.name)).toEqual([
      'stream.active: Stream is active',
      'function.trigger: Function has a Kinesis trigger',
      'table.items: Table has fresh items',
      'metrics.incoming: IncomingRecords > 0',
      'role.policy: Role may write the table',
    ]);
    expect(cases[0].classname).toBe('lab1.stream-to-dynamo');
    expect(cases[0]['system-out']).toContain('"streamName": "iotlab-stream"');
    expect(cases[1].failure.message).toBe('Trigger is <Disabled> & "stale"');
    expect(cases[1].failure.type).toBe('fail');
    expect(cases[1].failure['#text']).toContain('hint: Enable the event source mapping');
    expect(cases[1].failure['#text']).toContain('"state": "Disabled"');
    expect(cases[2].skipped.message).toContain('function.trigger');
    expect(cases[3].failure.type).toBe('timeout');
    expect(cases[4].error.message).toBe('AWS is throttling requests (ThrottlingException).');
  });
});

describe('gradescope reporter', () => {
  it('writes results.json field by field', async () => {
    const results = JSON.parse(renderGradescope(await sampleReports(), TARGET));
    expect(results.score).toBe(2);
    expect(results.visibility).toBe('visible');
    expect(results.output).toContain('account 000000000000');
    expect(results.output).toContain('Lab 1 (stream-to-dynamo): 2/6, not passed');
    expect(results.tests).toHaveLength(5);
    const [first, second, third] = results.tests;
    expect(first.name).toBe('Lab 1 · Stream is active (stream.active)');
    expect(first.number).toBe('1.1');
    expect(first.score).toBe(1);
    expect(first.max_score).toBe(1);
    expect(first.status).toBe('passed');
    expect(first.visibility).toBe('visible');
    expect(first.output).toBe('PASS: Stream iotlab-stream is ACTIVE\nEvidence: {"streamName":"iotlab-stream","status":"ACTIVE"}');
    expect(second.score).toBe(1);
    expect(second.max_score).toBe(2);
    expect(second.status).toBe('failed');
    expect(second.output).toBe('FAIL: Trigger is <Disabled> & "stale"\nHint: Enable the event source mapping\nEvidence: {"state":"Disabled"}');
    expect(third.status).toBe('failed');
    expect(third.output).toMatch(/^SKIP: Skipped: needs/);
    for (const test of results.tests) expect(Object.keys(test).sort()).toEqual(['max_score', 'name', 'number', 'output', 'score', 'status', 'visibility']);
  });
});

describe('csv reporter', () => {
  it('writes a header and one quoted row per check', async () => {
    const lines = renderCsv(await sampleReports(), TARGET).trimEnd().split('\r\n');
    expect(lines[0]).toBe('target,account_id,region,lab,slug,check_id,title,status,score,max_score,message');
    expect(lines).toHaveLength(6);
    expect(lines[2]).toBe('local,000000000000,us-east-1,1,stream-to-dynamo,function.trigger,Function has a Kinesis trigger,fail,1,2,"Trigger is <Disabled> & ""stale"""');
  });
});

describe('terminal reporter', () => {
  it('shows each check with points, the hint on failure, and the score against the pass mark', async () => {
    const out = new PassThrough();
    let text = '';
    out.on('data', (chunk) => (text += chunk));
    const reporter = new TerminalReporter(out as unknown as NodeJS.WriteStream);
    await runWithEvents(labOf(CHECKS, 0.8), {}, (e) => reporter.onEvent(e));
    await reporter.flush();
    expect(text).toContain('Lab 1 · Fixture lab');
    expect(text).toContain('Stream is active [1/1] Stream iotlab-stream is ACTIVE');
    expect(text).toContain('Function has a Kinesis trigger [1/2]');
    expect(text).toContain('Trigger is <Disabled> & "stale" — hint: Enable the event source mapping');
    expect(text).toContain('Table has fresh items [0/1]');
    expect(text).toContain('error: AWS is throttling requests');
    expect(text).toContain('Score 2/6 (33%, pass mark 80%): NOT PASSED');
  });
});

describe('reporter map', () => {
  it('builds file reporters by name and writes them at the end', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lab-reporters-'));
    const files = { json: join(dir, 'r.json'), junit: join(dir, 'r.xml'), gradescope: join(dir, 'results.json'), csv: join(dir, 'r.csv') };
    const set = await createReporters({ terminal: false, documents: files }, TARGET);
    expect(set.all).toHaveLength(4);
    await runWithEvents(labOf(CHECKS), {}, ...set.all.map((r) => (e: Parameters<typeof r.onEvent>[0]) => r.onEvent(e)));
    for (const d of set.documents) await d.write();
    expect(JSON.parse(await readFile(files.json, 'utf8')).labs).toHaveLength(1);
    expect(await readFile(files.junit, 'utf8')).toContain('<testsuites');
    expect(JSON.parse(await readFile(files.gradescope, 'utf8')).tests).toHaveLength(5);
    expect((await readFile(files.csv, 'utf8')).split('\r\n')).toHaveLength(7);
  });
});
