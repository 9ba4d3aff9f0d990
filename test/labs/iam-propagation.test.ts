// IAM is eventually consistent: a role just created or changed is not usable by services for seconds.
// On a sandbox that imitates that delay, every lab's reference solution waits it out (bounded backoff on
// AWS's own refusals) and the labs still pass.

import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../sandbox/index.js';
import { assertBuilt, checksOf, lab, newHome } from './support.js';

const DELAY_MS = 2_000;
let sandbox: RunningSandbox;
let home: string;

beforeAll(async () => {
  assertBuilt();
  sandbox = await startSandbox({ port: 0, inMemory: true, verbose: false, mqttPort: 0, mqttsPort: 0, iamPropagationDelayMs: DELAY_MS, firehoseIntervalScale: 0.05 });
  home = await newHome();
});
afterAll(async () => sandbox?.stop());

it('the reference solutions of labs 0 to 3 wait for new roles to propagate, and the labs pass', async () => {
  const waited: string[] = [];
  for (const n of ['0', '1', '2', '3']) {
    const solved = await lab(['solve', n], home, sandbox.endpoint, 120_000);
    expect(solved.code, solved.stdout + solved.stderr).toBe(0);
    if (solved.stdout.includes('waiting for the IAM role to propagate…')) waited.push(n);
  }
  // Lab 1's function and its Kinesis trigger, lab 1's and lab 2's rules and lab 3's function all use brand-new roles.
  expect(waited).toEqual(expect.arrayContaining(['1', '3']));
  // Let the rules' roles settle before the device publishes, so its readings are delivered.
  await new Promise((r) => setTimeout(r, DELAY_MS));
  expect((await lab(['device', '--count', '4', '--rate', '4'], home, sandbox.endpoint)).code).toBe(0);
  for (const n of ['1', '3']) {
    const checked = await lab(['check', n, '--json', '--wait', '30'], home, sandbox.endpoint);
    expect(Object.entries(checksOf(checked)).filter(([, c]) => c.status !== 'pass').map(([id, c]) => `${id}: ${c.message}`)).toEqual([]);
  }
}, 150_000);
