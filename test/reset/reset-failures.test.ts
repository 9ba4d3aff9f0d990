// The reset's deleter in process against a half-deleted workshop: what an earlier, interrupted reset
// left (a certificate detached and INACTIVE, a role without its policies, a bucket half emptied, a
// trigger gone), what vanished between the plan and the deletion, and one resource the identity may not
// delete (S3 answers AccessDenied). Everything else is deleted, each outcome reported; the next run
// deletes what is left and the one after has nothing to do. Also the retry rules on their own.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeleteRolePolicyCommand, IAMClient, ListRolePoliciesCommand } from '@aws-sdk/client-iam';
import { DetachPolicyCommand, IoTClient, ListThingPrincipalsCommand, UpdateCertificateCommand } from '@aws-sdk/client-iot';
import { DeleteStreamCommand, KinesisClient } from '@aws-sdk/client-kinesis';
import { DeleteEventSourceMappingCommand, LambdaClient, ListEventSourceMappingsCommand } from '@aws-sdk/client-lambda';
import { CloudWatchLogsClient, DeleteLogGroupCommand } from '@aws-sdk/client-cloudwatch-logs';
import { DeleteObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { RunningSandbox } from '../../sandbox/index.js';
import { systemClock, type Clock } from '../../src/engine/clock.js';
import { createClientFactory, type ClientFactory } from '../../src/target/clients.js';
import { resolveIdentity } from '../../src/target/identity.js';
import type { TargetSettings } from '../../src/target/target.js';
import { resetContext, type ResetContext } from '../../src/reset/context.js';
import { deleteInOrder } from '../../src/reset/deleter.js';
import { discoverPlan } from '../../src/reset/plan.js';
import { retrying } from '../../src/reset/retry.js';
import { SERVICE_RESETS } from '../../src/reset/services/index.js';
import { newHome, startLabSandbox } from '../labs/support.js';
import { assertBuilt, inventory, lab, sdkConfig } from './support.js';

let sandbox: RunningSandbox;
let home: string;
let settings: TargetSettings;
const ALL_LABS = { labs: [0, 1, 2, 3, 4], keepDevice: false };

beforeAll(async () => {
  assertBuilt();
  sandbox = await startLabSandbox();
  home = await newHome();
  for (const n of ['0', '1', '2']) {
    const solved = await lab(['solve', n], home, sandbox.endpoint);
    expect(solved.code, solved.stdout + solved.stderr).toBe(0);
  }
  settings = { kind: 'local', region: 'us-east-1', endpoint: sandbox.endpoint };
}, 40_000);

afterAll(async () => {
  await sandbox?.stop();
});

async function contextFor(clients: ClientFactory): Promise<ResetContext> {
  return resetContext({ clients, target: await resolveIdentity(clients), prefix: 'iotlab', home, clock: systemClock, signal: new AbortController().signal, retry: { budgetMs: 2_000, firstDelayMs: 50, maxDelayMs: 200 } });
}

/** This account's clients, except S3, which answers as an identity of another account. */
function withS3DeniedTo(base: ClientFactory): ClientFactory {
  const stranger = createClientFactory({ ...settings, credentials: { accessKeyId: '111111111111', secretAccessKey: 'test' } });
  return {
    settings: base.settings,
    get: (ctor) => (ctor === (S3Client as unknown) ? stranger.get(ctor) : base.get(ctor)),
    destroy() {
      base.destroy();
      stranger.destroy();
    },
  };
}

describe('lab reset on a half-deleted workshop', () => {
  it('deletes the rest, reports what was already gone and the one AccessDenied, then finishes on the next run', async () => {
    const config = sdkConfig({ endpoint: sandbox.endpoint });
    const iot = new IoTClient(config);
    const iam = new IAMClient(config);
    const s3 = new S3Client(config);
    const lambda = new LambdaClient(config);
    // What an interrupted reset leaves behind.
    const [certificateArn] = (await iot.send(new ListThingPrincipalsCommand({ thingName: 'iotlab-dev1' }))).principals!;
    await iot.send(new DetachPolicyCommand({ policyName: 'iotlab-device-policy', target: certificateArn }));
    await iot.send(new UpdateCertificateCommand({ certificateId: certificateArn!.split('/').pop(), newStatus: 'INACTIVE' }));
    for (const PolicyName of (await iam.send(new ListRolePoliciesCommand({ RoleName: 'iotlab-ingest-role' }))).PolicyNames!) {
      await iam.send(new DeleteRolePolicyCommand({ RoleName: 'iotlab-ingest-role', PolicyName }));
    }
    for (let i = 0; i < 4; i++) await s3.send(new PutObjectCommand({ Bucket: 'iotlab-datalake-000000000000', Key: `telemetry/${i}.gz`, Body: 'x' }));
    await s3.send(new DeleteObjectCommand({ Bucket: 'iotlab-datalake-000000000000', Key: 'telemetry/0.gz' }));
    const [mapping] = (await lambda.send(new ListEventSourceMappingsCommand({ FunctionName: 'iotlab-ingest' }))).EventSourceMappings!;
    await lambda.send(new DeleteEventSourceMappingCommand({ UUID: mapping!.UUID }));

    const clients = createClientFactory(settings);
    const plan = await discoverPlan(await contextFor(clients), SERVICE_RESETS, ALL_LABS);
    clients.destroy();
    expect(plan.failures).toEqual([]);
    expect(plan.resources.map((r) => r.kind)).toContain('iot-certificate');
    expect(plan.resources.map((r) => r.kind)).not.toContain('lambda-event-source-mapping');
    // Gone between the plan and the deletion.
    await new KinesisClient(config).send(new DeleteStreamCommand({ StreamName: 'iotlab-stream' }));
    await new CloudWatchLogsClient(config).send(new DeleteLogGroupCommand({ logGroupName: '/aws/kinesisfirehose/iotlab-firehose' }));

    const denied = withS3DeniedTo(createClientFactory(settings));
    const results = await deleteInOrder(plan.resources, await contextFor(denied), SERVICE_RESETS);
    denied.destroy();
    const outcome = Object.fromEntries(results.map((r) => [`${r.resource.kind}:${r.resource.kind === 'iot-certificate' ? 'certificate' : r.resource.name}`, r]));
    expect(outcome['s3-bucket:iotlab-datalake-000000000000']).toMatchObject({ status: 'failed', error: { name: 'AccessDenied', message: 'Access Denied', httpStatusCode: 403 } });
    expect(outcome['kinesis-stream:iotlab-stream']).toMatchObject({ status: 'skipped', reason: 'already deleted' });
    expect(outcome['logs-log-group:/aws/kinesisfirehose/iotlab-firehose']).toMatchObject({ status: 'skipped', reason: 'already deleted' });
    expect(outcome['iot-certificate:certificate']!.status).toBe('deleted');
    expect(outcome['iam-role:iotlab-ingest-role']!.status).toBe('deleted');
    expect(results.filter((r) => r.status === 'deleted')).toHaveLength(plan.resources.length - 3);
    const left = (await inventory({ endpoint: sandbox.endpoint })).filter((item) => item.includes('iotlab'));
    expect(left).toEqual(['s3-bucket:iotlab-datalake-000000000000']);

    // The next run, allowed to use S3, empties and deletes the bucket; the one after finds nothing.
    const normal = createClientFactory(settings);
    const ctx = await contextFor(normal);
    const rest = await discoverPlan(ctx, SERVICE_RESETS, ALL_LABS);
    expect(rest.resources.map((r) => r.name)).toEqual(['iotlab-datalake-000000000000']);
    const finished = await deleteInOrder(rest.resources, ctx, SERVICE_RESETS);
    expect(finished).toMatchObject([{ status: 'deleted', detail: 'emptied first: 3 object version(s), 0 upload(s)' }]);
    expect((await discoverPlan(ctx, SERVICE_RESETS, ALL_LABS)).resources).toEqual([]);
    normal.destroy();
    for (const c of [iot, iam, s3, lambda]) c.destroy();
  }, 30_000);
});

describe('retries', () => {
  /** A clock whose sleeps pass at once, recording how long each was. */
  function fakeClock(): Clock & { slept: number[] } {
    const slept: number[] = [];
    return { slept, now: () => 0, sleep: async (ms: number) => void slept.push(ms) };
  }
  const error = (name: string, status = 400) => Object.assign(new Error(name), { name, $metadata: { httpStatusCode: status } });
  const scope = (clock: Clock) => ({ clock, signal: new AbortController().signal, retry: { budgetMs: 60_000, firstDelayMs: 500, maxDelayMs: 4_000 } });

  it('retries throttling and the call’s own "not yet" errors with a growing delay, and nothing else', async () => {
    const clock = fakeClock();
    let calls = 0;
    const answer = await retrying(scope(clock), async () => {
      calls++;
      if (calls === 1) throw error('ThrottlingException');
      if (calls === 2) throw error('TooManyRequestsException', 429);
      if (calls === 3) throw error('DeleteConflictException', 409);
      return 'done';
    }, ['DeleteConflictException']);
    expect(answer).toBe('done');
    expect(clock.slept).toHaveLength(3);
    expect(clock.slept[1]! / clock.slept[0]!).toBeGreaterThan(1.1);
    await expect(retrying(scope(clock), async () => Promise.reject(error('AccessDeniedException', 403)))).rejects.toThrow('AccessDeniedException');
    expect(clock.slept).toHaveLength(3);
  });

  it('gives up with AWS’s error once the budget is spent', async () => {
    let now = 0;
    const clock: Clock = { now: () => now, sleep: async (ms) => void (now += ms) };
    let calls = 0;
    await expect(
      retrying(scope(clock), async () => {
        calls++;
        throw error('SlowDown', 503);
      }),
    ).rejects.toThrow('SlowDown');
    expect(now).toBe(60_000);
    expect(calls).toBeGreaterThan(10);
  });
});
