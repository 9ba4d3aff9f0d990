import { describe, expect, it } from 'vitest';
import { fail, pass, pending } from '../../src/engine/result.js';
import type { Check } from '../../src/engine/types.js';
import { FakeClock, labOf, runWithEvents } from './support.js';

const passing = (id: string, extra: Partial<Check> = {}): Check => ({ id, title: `Check ${id}`, run: async () => pass(`${id} ok`), ...extra });

describe('dependencies', () => {
  it('skips the dependents of a failed check, with the reason, without running them', async () => {
    let dependentRan = false;
    const lab = labOf([
      { id: 'stream.exists', title: 'Stream exists', run: async () => fail('No stream iotlab-stream', { hint: 'Create it' }) },
      { id: 'stream.active', title: 'Stream is active', dependsOn: ['stream.exists'], run: async () => ((dependentRan = true), pass()) },
      { id: 'stream.metrics', title: 'Stream has traffic', dependsOn: ['stream.active'], run: async () => pass() },
      passing('table.exists'),
    ]);
    const { report } = await runWithEvents(lab);
    const [exists, active, metrics, table] = report.checks;
    expect(exists.status).toBe('fail');
    expect(active).toMatchObject({ status: 'skip', score: 0, polls: 0 });
    expect(active.message).toContain('"Stream exists" (stream.exists), which did not pass');
    expect(metrics.status).toBe('skip');
    expect(metrics.message).toContain('(stream.active), which was skipped');
    expect(table.status).toBe('pass');
    expect(dependentRan).toBe(false);
  });

  it('runs a dependent only after its dependency has finished', async () => {
    const order: string[] = [];
    const lab = labOf([
      { id: 'b', title: 'B', dependsOn: ['a'], run: async () => (order.push('b'), pass()) },
      { id: 'a', title: 'A', run: async () => (await new Promise((r) => setTimeout(r, 20)), order.push('a'), pass()) },
    ]);
    const { report } = await runWithEvents(lab);
    expect(order).toEqual(['a', 'b']);
    expect(report.checks.map((c) => c.id)).toEqual(['b', 'a']); // reports keep the lab's order
  });

  it('refuses a lab whose checks form a cycle or name an unknown dependency', async () => {
    await expect(runWithEvents(labOf([passing('a', { dependsOn: ['b'] }), passing('b', { dependsOn: ['a'] })]))).rejects.toThrow(/cycle: a → b → a/);
    await expect(runWithEvents(labOf([passing('a', { dependsOn: ['ghost'] })]))).rejects.toThrow(/unknown check "ghost"/);
    await expect(runWithEvents(labOf([passing('a'), passing('a')]))).rejects.toThrow(/used twice/);
    await expect(runWithEvents(labOf([passing('Stream Active')]))).rejects.toThrow(/like stream.active/);
  });
});

describe('pending', () => {
  it('polls again with backoff and passes when the data arrives', async () => {
    let calls = 0;
    const check: Check = {
      id: 'stream.metrics',
      title: 'Metrics show records',
      run: async () => (++calls < 3 ? pending('IncomingRecords is still 0', { evidence: { incomingRecords: 0 } }) : pass('IncomingRecords = 12')),
    };
    const started = Date.now();
    const { report, events, clock } = await runWithEvents(labOf([check]));
    expect(report.checks[0]).toMatchObject({ status: 'pass', polls: 3, score: 1, message: 'IncomingRecords = 12' });
    expect(clock.sleeps).toEqual([2000, 3000]);
    expect(report.checks[0].durationMs).toBe(5000);
    const pendings = events.filter((e) => e.type === 'check-pending');
    expect(pendings).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(1000); // the fake clock never really sleeps
  });

  it('becomes a fail with an explanation when the wait runs out', async () => {
    const clock = new FakeClock();
    let calls = 0;
    const check: Check = { id: 'firehose.objects', title: 'Objects in S3', waitMs: 10_000, run: async () => (calls++, pending('no objects under 2026/', { evidence: { keys: 0 } })) };
    const { report, events } = await runWithEvents(labOf([check]), { clock });
    const result = report.checks[0];
    expect(result).toMatchObject({ status: 'fail', timedOut: true, score: 0, evidence: { keys: 0 } });
    expect(result.message).toBe('Still not there after waiting 10s: no objects under 2026/');
    expect(result.hint).toMatch(/--wait/);
    // 0, 2 s, 5 s, 9.5 s, then the last look exactly at the deadline.
    expect(clock.sleeps).toEqual([2000, 3000, 4500, 500]);
    expect(calls).toBe(5);
    const last = events.filter((e) => e.type === 'check-pending').at(-1);
    expect(last && last.type === 'check-pending' && last.nextPollAt).toBe(last && last.type === 'check-pending' && last.deadline);
  });

  it('lets --wait override the check, down to a single look', async () => {
    const check: Check = { id: 'x', title: 'X', waitMs: 600_000, run: async () => pending('not yet') };
    const { report, clock } = await runWithEvents(labOf([check]), { waitMs: 0 });
    expect(report.checks[0]).toMatchObject({ status: 'fail', polls: 1, timedOut: true });
    expect(clock.sleeps).toEqual([]);
  });

  it('stops waiting when the run is cancelled (Ctrl-C) and says so', async () => {
    const controller = new AbortController();
    let calls = 0;
    const check: Check = { id: 'x', title: 'X', run: async () => (++calls === 2 && controller.abort(), pending('not yet')) };
    const { report } = await runWithEvents(labOf([check]), { signal: controller.signal });
    expect(report.checks[0]).toMatchObject({ status: 'fail', polls: 2, timedOut: true, message: 'Interrupted while waiting: not yet' });
  });

  it('defaults to three minutes and never sleeps beyond the deadline', async () => {
    const { report, clock } = await runWithEvents(labOf([{ id: 'x', title: 'X', run: async () => pending('not yet') }]));
    expect(report.checks[0].durationMs).toBe(180_000);
    expect(Math.max(...clock.sleeps)).toBeLessThanOrEqual(20_000);
  });
});

