// The binary's answers that need no AWS: help, listing, usage mistakes (exit 2, one line, no stack).

import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, lab, newHome } from './support.js';

beforeAll(assertBuilt);

function expectOneLineUsageError(run: { code: number; stdout: string; stderr: string }, text: string | RegExp) {
  expect(run.code).toBe(2);
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
  expect(run.stderr).toMatch(text);
  expect(run.stderr).not.toMatch(/\n\s+at /);
}

describe('lab --help', () => {
  it('lists the commands and exits 0', async () => {
    const run = await lab(['--help']);
    expect(run.code).toBe(0);
    for (const command of ['list', 'open', 'check', 'hint', 'config', 'solve']) expect(run.stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
    expect(run.stdout).toContain('--target <kind>');
  });

  it('prints the help when started without a terminal and without a command', async () => {
    const run = await lab([], { LAB_HOME: await newHome() });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: lab');
  });
});

describe('an AWS profile that does not exist', () => {
  it('is named, with the profiles there are, not reported as missing credentials', async () => {
    const home = await newHome();
    await mkdir(join(home, '.aws'), { recursive: true });
    await writeFile(join(home, '.aws', 'config'), '[default]\nregion = us-east-1\n[profile alice]\nregion = eu-west-1\n');
    await writeFile(join(home, '.aws', 'credentials'), '[bob]\naws_access_key_id = AKIAEXAMPLE\naws_secret_access_key = x\n');
    const run = await lab(['check', '0', '--target', 'aws', '--profile', 'ghost', '--region', 'us-east-1'], { LAB_HOME: home, HOME: home });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('There is no AWS profile named "ghost".\nProfiles in your AWS config: default, alice, bob. Or create it with `aws configure --profile ghost`.\n');
  });
});

describe('bad arguments exit 2 with a one-line reason', () => {
  it.each([
    [['bogus'], /unknown command 'bogus'/],
    [['check'], /missing required argument 'lab'/],
    [['check', '1', '--frobnicate'], /unknown option '--frobnicate'/],
    [['check', '9'], 'Unknown lab "9": labs are numbered 0 to 4 (see `lab list`).'],
    [['open', 'x'], 'Unknown lab "x"'],
    [['hint', '-1'], 'Unknown lab "-1"'],
    [['check', '1', '--wait', 'soon'], '--wait takes a number of seconds, not "soon".'],
    [['check', '1', '--concurrency', '0'], '--concurrency takes a whole number of at least 1'],
    [['device', '--count', '99999999999999999999'], '--count takes a whole number up to 9007199254740991, not "99999999999999999999".'],
    [['check', '1', '--wait', '9999999999'], '--wait takes at most 2147483 seconds (about 24 days)'],
    [['--region', 'x y', 'check', '1'], '--region: "x y" is not a region name (like eu-west-1).'],
    [['config', 'set', 'region', 'x y'], 'lab config set region: "x y" is not a region name (like eu-west-1).'],
    [['--target', 'mars', 'list'], 'Unknown target "mars": use aws or local.'],
    [['--target', 'aws', '--endpoint', 'http://127.0.0.1:4566', 'check', '1'], '--endpoint applies to --target local only.'],
    [['config', 'set', 'colour', 'blue'], 'Unknown config key "colour"'],
    [['config', 'set', 'target', 'gcp'], 'Unknown target "gcp"'],
  ])('lab %j', async (args, reason) => {
    expectOneLineUsageError(await lab(args, { LAB_HOME: await newHome() }), typeof reason === 'string' ? new RegExp(escape(reason)) : reason);
  });
});

describe('a damaged progress.json', () => {
  it.each([['null', 'null'], ['a list', '[1, 2]'], ['not JSON', '{"targets": '], ['a wrong shape', '{"targets": {"local:1": 7}}']])(
    'holding %s is kept aside with a warning, and lab starts fresh',
    async (_what, content) => {
      const home = await newHome();
      await writeFile(join(home, 'progress.json'), content);
      const run = await lab(['list'], { LAB_HOME: home, LAB_ENDPOINT: 'http://127.0.0.1:1' });
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain('firehose-to-s3');
      expect(run.stderr).toMatch(/^Warning: .*progress\.json is damaged \(.*\); a copy is kept as .*progress\.json\.damaged-\S+ and progress starts fresh\./);
      const copies = (await readdir(home)).filter((f) => f.startsWith('progress.json.damaged-'));
      expect(copies).toHaveLength(1);
      expect(await readFile(join(home, copies[0]!), 'utf8')).toBe(content);
    },
  );
});

describe('labs that are not there yet', () => {
  it('says a lab has no checks yet, without contacting AWS', async () => {
    const run = await lab(['check', '2'], { LAB_HOME: await newHome(), LAB_ENDPOINT: 'http://127.0.0.1:1' });
    expectOneLineUsageError(run, 'Lab 2 (firehose-to-s3) has no checks yet.');
  });

  it('says a lab has no reference solution yet', async () => {
    expectOneLineUsageError(await lab(['solve', '2'], { LAB_HOME: await newHome() }), 'Lab 2 (firehose-to-s3) has no reference solution yet.');
  });

  it('says a lab has no text yet', async () => {
    expectOneLineUsageError(await lab(['open', '4'], { LAB_HOME: await newHome() }), /Lab 4 \(athena-analytics\) has no text yet/);
  });
});

describe('lab list', () => {
  it('shows the five labs and the configured target without contacting AWS', async () => {
    const run = await lab(['list'], { LAB_HOME: await newHome(), LAB_ENDPOINT: 'http://127.0.0.1:1' });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Target: local (http://127.0.0.1:1) · region us-east-1 · not contacted');
    expect(run.stdout).toMatch(/0 +device +not started/);
    expect(run.stdout).toMatch(/1 +stream-to-dynamo +not started/);
    expect(run.stdout).toMatch(/2 +firehose-to-s3 +no checks yet/);
    expect(run.stdout).toMatch(/4 +athena-analytics/);
  });
});

describe('lab config', () => {
  it('stores settings in the state directory and uses them as the target', async () => {
    const home = await newHome();
    expect((await lab(['config', 'set', 'target', 'aws'], { LAB_HOME: home })).stdout).toBe('target = aws\n');
    expect((await lab(['config', 'set', 'prefix', 'alice'], { LAB_HOME: home })).code).toBe(0);
    expect((await lab(['config', 'get', 'target'], { LAB_HOME: home })).stdout).toBe('aws\n');
    const all = await lab(['config', 'get'], { LAB_HOME: home });
    expect(all.stdout).toContain('Target: aws · region (from your AWS configuration) · not contacted');
    expect(all.stdout).toMatch(/prefix +alice/);
    expect((await lab(['list'], { LAB_HOME: home })).stdout).toContain('Target: aws');
  });
});

describe('lab open', () => {
  it('renders the lab text without its front matter', async () => {
    const run = await lab(['open', '1'], { LAB_HOME: await newHome() });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Fixture lab one');
    expect(run.stdout).not.toContain('slug: stream-to-dynamo');
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
