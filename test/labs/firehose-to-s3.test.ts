// Lab 2 against an in-process sandbox through the real binary: the checker is read-only and waits for
// the first flush with a countdown; each misconfiguration a student makes is named by the check that
// catches it, with the fix.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeleteRolePolicyCommand, IAMClient } from '@aws-sdk/client-iam';
import { DisableTopicRuleCommand, GetTopicRuleCommand, IoTClient, ReplaceTopicRuleCommand } from '@aws-sdk/client-iot';
import { DescribeDeliveryStreamCommand, FirehoseClient, UpdateDestinationCommand } from '@aws-sdk/client-firehose';
import { DeleteBucketCommand, DeleteObjectsCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { startSandbox, type RunningSandbox } from '../../sandbox/index.js';
import { logMark } from '../../src/local-run/workbench.js';
import { assertBuilt, checksOf, clientConfig, lab, newHome, until } from './support.js';

const BUCKET = 'iotlab-datalake-000000000000';
// 60 s buffer intervals become 6 s: long enough to see the checker wait, short enough for a test.
const SCALE = 0.1;

async function labSandbox(): Promise<RunningSandbox> {
  return startSandbox({ port: 0, inMemory: true, verbose: false, mqttPort: 0, mqttsPort: 0, firehoseIntervalScale: SCALE });
}

async function objectKeys(s3: S3Client, bucket: string, prefix = ''): Promise<string[]> {
  return ((await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }))).Contents ?? []).map((o) => o.Key!);
}

