// `lab sandbox start --detach | status | stop` through the real binary, with a persistent data dir:
// what was written before a stop is there after the next start.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CreateRoleCommand, GetRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { assertBuilt, lab, newHome } from './support.js';

const TRUST = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] });

function endpointOf(output: string): string {
  const m = /Sandbox running at (\S+)/.exec(output);
  if (!m) throw new Error(`no endpoint in: ${output}`);
  return m[1];
}

describe('lab sandbox', () => {
  it('starts detached, reports status, refuses a second start, stops, and keeps state across restarts', async () => {
    assertBuilt();
    const home = await newHome();
    const env = { LAB_HOME: home };
    const started = await lab(['sandbox', 'start', '--detach', '--port', '0'], env);
    expect(started.code).toBe(0);
    const endpoint = endpointOf(started.stdout);
    expect(started.stdout).toContain(`AWS_ENDPOINT_URL=${endpoint}`);
    try {
      const iam = new IAMClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
      await iam.send(new CreateRoleCommand({ RoleName: 'kept-role', AssumeRolePolicyDocument: TRUST }));

      const status = await lab(['sandbox', 'status'], env);
      expect(status.code).toBe(0);
      expect(status.stdout).toContain(`Sandbox at ${endpoint}`);
      expect(status.stdout).toContain(`Data: ${join(home, 'sandbox')}`);
      expect(status.stdout).toMatch(/iam\.CreateRole: 1/);

      const again = await lab(['sandbox', 'start', '--detach', '--port', '0'], env);
      expect(again.code).toBe(2);
      expect(again.stderr).toContain('A sandbox is already running');
    } finally {
      const stopped = await lab(['sandbox', 'stop'], env);
      expect(stopped.code).toBe(0);
    }
    const down = await lab(['sandbox', 'status', '--endpoint', endpoint], env);
    expect(down.code).toBe(2);
    expect(down.stderr).toContain('Start it with `lab sandbox start`');

    const restarted = await lab(['sandbox', 'start', '--detach', '--port', '0'], env);
    expect(restarted.code).toBe(0);
    try {
      const iam = new IAMClient({ endpoint: endpointOf(restarted.stdout), region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
      const role = await iam.send(new GetRoleCommand({ RoleName: 'kept-role' }));
      expect(role.Role?.Arn).toBe('arn:aws:iam::000000000000:role/kept-role');
    } finally {
      await lab(['sandbox', 'stop'], env);
    }
  });

  it('rejects a bad option value with a one-line reason and exit 2', async () => {
    const run = await lab(['sandbox', 'start', '--port', 'abc'], { LAB_HOME: await newHome() });
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe('--port must be a non-negative number, got "abc"');
  });
});
