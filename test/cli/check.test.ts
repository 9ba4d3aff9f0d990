// `lab check`, `lab solve` and `lab hint` through the real binary against an in-process sandbox.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { startSandbox, type RunningSandbox } from '../../sandbox/index.js';
import { assertBuilt, lab, newHome } from './support.js';

let sandbox: RunningSandbox;
beforeAll(async () => {
  assertBuilt();
  sandbox = await startSandbox({ port: 0, inMemory: true });
});
afterAll(() => sandbox?.stop());

const envFor = (home: string) => ({ LAB_HOME: home, LAB_ENDPOINT: sandbox.endpoint });

describe('lab check', () => {
  it('shows target, account and region, each check, the hint, the score, and exits 1 when not passed', async () => {
    const run = await lab(['check', '0'], envFor(await newHome()));
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`Target: local (${sandbox.endpoint}) · account 000000000000 · region us-east-1`);
    expect(run.stdout).toContain('Thing exists [1/1] Thing fixture-dev1 exists');
    expect(run.stdout).toContain('Certificate is active [1/2]');
    expect(run.stdout).toContain('Certificate is INACTIVE — hint: Look at the certificate status.');
    expect(run.stdout).toContain('Skipped: needs "Certificate is active"');
    expect(run.stdout).toContain('Score 2/4 (50%, pass mark 100%): NOT PASSED');
    expect(run.stderr).toBe('');
  });

  it('fails before the solution is deployed and passes after, with exit codes 1 then 0', async () => {
    const home = await newHome();
    const before = await lab(['check', '1'], envFor(home));
    expect(before.code).toBe(1);
    expect(before.stdout).toContain('Run `lab solve 1` first.');

    const solved = await lab(['solve', '1'], envFor(home));
    expect(solved.code).toBe(0);
    expect(solved.stdout).toContain('account 000000000000');
    expect(solved.stdout).toContain('created   iotlab-fixture-stream');
    const marker = JSON.parse(await readFile(join(home, 'fixture-solution.json'), 'utf8'));
    expect(marker).toEqual({ prefix: 'iotlab', tags: { workshop: 'iot-pipeline-labs' }, account: '000000000000' });
    const again = await lab(['solve', '1'], envFor(home));
    expect(again.stdout).toContain('unchanged iotlab-fixture-stream');

    const after = await lab(['check', '1', '--json'], envFor(home));
    expect(after.code).toBe(0);
    const doc = JSON.parse(after.stdout);
    expect(doc).toMatchObject({ schemaVersion: 1, passed: true, score: 3, maxScore: 3, target: { kind: 'local', accountId: '000000000000', region: 'us-east-1' } });
    expect(doc.labs[0].checks.map((c: { id: string; status: string }) => `${c.id}=${c.status}`)).toEqual(['target.identity=pass', 'solution.deployed=pass', 'solution.tagged=pass']);
    expect(after.stderr).toContain('account 000000000000'); // the header moves to stderr when stdout is JSON

    const list = await lab(['list'], envFor(home));
    expect(list.stdout).toMatch(/1 +stream-to-dynamo +passed 3\/3 +\d{4}-\d\d-\d\d \d\d:\d\d UTC/);
  });

  it('reports a check that stays pending as a timed-out fail and writes JUnit, Gradescope and CSV files', async () => {
    const home = await newHome();
    const files = { junit: join(home, 'out', 'junit.xml'), gradescope: join(home, 'out', 'results.json'), csv: join(home, 'out', 'r.csv') };
    const run = await lab(['check', '3', '--wait', '0', '--junit', files.junit, '--gradescope', files.gradescope, '--csv', files.csv], envFor(home));
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Still not there after waiting 0s: no readings yet');
    expect(run.stderr).toContain('Some checks failed unexpectedly; run again with --debug for details.');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    const junit = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(await readFile(files.junit, 'utf8'));
    expect(junit.testsuites).toMatchObject({ tests: '2', failures: '1', errors: '1' });
    const gradescope = JSON.parse(await readFile(files.gradescope, 'utf8'));
    expect(gradescope.tests.map((t: { name: string }) => t.name)).toEqual(['Lab 3 · A check with a bug (api.broken)', 'Lab 3 · API returns readings (api.readings)']);
    expect((await readFile(files.csv, 'utf8')).split('\r\n')[0]).toMatch(/^target,account_id/);
  });

  it('shows the stack of an unexpected error only with --debug', async () => {
    const run = await lab(['check', '3', '--wait', '0', '--debug'], envFor(await newHome()));
    expect(run.stderr).toContain('[debug] api.broken: TypeError: fixture bug');
    expect(run.stderr).toMatch(/\n\s+at /);
  });

  it('checks every lab that has checks with `all`', async () => {
    const run = await lab(['check', 'all', '--wait', '0', '--json'], envFor(await newHome()));
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).labs.map((l: { number: number }) => l.number)).toEqual([0, 1, 3]);
  });

  it('exits 2 with advice, not a stack trace, when the sandbox is not running', async () => {
    const run = await lab(['check', '1'], { LAB_HOME: await newHome(), LAB_ENDPOINT: 'http://127.0.0.1:1' });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('The sandbox is not running at http://127.0.0.1:1.\nStart it in another terminal with `lab sandbox start`, then run this again.\n');
  });
});

describe('lab hint', () => {
  it('reveals one more tier each time and remembers it', async () => {
    const home = await newHome();
    await lab(['check', '0'], envFor(home));
    const first = await lab(['hint', '0'], envFor(home));
    expect(first.stdout).toContain('Certificate is active (device.certificate)');
    expect(first.stdout).toContain('Hint 1/3: Look at the certificate status.');
    expect(first.stdout).not.toContain('Hint 2/3');
    const second = await lab(['hint', '0', 'device.certificate'], envFor(home));
    expect(second.stdout).toContain('Hint 2/3: Activate it in the console.');
    const unknown = await lab(['hint', '0', 'device.nope'], envFor(home));
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('its checks are device.thing, device.certificate, device.policy');
  });
});
