import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KinesisClient } from '@aws-sdk/client-kinesis';
import { startSandbox, type RunningSandbox } from '../../sandbox/index.js';
import { clientConfig, createClientFactory } from '../../src/target/clients.js';
import { resolveIdentity } from '../../src/target/identity.js';
import { LOCAL_ACCOUNT_ID, LOCAL_CREDENTIALS, LOCAL_ENDPOINT, LOCAL_REGION } from '../../src/target/local.js';
import { resolveTargetSettings } from '../../src/target/resolve.js';
import { headerLine } from '../../src/target/target.js';
import { EnvironmentError } from '../../src/errors.js';

const NO_CONFIG = { prefix: 'iotlab' };

describe('target resolution', () => {
  it('defaults to the local sandbox', () => {
    expect(resolveTargetSettings({}, {}, NO_CONFIG)).toEqual({ kind: 'local', region: LOCAL_REGION, endpoint: LOCAL_ENDPOINT });
  });

  it('takes flags over environment over config', () => {
    const config = { prefix: 'iotlab', target: 'aws' as const, region: 'eu-west-1', profile: 'course' };
    expect(resolveTargetSettings({}, {}, config)).toEqual({ kind: 'aws', region: 'eu-west-1', profile: 'course' });
    expect(resolveTargetSettings({}, { LAB_TARGET: 'local', LAB_ENDPOINT: 'http://127.0.0.1:5000/' }, config)).toEqual({ kind: 'local', region: 'eu-west-1', endpoint: 'http://127.0.0.1:5000' });
    expect(resolveTargetSettings({ target: 'aws', region: 'us-west-2', profile: 'p' }, { LAB_TARGET: 'local' }, config)).toEqual({ kind: 'aws', region: 'us-west-2', profile: 'p' });
  });

  it('leaves the region of aws to the SDK when nobody chose one', () => {
    expect(resolveTargetSettings({ target: 'aws' }, {}, NO_CONFIG)).toEqual({ kind: 'aws', region: undefined, profile: undefined });
  });

  it('rejects unknown targets, bad endpoints and options of the other target', () => {
    expect(() => resolveTargetSettings({ target: 'azure' }, {}, NO_CONFIG)).toThrow('Unknown target "azure": use aws or local.');
    expect(() => resolveTargetSettings({ endpoint: 'localhost:4566' }, {}, NO_CONFIG)).toThrow(/must start with http/);
    expect(() => resolveTargetSettings({ target: 'aws', endpoint: LOCAL_ENDPOINT }, {}, NO_CONFIG)).toThrow('--endpoint applies to --target local only.');
    expect(() => resolveTargetSettings({ profile: 'x' }, {}, NO_CONFIG)).toThrow('--profile applies to --target aws only.');
  });
});

describe('client factory', () => {
  it('gives local clients the sandbox endpoint and credentials, with adaptive retries', () => {
    expect(clientConfig({ kind: 'local', region: 'us-east-1', endpoint: LOCAL_ENDPOINT })).toEqual({
      retryMode: 'adaptive',
      region: 'us-east-1',
      endpoint: LOCAL_ENDPOINT,
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    });
    expect(clientConfig({ kind: 'aws', region: 'eu-west-1', profile: 'course' })).toEqual({ retryMode: 'adaptive', region: 'eu-west-1', profile: 'course' });
    expect(clientConfig({ kind: 'aws' })).toEqual({ retryMode: 'adaptive' });
  });

  it('builds one real client per class and resolves its settings', async () => {
    const clients = createClientFactory({ kind: 'local', region: 'eu-central-1', endpoint: 'http://127.0.0.1:4599' });
    const kinesis = clients.get(KinesisClient);
    expect(clients.get(KinesisClient)).toBe(kinesis);
    expect(await kinesis.config.region()).toBe('eu-central-1');
    expect(await kinesis.config.credentials()).toMatchObject(LOCAL_CREDENTIALS);
    const endpoint = await kinesis.config.endpoint!();
    expect(`${endpoint.protocol}//${endpoint.hostname}:${endpoint.port}`).toBe('http://127.0.0.1:4599');
    clients.destroy();
  });
});

describe('identity against the sandbox', () => {
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, inMemory: true });
  });
  afterAll(() => sandbox?.stop());

  it('names the account and region in the header', async () => {
    const clients = createClientFactory(resolveTargetSettings({ endpoint: sandbox.endpoint }, {}, NO_CONFIG));
    const target = await resolveIdentity(clients);
    clients.destroy();
    expect(target).toMatchObject({ kind: 'local', accountId: LOCAL_ACCOUNT_ID, region: 'us-east-1', endpoint: sandbox.endpoint });
    expect(headerLine(target)).toBe(`Target: local (${sandbox.endpoint}) · account 000000000000 · region us-east-1`);
  });

  it('turns an unreachable sandbox into an environment error with advice', async () => {
    const clients = createClientFactory({ kind: 'local', region: 'us-east-1', endpoint: 'http://127.0.0.1:1' });
    const err = await resolveIdentity(clients).catch((e: unknown) => e);
    clients.destroy();
    expect(err).toBeInstanceOf(EnvironmentError);
    expect((err as EnvironmentError).hint).toContain('lab sandbox start');
  });
});
