// Targets with explicit credentials: another sandbox account through a 12-digit access key id
// (LAB_ACCESS_KEY_ID for the local target), and keys or a provider given to the client factory.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../sandbox/index.js';
import { clientConfig, createClientFactory } from '../../src/target/clients.js';
import { resolveIdentity } from '../../src/target/identity.js';
import { LOCAL_ENDPOINT, LOCAL_REGION } from '../../src/target/local.js';
import { resolveTargetSettings } from '../../src/target/resolve.js';

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, inMemory: true, verbose: false, mqttPort: 0, mqttsPort: 0 });
});
afterAll(async () => {
  await sandbox?.stop();
});

describe('targets with explicit credentials', () => {
  it('takes the local target’s keys from LAB_ACCESS_KEY_ID and LAB_SECRET_ACCESS_KEY', () => {
    expect(resolveTargetSettings({}, { LAB_ACCESS_KEY_ID: '111111111111' }, { prefix: 'iotlab' })).toEqual({
      kind: 'local',
      region: LOCAL_REGION,
      endpoint: LOCAL_ENDPOINT,
      credentials: { accessKeyId: '111111111111', secretAccessKey: 'test' },
    });
  });

  it('gives clients the credentials over a profile and over the sandbox keys', () => {
    const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' };
    expect(clientConfig({ kind: 'aws', region: 'eu-west-1', profile: 'ignored', credentials })).toEqual({ retryMode: 'adaptive', region: 'eu-west-1', credentials });
    expect(clientConfig({ kind: 'local', region: 'us-east-1', endpoint: LOCAL_ENDPOINT, credentials })).toEqual({ retryMode: 'adaptive', region: 'us-east-1', endpoint: LOCAL_ENDPOINT, credentials });
    // A profile reaches the sandbox too (a roster row may name one).
    expect(clientConfig({ kind: 'local', region: 'us-east-1', endpoint: LOCAL_ENDPOINT, profile: 'class' })).toEqual({ retryMode: 'adaptive', region: 'us-east-1', endpoint: LOCAL_ENDPOINT, profile: 'class' });
  });

  it('answers as the account a 12-digit key names, from keys or a provider', async () => {
    const keys = createClientFactory({ kind: 'local', region: LOCAL_REGION, endpoint: sandbox.endpoint, credentials: { accessKeyId: '111111111111', secretAccessKey: 'x' } });
    const provided = createClientFactory({ kind: 'local', region: LOCAL_REGION, endpoint: sandbox.endpoint, credentials: async () => ({ accessKeyId: '222222222222', secretAccessKey: 'x' }) });
    try {
      expect((await resolveIdentity(keys)).accountId).toBe('111111111111');
      expect((await resolveIdentity(provided)).accountId).toBe('222222222222');
    } finally {
      keys.destroy();
      provided.destroy();
    }
  });
});