describe('scoring', () => {
  it('adds fractional scores in points and compares them with the pass threshold', async () => {
    const checks: Check[] = [
      { id: 'a', title: 'A', points: 2, run: async () => pass('ok') },
      { id: 'b', title: 'B', points: 2, run: async () => fail('half there', { score: 0.5 }) },
      { id: 'c', title: 'C', points: 1, run: async () => pass('mostly', { score: 0.25 }) },
      { id: 'd', title: 'D', points: 1, run: async () => fail('no', { score: 7 }) }, // clamped to the check's points
    ];
    const strict = await runWithEvents(labOf(checks, 0.9));
    expect(strict.report.checks.map((c) => c.score)).toEqual([2, 1, 0.25, 1]);
    expect(strict.report).toMatchObject({ score: 4.25, maxScore: 6, passed: false, passThreshold: 0.9 });
    const lenient = await runWithEvents(labOf(checks, 0.7));
    expect(lenient.report.passed).toBe(true); // 4.25 / 6 = 0.708
  });

  it('passes exactly at the threshold and never with no points at all', async () => {
    const half = await runWithEvents(labOf([passing('a'), { id: 'b', title: 'B', run: async () => fail('no') }], 0.5));
    expect(half.report).toMatchObject({ score: 1, maxScore: 2, passed: true });
    const empty = await runWithEvents(labOf([], 0));
    expect(empty.report.passed).toBe(false);
  });
});

describe('concurrency', () => {
  it('runs independent checks at the same time', async () => {
    let arrived = 0;
    let release!: () => void;
    const together = new Promise<void>((r) => (release = r));
    // Each check waits for the other to have started: only overlapping runs can both pass.
    const meet = async () => {
      if (++arrived === 2) release();
      const alone = new Promise<'alone'>((r) => setTimeout(() => r('alone'), 2000));
      return (await Promise.race([together.then(() => 'together' as const), alone])) === 'together' ? pass('met') : fail('ran alone');
    };
    const { report } = await runWithEvents(labOf([{ id: 'a', title: 'A', run: meet }, { id: 'b', title: 'B', run: meet }]));
    expect(report.checks.map((c) => c.status)).toEqual(['pass', 'pass']);
  });

  it('never runs more checks at once than the concurrency limit', async () => {
    let inFlight = 0;
    let most = 0;
    const busy = async () => {
      most = Math.max(most, ++inFlight);
      await new Promise((r) => setTimeout(r, 5));
      inFlight--;
      return pass();
    };
    const checks = Array.from({ length: 8 }, (_, i) => ({ id: `c${i}`, title: `C${i}`, run: busy }));
    await runWithEvents(labOf(checks), { concurrency: 3 });
    expect(most).toBe(3);
  });
});

describe('errors inside checks', () => {
  it('turns a thrown AWS error into plain advice, keeps the cause, and runs the rest', async () => {
    const denied = Object.assign(new Error('User: arn:aws:iam::123456789012:user/student is not authorized to perform: kinesis:DescribeStream on resource: arn:aws:kinesis:us-east-1:123456789012:stream/iotlab'), { name: 'AccessDeniedException' });
    const lab = labOf([{ id: 'a', title: 'A', run: async () => { throw denied; } }, passing('b')]);
    const { report } = await runWithEvents(lab);
    expect(report.checks[0]).toMatchObject({ status: 'error', score: 0, cause: denied });
    expect(report.checks[0].message).toBe('Access denied: you may not kinesis:DescribeStream on arn:aws:kinesis:us-east-1:123456789012:stream/iotlab.');
    expect(report.checks[1].status).toBe('pass');
  });

  it('reports a check that returns something other than a result as an error', async () => {
    const { report } = await runWithEvents(labOf([{ id: 'a', title: 'A', run: async () => ({ status: 'ok' }) as never }]));
    expect(report.checks[0].status).toBe('error');
    expect(report.checks[0].message).toContain('instead of a result');
  });
});

describe('events', () => {
  it('emits run-start, check-start and check-result per check, then run-end', async () => {
    const { events } = await runWithEvents(labOf([passing('a'), passing('b', { dependsOn: ['a'] })]));
    expect(events.map((e) => e.type)).toEqual(['run-start', 'check-start', 'check-result', 'check-start', 'check-result', 'run-end']);
  });
});
