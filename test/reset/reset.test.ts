// `lab reset` through the real binary against an in-process sandbox: labs 0-3 solved beside decoys
// (the same kinds without the tag under another prefix; the workshop's own names in another account
// and in another region). The dry run only reads; --apply with the account typed back deletes every
// workshop resource and nothing else; a second run has nothing to do.

import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateStreamCommand, AddTagsToStreamCommand, KinesisClient } from '@aws-sdk/client-kinesis';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CreateThingCommand, IoTClient } from '@aws-sdk/client-iot';
import { CreateBucketCommand, CreateMultipartUploadCommand, PutBucketTaggingCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { RunningSandbox } from '../../sandbox/index.js';
import { logMark } from '../../src/local-run/workbench.js';
import type { ResetReport } from '../../src/reset/report.js';
import { newHome, startLabSandbox } from '../labs/support.js';
import { assertBuilt, createDecoys, createLab4, inventory, lab, sdkConfig } from './support.js';

let sandbox: RunningSandbox;
let home: string;
const OTHER_ACCOUNT = '111111111111';
const run = (args: string[]) => lab(args, home, sandbox.endpoint);
const here = () => ({ endpoint: sandbox.endpoint });
const otherAccount = () => ({ endpoint: sandbox.endpoint, accessKeyId: OTHER_ACCOUNT });
const otherRegion = () => ({ endpoint: sandbox.endpoint, region: 'eu-west-1' });
const reportOf = async (file: string) => JSON.parse(await readFile(file, 'utf8')) as ResetReport;
let before: { here: string[]; otherAccount: string[]; otherRegion: string[] };

beforeAll(async () => {
  assertBuilt();
  sandbox = await startLabSandbox();
  home = await newHome();
  const otherHome = await newHome();
  const solved = await Promise.all([
    (async () => {
      for (const n of ['0', '1', '2', '3']) {
        const r = await run(['solve', n]);
        if (r.code !== 0) throw new Error(`lab solve ${n}: ${r.stdout}${r.stderr}`);
      }
    })(),
    // The workshop's own names, tagged, in another account (a 12-digit key is that account)...
    lab(['solve', '1'], otherHome, sandbox.endpoint, { LAB_ACCESS_KEY_ID: OTHER_ACCOUNT }),
    createDecoys(here()),
    createLab4(here(), 'iotlab', true),
    createLab4(here(), 'other', false),
  ]);
  expect(solved[1].code, solved[1].stderr).toBe(0);
  // ...and in another region of this account.
  const eu = sdkConfig(otherRegion());
  const kinesis = new KinesisClient(eu);
  await kinesis.send(new CreateStreamCommand({ StreamName: 'iotlab-stream', ShardCount: 1 }));
  await kinesis.send(new AddTagsToStreamCommand({ StreamName: 'iotlab-stream', Tags: { workshop: 'iot-pipeline-labs' } }));
  kinesis.destroy();
  await new DynamoDBClient(eu).send(
    new CreateTableCommand({ TableName: 'iotlab-readings', AttributeDefinitions: [{ AttributeName: 'deviceid', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'deviceid', KeyType: 'HASH' }], BillingMode: 'PAY_PER_REQUEST', Tags: [{ Key: 'workshop', Value: 'iot-pipeline-labs' }] }),
  );
  await new IoTClient(eu).send(new CreateThingCommand({ thingName: 'iotlab-dev1', attributePayload: { attributes: { workshop: 'iot-pipeline-labs' } } }));
  const euS3 = new S3Client(eu);
  await euS3.send(new CreateBucketCommand({ Bucket: 'iotlab-eu-copy', CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' } }));
  await euS3.send(new PutBucketTaggingCommand({ Bucket: 'iotlab-eu-copy', Tagging: { TagSet: [{ Key: 'workshop', Value: 'iot-pipeline-labs' }] } }));
  euS3.destroy();
  // What Firehose delivered and an upload left half-done: the bucket must be emptied of both.
  const s3 = new S3Client(sdkConfig(here()));
  for (let i = 0; i < 3; i++) await s3.send(new PutObjectCommand({ Bucket: 'iotlab-datalake-000000000000', Key: `telemetry/2026/01/01/00/object-${i}.gz`, Body: 'x' }));
  await s3.send(new CreateMultipartUploadCommand({ Bucket: 'iotlab-datalake-000000000000', Key: 'telemetry/unfinished' }));
  s3.destroy();
  // Progress to forget.
  await run(['check', '2', '--wait', '0', '--json']);
  before = { here: await inventory(here()), otherAccount: await inventory(otherAccount()), otherRegion: await inventory(otherRegion()) };
}, 60_000);

afterAll(async () => {
  await sandbox?.stop();
});

const WORKSHOP = [
  'iot-rule:iotlab_telemetry_to_stream',
  'iot-rule:iotlab_telemetry_to_firehose',
  'iot-thing:iotlab-dev1',
  'iot-policy:iotlab-device-policy',
  'lambda-function:iotlab-ingest',
  'lambda-function:iotlab-api',
  'apigateway-rest-api:iotlab-api',
  'firehose-delivery-stream:iotlab-firehose',
  's3-bucket:iotlab-datalake-000000000000',
  'kinesis-stream:iotlab-stream',
  'dynamodb-table:iotlab-readings',
  'logs-log-group:/aws/kinesisfirehose/iotlab-firehose',
  'iam-role:iotlab-ingest-role',
  'iam-role:iotlab-iot-rule-role',
  'iam-role:iotlab-firehose-role',
  'iam-role:iotlab-iot-firehose-role',
  'iam-role:iotlab-api-role',
  'glue-crawler:iotlab-crawler',
  'glue-database:iotlab_datalake',
  'iam-role:iotlab-crawler-role',
  'athena-workgroup:iotlab-wg',
];
/** Found through what they belong to, or with no name of their own. */
const UNNAMED = ['iot-certificate', 'lambda-event-source-mapping', 'device-files', 'athena-named-query'];

describe('lab reset', () => {
  it('plans every workshop resource, and nothing else, without a single state-changing call', async () => {
    const since = await logMark();
    const dry = await run(['reset', '--report', join(home, 'dry.json')]);
    expect(dry.code, dry.stderr).toBe(0);
    expect(sandbox.sandbox.log.calls(since).filter((c) => !c.readOnly).map((c) => `${c.service}.${c.operation}`)).toEqual([]);
    expect(dry.stdout).toContain('Dry run: nothing was deleted. Run again with --apply to delete these 26 resource(s).');
    expect(dry.stdout).toMatch(/iot +certificate +[0-9a-f]{12}… +attached to thing iotlab-dev1 +0/);
    expect(dry.stdout).toMatch(/lambda +event source mapping +iotlab-stream → iotlab-ingest +trigger of function iotlab-ingest +1/);
    expect(dry.stdout).toMatch(/s3 +bucket +iotlab-datalake-000000000000 +tag, name +2/);
    const report = await reportOf(join(home, 'dry.json'));
    expect(report).toMatchObject({ schema: 'iot-pipeline-labs/reset-report', applied: false, labs: [0, 1, 2, 3, 4], deleted: [], failed: [] });
    const planned = report.planned.filter((p) => !UNNAMED.includes(p.kind)).map((p) => `${p.kind}:${p.name}`);
    expect(planned.sort()).toEqual([...WORKSHOP].sort());
    expect(report.planned.filter((p) => UNNAMED.includes(p.kind)).map((p) => `${p.kind} ${p.why}`).sort()).toEqual([
      'athena-named-query name',
      'athena-named-query name, in workgroup iotlab-wg',
      'device-files certificate of this account',
      'iot-certificate attached to thing iotlab-dev1',
      'lambda-event-source-mapping trigger of function iotlab-ingest',
    ]);
    expect(report.planned.every((p) => !p.name.startsWith('other') && !p.name.includes('eu-copy'))).toBe(true);
  });

  it('plans one lab alone, and keeps lab 0’s device with --keep-device', async () => {
    const [lab2, device] = await Promise.all([
      run(['reset', '2', '--report', join(home, 'lab2.json')]),
      run(['reset', '0', '--keep-device', '--report', join(home, 'device.json')]),
    ]);
    expect(lab2.stdout, lab2.stderr).toContain('Looking for the workshop\'s resources: tag workshop=iot-pipeline-labs or the names of prefix "iotlab", Lab 2 (firehose-to-s3).');
    expect((await reportOf(join(home, 'lab2.json'))).planned.map((p) => `${p.kind}:${p.name}`)).toEqual([
      'iot-rule:iotlab_telemetry_to_firehose',
      'firehose-delivery-stream:iotlab-firehose',
      's3-bucket:iotlab-datalake-000000000000',
      'logs-log-group:/aws/kinesisfirehose/iotlab-firehose',
      'iam-role:iotlab-firehose-role',
      'iam-role:iotlab-iot-firehose-role',
    ]);
    expect(device.stdout, device.stderr).toContain('Dry run: nothing to delete.');
    expect((await reportOf(join(home, 'device.json'))).planned).toEqual([]);
  });

  it('deletes nothing unless the account id is typed back, and never in a protected account', async () => {
    const unconfirmed = await run(['reset', '--apply']);
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.stderr).toContain('--apply needs the account id confirmed: pass --confirm-account 000000000000');
    const wrong = await run(['reset', '--apply', '--confirm-account', OTHER_ACCOUNT]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain(`"${OTHER_ACCOUNT}" is not the account graded here (000000000000): nothing was deleted.`);
    expect((await run(['config', 'set', 'protected-accounts', `${OTHER_ACCOUNT},000000000000`])).code).toBe(0);
    const guarded = await run(['reset', '--apply', '--confirm-account', '000000000000']);
    expect(guarded.code).toBe(2);
    expect(guarded.stderr).toContain('Account 000000000000 is protected (lab config protected-accounts): lab reset deletes nothing in it.');
    expect((await run(['config', 'unset', 'protected-accounts'])).code).toBe(0);
    expect(await inventory(here())).toEqual(before.here);
  });

  it('deletes every workshop resource in dependency order and leaves the decoys, other accounts and regions alone', async () => {
    const since = await logMark();
    const applied = await run(['reset', 'all', '--apply', '--confirm-account', '000000000000', '--report', join(home, 'applied.json')]);
    expect(applied.code, applied.stdout + applied.stderr).toBe(0);
    expect(applied.stdout).toContain('Deleted 26, skipped 0, failed 0.');
    const report = await reportOf(join(home, 'applied.json'));
    expect(report.applied).toBe(true);
    expect(report.deleted).toHaveLength(26);
    expect(report.deleted.find((d) => d.kind === 's3-bucket')?.detail).toBe('emptied first: 3 object version(s), 1 upload(s)');

    const after = await inventory(here());
    const certificate = report.deleted.find((d) => d.kind === 'iot-certificate')!.id!;
    const mapping = report.deleted.find((d) => d.kind === 'lambda-event-source-mapping')!.id!;
    const queries = report.deleted.filter((d) => d.kind === 'athena-named-query').map((d) => `athena-named-query:${d.id}`);
    const gone = new Set([...WORKSHOP, `iot-certificate:${certificate}`, `lambda-event-source-mapping:${mapping}`, ...queries]);
    expect(after).toEqual(before.here.filter((item) => !gone.has(item)));
    expect(after.filter((item) => item.includes('other')).length).toBeGreaterThanOrEqual(13);
    expect(await inventory(otherAccount())).toEqual(before.otherAccount);
    // IAM is account-wide: the region's own resources are what must stay.
    const regional = (items: string[]) => items.filter((item) => !item.startsWith('iam-role:'));
    expect(regional(await inventory(otherRegion()))).toEqual(regional(before.otherRegion));
    expect(existsSync(join(home, 'device', 'private.pem.key'))).toBe(false);

    // Dependency order in the calls themselves, and only this account and region were written to.
    const writes = sandbox.sandbox.log.calls(since).filter((c) => !c.readOnly && c.status < 400);
    expect(new Set(writes.map((c) => `${c.accountId}/${c.region}`))).toEqual(new Set(['000000000000/us-east-1']));
    const firstOf = (op: string) => writes.findIndex((c) => c.operation === op);
    const lastOf = (op: string) => writes.map((c) => c.operation).lastIndexOf(op);
    expect(lastOf('DeleteTopicRule')).toBeLessThan(firstOf('DetachPolicy'));
    expect(lastOf('UpdateCertificate')).toBeLessThan(firstOf('DeleteCertificate'));
    expect(lastOf('DeleteCertificate')).toBeLessThan(firstOf('DeleteThing'));
    expect(lastOf('DeleteThing')).toBeLessThan(firstOf('DeletePolicy'));
    expect(lastOf('DeleteEventSourceMapping')).toBeLessThan(firstOf('DeleteFunction'));
    expect(lastOf('DeleteStage')).toBeLessThan(firstOf('DeleteDeployment'));
    expect(lastOf('DeleteDeployment')).toBeLessThan(firstOf('DeleteRestApi'));
    expect(lastOf('DeleteObjects')).toBeLessThan(firstOf('DeleteBucket'));
    expect(lastOf('DeleteDeliveryStream')).toBeLessThan(firstOf('DeleteBucket'));
    expect(lastOf('DeleteLogGroup')).toBeLessThan(firstOf('DeleteRole'));
    expect(lastOf('DeleteCrawler')).toBeLessThan(firstOf('DeleteDatabase'));
    expect(lastOf('BatchDeleteTable')).toBeLessThan(firstOf('DeleteDatabase'));
    expect(lastOf('DeleteNamedQuery')).toBeLessThan(firstOf('DeleteWorkGroup'));
    expect(lastOf('DeleteRolePolicy')).toBeLessThan(lastOf('DeleteRole'));

    const progress = JSON.parse(await readFile(join(home, 'progress.json'), 'utf8')) as { targets: Record<string, { labs: Record<string, unknown> }> };
    expect(progress.targets['local:000000000000']!.labs).toEqual({});
  });

  it('has nothing to do the second time', async () => {
    const again = await run(['reset', '--apply', '--confirm-account', '000000000000', '--report', join(home, 'again.json')]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('Nothing to delete: no resource has the workshop tag or one of the prefix’s names.');
    expect(again.stdout).toContain('Deleted 0, skipped 0, failed 0.');
    expect((await reportOf(join(home, 'again.json'))).planned).toEqual([]);
  });
});
