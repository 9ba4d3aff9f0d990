// A check speaks the workbook's language and sees the same things: `lab check 1 --lang ko` on a pipeline
// with no stream gives the same statuses and evidence as English, in Korean words where the catalogue
// has them.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../../sandbox/index.js';
import { assertBuilt, lab, newHome, startLabSandbox } from '../labs/support.js';

let sandbox: RunningSandbox;

beforeAll(async () => {
  assertBuilt();
  sandbox = await startLabSandbox();
});

afterAll(async () => {
  await sandbox?.stop();
});

describe('lab check --lang ko', () => {
  it('reports the same statuses and evidence as English, the messages in Korean', async () => {
    const home = await newHome();
    const run = async (lang: string) => JSON.parse((await lab(['check', '1', '--json', '--wait', '0', '--lang', lang], home, sandbox.endpoint)).stdout) as {
      labs: { checks: { id: string; status: string; message: string; evidence?: unknown }[] }[];
    };
    const [english, korean] = [await run('en'), await run('ko')];
    const strip = (r: typeof english) => r.labs[0]!.checks.map(({ id, status, evidence }) => ({ id, status, evidence }));
    expect(strip(korean)).toEqual(strip(english));
    const stream = (r: typeof english) => r.labs[0]!.checks.find((c) => c.id === 'stream.active')!;
    expect(stream(english).message).toMatch(/^There is no Kinesis stream iotlab-stream \(/);
    expect(stream(korean).message).toMatch(/^Kinesis 스트림 iotlab-stream이\(가\) 없습니다/);
  }, 60_000);
});
