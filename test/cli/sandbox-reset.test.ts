// `lab sandbox reset` through the real binary: a detached sandbox comes back empty at the same endpoint
// with the same options; with none running, its data directory is removed; an AWS target is refused.

import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CreateStreamCommand, KinesisClient, ListStreamsCommand } from '@aws-sdk/client-kinesis';
import { assertBuilt, lab, newHome } from './support.js';

const endpointOf = (output: string) => /Sandbox running at (\S+)/.exec(output)![1]!;
const kinesisAt = (endpoint: string) => new KinesisClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });

describe('lab sandbox reset', () => {
  it('restarts a detached sandbox empty, at the same endpoint and with the same options', async () => {
    assertBuilt();
    const home = await newHome();
    const env = { LAB_HOME: home };
    const started = await lab(['sandbox', 'start', '--detach', '--port', '0', '--mqtt-port', '0', '--mqtts-port', '0', '--provisioning-delay', '0', '--metric-delay', '1234'], env);
    expect(started.code, started.stderr).toBe(0);
    const endpoint = endpointOf(started.stdout);
    try {
      const kinesis = kinesisAt(endpoint);
      await kinesis.send(new CreateStreamCommand({ StreamName: 'before-reset', ShardCount: 1 }));
      expect((await kinesis.send(new ListStreamsCommand({}))).StreamNames).toEqual(['before-reset']);
      kinesis.destroy();

      const reset = await lab(['sandbox', 'reset', '--endpoint', endpoint], env);
      expect(reset.code, reset.stderr).toBe(0);
      expect(reset.stdout).toContain(`Emptied the sandbox at ${endpoint}: restarted in the background with the same options and no state (data in ${join(home, 'sandbox')}).`);
      const after = kinesisAt(endpoint);
      expect((await after.send(new ListStreamsCommand({}))).StreamNames).toEqual([]);
      after.destroy();
      const status = await lab(['sandbox', 'status', '--json'], env);
      expect(JSON.parse(status.stdout)).toMatchObject({ endpoint });
      const { readFile } = await import('node:fs/promises');
      expect(JSON.parse(await readFile(join(home, 'sandbox.json'), 'utf8')).args).toEqual(expect.arrayContaining(['--metric-delay', '1234', '--provisioning-delay', '0']));
    } finally {
      expect((await lab(['sandbox', 'stop'], env)).code).toBe(0);
    }
  });

  it('removes the data of a sandbox that is not running, and nothing that is not sandbox data', async () => {
    const home = await newHome();
    const data = join(home, 'sandbox');
    await mkdir(join(data, 'files'), { recursive: true });
    await writeFile(join(data, 'state.journal'), '');
    const wiped = await lab(['sandbox', 'reset', '--endpoint', 'http://127.0.0.1:1'], { LAB_HOME: home });
    expect(wiped.code, wiped.stderr).toBe(0);
    expect(wiped.stdout).toContain(`No sandbox is running; emptied its data in ${data}.`);
    expect(existsSync(data)).toBe(false);

    const precious = join(home, 'precious');
    await mkdir(precious);
    await writeFile(join(precious, 'thesis.txt'), 'keep me');
    const refused = await lab(['sandbox', 'reset', '--endpoint', 'http://127.0.0.1:1', '--data', precious], { LAB_HOME: home });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`${precious} does not look like a sandbox's data`);
    expect(existsSync(join(precious, 'thesis.txt'))).toBe(true);
  });

  it('is for the local target only', async () => {
    const run = await lab(['sandbox', 'reset', '--target', 'aws'], { LAB_HOME: await newHome() });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('lab sandbox reset empties the local sandbox; to empty an AWS account of the workshop, use `lab reset`.');
  });
});
