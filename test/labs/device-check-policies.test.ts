// Lab 0's `device.publishing` listens as the student (MQTT over WebSocket, SigV4, the target's own
// credentials, a client id of its own), so it passes whatever client ids the device's policy allows:
// a prefix wildcard, the exact client id, or `${iot:Connection.Thing.ThingName}`. The device, running
// meanwhile with a policy that allows nothing but connecting and publishing, is never disconnected, and
// the check makes no state-changing AWS call.

import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AttachPolicyCommand, AttachThingPrincipalCommand, CreateKeysAndCertificateCommand, CreatePolicyCommand, CreateThingCommand, IoTClient } from '@aws-sdk/client-iot';
import deviceChecks from '../../checks/00-device.js';
import { startSandbox, type RunningSandbox } from '../../sandbox/index.js';
import { saveDeviceCredentials } from '../../src/device/credentials.js';
import { startDevice } from '../../src/device/start.js';
import { systemClock } from '../../src/engine/clock.js';
import type { CheckContext } from '../../src/engine/types.js';
import { logMark } from '../../src/local-run/workbench.js';
import { createClientFactory, type ClientFactory } from '../../src/target/clients.js';
import { LOCAL_ACCOUNT_ID, LOCAL_CREDENTIALS, LOCAL_REGION } from '../../src/target/local.js';

const ARN = `arn:aws:iot:${LOCAL_REGION}:${LOCAL_ACCOUNT_ID}`;

/** Device policies that allow connecting and publishing only, each naming the client id its own way. */
const POLICY_STYLES: { style: string; prefix: string; connect: (thing: string) => string; publish: (prefix: string, thing: string) => string }[] = [
  { style: 'a prefix wildcard (client/iotlab-*)', prefix: 'iotlab', connect: () => `${ARN}:client/iotlab-*`, publish: (p) => `${ARN}:topic/${p}/telemetry/*` },
  { style: 'the exact client id', prefix: 'exact', connect: (thing) => `${ARN}:client/${thing}`, publish: (p, thing) => `${ARN}:topic/${p}/telemetry/${thing}` },
  {
    style: '${iot:Connection.Thing.ThingName}',
    prefix: 'thingvar',
    connect: () => `${ARN}:client/\${iot:Connection.Thing.ThingName}`,
    publish: (p) => `${ARN}:topic/${p}/telemetry/\${iot:Connection.Thing.ThingName}`,
  },
];

let sandbox: RunningSandbox;
let clients: ClientFactory;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, inMemory: true, verbose: false, mqttPort: 0, mqttsPort: 0, verifySignatures: true });
  clients = createClientFactory({ kind: 'local', endpoint: sandbox.endpoint, region: LOCAL_REGION, credentials: { ...LOCAL_CREDENTIALS } });
});

afterAll(async () => {
  clients?.destroy();
  await sandbox?.stop();
});

/** Lab 0 done by hand: thing, ACTIVE certificate attached to it, the policy on the certificate, the files saved. */
async function provision(prefix: string, connect: string, publish: string): Promise<{ home: string; thing: string }> {
  const iot = clients.get(IoTClient);
  const thing = `${prefix}-dev1`;
  await iot.send(new CreateThingCommand({ thingName: thing }));
  const cert = await iot.send(new CreateKeysAndCertificateCommand({ setAsActive: true }));
  await iot.send(new AttachThingPrincipalCommand({ thingName: thing, principal: cert.certificateArn }));
  const policyDocument = JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Action: 'iot:Connect', Resource: connect },
      { Effect: 'Allow', Action: 'iot:Publish', Resource: publish },
    ],
  });
  await iot.send(new CreatePolicyCommand({ policyName: `${prefix}-device-policy`, policyDocument }));
  await iot.send(new AttachPolicyCommand({ policyName: `${prefix}-device-policy`, target: cert.certificateArn }));
  const home = await mkdtemp(join(tmpdir(), 'lab-device-check-'));
  await saveDeviceCredentials(home, {
    identity: { thingName: thing, certificateArn: cert.certificateArn!, certificateId: cert.certificateId! },
    certificatePem: cert.certificatePem!,
    privateKeyPem: cert.keyPair!.PrivateKey!,
  });
  return { home, thing };
}

function checkContext(prefix: string, home: string): CheckContext {
  return {
    clients,
    target: { kind: 'local', region: LOCAL_REGION, accountId: LOCAL_ACCOUNT_ID, endpoint: sandbox.endpoint },
    config: { prefix },
    clock: systemClock,
    signal: new AbortController().signal,
    lab: { number: 0, slug: 'device' },
    home,
  };
}

const publishing = deviceChecks.checks.find((c) => c.id === 'device.publishing')!;

describe('device.publishing listens as the student', () => {
  it.each(POLICY_STYLES)('passes for a device whose policy names its client id with $style, and leaves the device connected', async ({ prefix, connect, publish }) => {
    const { home, thing } = await provision(prefix, connect(`${prefix}-dev1`), publish(prefix, `${prefix}-dev1`));
    const device = await startDevice({ clients, home, prefix, rate: 4 });
    let disconnected: unknown;
    device.done.catch((err: unknown) => (disconnected = err));
    let published = 0;
    try {
      const since = await logMark();
      const result = await publishing.run(checkContext(prefix, home));
      expect(result.status, result.message).toBe('pass');
      expect(result.message).toContain(`arrived on ${prefix}/telemetry/${thing}`);
      expect(result.evidence).toMatchObject({ endpoint: `${sandbox.endpoint.replace(/^http/, 'ws')}/mqtt`, listenedAs: expect.stringMatching(new RegExp(`^${thing}-checker-[0-9a-f]{8}$`)) });
      // Read-only: the WebSocket upgrade and DescribeEndpoint-style reads at most.
      const writes = sandbox.sandbox.log.calls(since).filter((c) => !c.readOnly).map((c) => `${c.service}.${c.operation}`);
      expect(writes).toEqual([]);
      expect(sandbox.sandbox.log.calls(since).some((c) => c.service === 'iot-data' && c.operation === 'Connect' && c.status === 101)).toBe(true);
      // The device keeps publishing on its one connection after the checker has gone.
      await new Promise((r) => setTimeout(r, 1_000));
      expect(disconnected).toBeUndefined();
    } finally {
      published = (await device.stop()).published;
    }
    expect(disconnected).toBeUndefined();
    expect(published).toBeGreaterThan(2);
  }, 60_000);
});