describe('lab 2 on the reference solution', () => {
  let sandbox: RunningSandbox;
  let home: string;
  let s3: S3Client;
  let iot: IoTClient;
  let firehose: FirehoseClient;
  const run = (args: string[], timeoutMs?: number) => lab(args, home, sandbox.endpoint, timeoutMs);
  const publish = async (count = 4) => expect((await run(['device', '--count', String(count), '--rate', '10'])).code).toBe(0);
  /** Sends readings and waits until Firehose has written one more object under `prefix`. */
  const flushOnce = async (prefix = 'telemetry/') => {
    const before = (await objectKeys(s3, BUCKET, prefix)).length;
    await publish();
    await until('a new object', async () => ((await objectKeys(s3, BUCKET, prefix)).length > before ? true : undefined), 30_000);
  };
  const check = async () => {
    const checked = await run(['check', '2', '--json', '--wait', '0']);
    return { code: checked.code, checks: checksOf(checked) };
  };
  const repair = async () => {
    const solved = await run(['solve', '2']);
    expect(solved.code, solved.stderr).toBe(0);
    return solved.stdout;
  };

  beforeAll(async () => {
    assertBuilt();
    sandbox = await labSandbox();
    home = await newHome();
    s3 = new S3Client({ ...clientConfig(sandbox), forcePathStyle: true });
    iot = new IoTClient(clientConfig(sandbox));
    firehose = new FirehoseClient(clientConfig(sandbox));
    for (const n of ['0', '2']) {
      const solved = await run(['solve', n]);
      expect(solved.code, solved.stdout + solved.stderr).toBe(0);
    }
  }, 90_000);

  afterAll(async () => {
    for (const c of [s3, iot, firehose]) c?.destroy();
    await sandbox?.stop();
  });

  it('waits for the first flush with a countdown, then passes without a state-changing call', async () => {
    expect(await objectKeys(s3, BUCKET)).toEqual([]);
    await publish();
    const since = await logMark();
    const checked = await run(['check', '2', '--wait', '30']);
    expect(checked.stdout).toMatch(/waiting: No objects under s3:\/\/iotlab-datalake-000000000000\/telemetry\/ in the last 3 hours yet\. \d+ record\(s\) came in: Firehose writes its buffer 60 s after the first record arrives \(or at 1 MiB\), so the first object is due within about \d+ s\./);
    expect(checked.stdout).toContain('Score 23/23 (100%, pass mark 80%): PASSED');
    expect(checked.code, checked.stdout + checked.stderr).toBe(0);
    const calls = sandbox.sandbox.log.calls(since);
    expect(calls.length).toBeGreaterThan(10);
    expect(calls.filter((c) => !c.readOnly).map((c) => `${c.service}.${c.operation}`)).toEqual([]);
  }, 90_000);

  it('reports what the stored objects hold', async () => {
    const { checks } = await check();
    expect(checks['lake.records']!.message).toMatch(/^The \d+ newest object\(s\) hold \d+ reading\(s\) of 1 device\(s\) \(iotlab-dev1\), TIMESTAMP \S+ to \S+, one JSON document per line\.$/);
    expect(checks['lake.objects']!.message).toMatch(/telemetry\/\d{4}\/\d{2}\/\d{2}\/\d{2}\/iotlab-firehose-1-\d{4}-\d{2}-\d{2}-\d{2}-\d{2}-\d{2}-[0-9a-f-]{36}\.gz \(GZIP/);
  }, 90_000);

  it('names records glued without a separator, and the lab 4 consequence', async () => {
    const { rule } = await iot.send(new GetTopicRuleCommand({ ruleName: 'iotlab_telemetry_to_firehose' }));
    const { separator: _dropped, ...action } = rule!.actions![0]!.firehose!;
    await iot.send(new ReplaceTopicRuleCommand({ ruleName: 'iotlab_telemetry_to_firehose', topicRulePayload: { sql: rule!.sql!, awsIotSqlVersion: rule!.awsIotSqlVersion, actions: [{ firehose: action }] } }));
    await flushOnce();
    const { code, checks } = await check();
    expect(code).toBe(1);
    expect(checks['rule.separator']!.status).toBe('fail');
    expect(checks['rule.separator']!.message).toContain("Rule iotlab_telemetry_to_firehose's Firehose action has no separator, so Firehose stores readings glued together on one line");
    expect(checks['rule.separator']!.message).toContain("Athena's JSON SerDe reads one document per line");
    expect(checks['rule.separator']!.hint).toContain('"separator": "\\n"');
    expect(checks['lake.records']!.status).toBe('fail');
    expect(checks['lake.records']!.message).toMatch(/holds 4 JSON records on 1 line\(s\): 3 of them are glued to the one before/);
    expect(await repair()).toContain('updated IoT rule iotlab_telemetry_to_firehose');
    await flushOnce();
    expect((await check()).checks['lake.records']!.status).toBe('pass');
  }, 90_000);

  it('names an uncompressed delivery stream with the command that fixes it', async () => {
    const stream = (await firehose.send(new DescribeDeliveryStreamCommand({ DeliveryStreamName: 'iotlab-firehose' }))).DeliveryStreamDescription!;
    await firehose.send(
      new UpdateDestinationCommand({ DeliveryStreamName: 'iotlab-firehose', CurrentDeliveryStreamVersionId: stream.VersionId, DestinationId: stream.Destinations![0]!.DestinationId, ExtendedS3DestinationUpdate: { CompressionFormat: 'UNCOMPRESSED' } }),
    );
    const { checks } = await check();
    expect(checks['firehose.gzip']).toMatchObject({ status: 'fail', message: expect.stringContaining('Delivery stream iotlab-firehose writes UNCOMPRESSED objects.') });
    expect(checks['firehose.gzip']!.hint).toContain(`aws firehose update-destination --delivery-stream-name iotlab-firehose --current-delivery-stream-version-id 2 --destination-id destinationId-000000000001 --extended-s3-destination-update '{"CompressionFormat":"GZIP"}'`);
    expect(await repair()).toContain('updated Firehose delivery stream iotlab-firehose (CompressionFormat)');
  }, 90_000);

  it("names a Firehose role that may not write the bucket, whose deliveries stop until it may", async () => {
    await new IAMClient(clientConfig(sandbox)).send(new DeleteRolePolicyCommand({ RoleName: 'iotlab-firehose-role', PolicyName: 'write-bucket' }));
    // Firehose writes as the role: past the (scaled) buffer interval nothing new lands, and it logs S3.AccessDenied.
    const before = (await objectKeys(s3, BUCKET, 'telemetry/')).length;
    await publish();
    await new Promise((r) => setTimeout(r, 60_000 * SCALE + 2_000));
    expect(await objectKeys(s3, BUCKET, 'telemetry/')).toHaveLength(before);
    const { checks } = await check();
    expect(checks['firehose.role-can-write']).toMatchObject({
      status: 'fail',
      message: 'Role iotlab-firehose-role (used by delivery stream iotlab-firehose) may not s3:PutObject on arn:aws:s3:::iotlab-datalake-000000000000/telemetry/*: no policy of the role allows it.',
    });
    expect(checks['firehose.role-can-write']!.hint).toContain('aws iam put-role-policy --role-name iotlab-firehose-role');
    expect(await repair()).toContain('policy write-bucket of IAM role iotlab-firehose-role');
    // The held records go out on the next retry once the role may write.
    await until('the retried delivery', async () => ((await objectKeys(s3, BUCKET, 'telemetry/')).length > before ? true : undefined), 30_000);
  }, 90_000);

  it('names a disabled rule, and a rule on another topic', async () => {
    await iot.send(new DisableTopicRuleCommand({ ruleName: 'iotlab_telemetry_to_firehose' }));
    let { checks } = await check();
    expect(checks['rule.routes-to-firehose']).toMatchObject({
      status: 'fail',
      message: 'No enabled IoT rule sends iotlab/telemetry/iotlab-dev1 to a Firehose delivery stream: rule iotlab_telemetry_to_firehose is disabled.',
      hint: 'Enable it: aws iot enable-topic-rule --rule-name iotlab_telemetry_to_firehose',
    });
    expect(checks['rule.separator']!.status).toBe('skip');
    await repair();
    const { rule } = await iot.send(new GetTopicRuleCommand({ ruleName: 'iotlab_telemetry_to_firehose' }));
    await iot.send(new ReplaceTopicRuleCommand({ ruleName: 'iotlab_telemetry_to_firehose', topicRulePayload: { sql: "SELECT * FROM 'sensors/#'", awsIotSqlVersion: rule!.awsIotSqlVersion, actions: rule!.actions } }));
    ({ checks } = await check());
    expect(checks['rule.routes-to-firehose']!.message).toBe(
      "No enabled IoT rule sends iotlab/telemetry/iotlab-dev1 to a Firehose delivery stream: rule iotlab_telemetry_to_firehose reads 'sensors/#', which does not match iotlab/telemetry/iotlab-dev1.",
    );
    await repair();
  }, 90_000);

  it('names a bucket deleted after creation, with the error Firehose logged', async () => {
    const keys = await objectKeys(s3, BUCKET);
    if (keys.length > 0) await s3.send(new DeleteObjectsCommand({ Bucket: BUCKET, Delete: { Objects: keys.map((Key) => ({ Key })) } }));
    await s3.send(new DeleteBucketCommand({ Bucket: BUCKET }));
    await publish();
    // Firehose tries to deliver once the (scaled) buffer interval is over, and logs the failure.
    await new Promise((r) => setTimeout(r, 60_000 * SCALE + 2_000));
    const { checks } = await check();
    expect(checks['bucket.exists']!.status).toBe('fail');
    expect(checks['bucket.exists']!.message).toMatch(
      /^Delivery stream iotlab-firehose writes to bucket iotlab-datalake-000000000000, which does not exist; Firehose logged: S3\.NoSuchBucket: .+\. Firehose keeps the records and retries for up to 24 hours, then gives them up\.$/,
    );
    expect(checks['bucket.exists']!.hint).toBe('Create it (lab 2, step 1): aws s3 mb s3://iotlab-datalake-000000000000');
    expect(checks['lake.objects']!.status).toBe('skip');
    expect(checks['lake.no-errors']!.status).toBe('skip');
    await repair();
    // The buffered records are delivered on the next retry; errors logged before it no longer count.
    await until('the retried delivery', async () => ((await objectKeys(s3, BUCKET, 'telemetry/')).length > 0 ? true : undefined), 30_000);
    expect((await check()).checks['lake.no-errors']).toMatchObject({ status: 'pass', message: 'No error records under s3://iotlab-datalake-000000000000/errors/ and no delivery errors logged.' });
  }, 90_000);
});
