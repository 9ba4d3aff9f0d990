// Firehose from outside the test process: records acknowledged but not yet delivered survive kill -9 of a
// sandbox process on a data directory and are delivered after restart, a Kinesis source resumes from its
// persisted position, and the AWS CLI (v1 on PATH, v2 if Debian's is installed) creates a stream and puts
// a record that lands in S3.

import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { CreateDeliveryStreamCommand, FirehoseClient, PutRecordBatchCommand, PutRecordCommand } from '@aws-sdk/client-firehose';
import { CreateBucketCommand, GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { CreateStreamCommand, KinesisClient, PutRecordsCommand, waitUntilStreamExists } from '@aws-sdk/client-kinesis';
import { CloudWatchClient, GetMetricStatisticsCommand } from '@aws-sdk/client-cloudwatch';
import { ManualClock } from '../../sandbox/index.js';
import { firehoseApi } from '../../sandbox/services/firehose/service.js';
import { clientConfig, useSandbox } from './support.js';
import { createFirehoseRole } from './service-roles.js';
import { killHard, useChildSandboxes } from './child-sandbox.js';
import { awsCli, requireAwsCli, type AwsCliName } from './aws-cli.js';

const ROLE = 'arn:aws:iam::000000000000:role/firehose-role';

async function readObjects(s3: S3Client, bucket: string): Promise<Buffer[]> {
  const listed = await s3.send(new ListObjectsV2Command({ Bucket: bucket }));
  const bodies = [];
  for (const o of listed.Contents ?? []) {
    const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: o.Key! }));
    bodies.push(Buffer.from(await got.Body!.transformToByteArray()));
  }
  return bodies;
}

describe('Firehose crash and restart', () => {
  const sandboxes = useChildSandboxes();

  it('delivers after restart what was acknowledged before kill -9', async () => {
    const dataDir = sandboxes.tempDir('firehose-crash-');
    const first = await sandboxes.start(dataDir);
    const s3 = new S3Client({ ...clientConfig(first.endpoint), forcePathStyle: true });
    const fh = new FirehoseClient(clientConfig(first.endpoint));
    await s3.send(new CreateBucketCommand({ Bucket: 'crash-lake' }));
    await createFirehoseRole(clientConfig(first.endpoint));
    await fh.send(
      new CreateDeliveryStreamCommand({
        DeliveryStreamName: 'crashy',
        ExtendedS3DestinationConfiguration: {
          RoleARN: ROLE,
          BucketARN: 'arn:aws:s3:::crash-lake',
          CompressionFormat: 'GZIP',
          BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 60 },
        },
      }),
    );
    const sent = Array.from({ length: 120 }, (_, i) => `{"DEVICE_NAME":"dev${i}","HUMIDITY":${i}}`);
    await fh.send(new PutRecordBatchCommand({ DeliveryStreamName: 'crashy', Records: sent.slice(0, 100).map((r) => ({ Data: Buffer.from(r) })) }));
    for (const r of sent.slice(100)) await fh.send(new PutRecordCommand({ DeliveryStreamName: 'crashy', Record: { Data: Buffer.from(r) } }));
    expect(await readObjects(s3, 'crash-lake')).toHaveLength(0);
    await killHard(first.child);

    // 60 s scaled by 0.01: the recovered records are overdue at once.
    const second = await sandboxes.start(dataDir, { args: ['--firehose-interval-scale', '0.01'] });
    const s3again = new S3Client({ ...clientConfig(second.endpoint), forcePathStyle: true });
    let bodies: Buffer[] = [];
    for (let i = 0; i < 100 && bodies.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
      bodies = await readObjects(s3again, 'crash-lake');
    }
    expect(bodies).toHaveLength(1);
    expect(gunzipSync(bodies[0]).toString()).toBe(sent.join(''));
    second.child.kill('SIGTERM');
  }, 90_000);

  it('continues a Kinesis source from its persisted position after kill -9: nothing lost, nothing read twice', async () => {
    const kinesisDir = sandboxes.tempDir('firehose-kinesis-');
    const first = await sandboxes.start(kinesisDir);
    const config = clientConfig(first.endpoint);
    const kinesis = new KinesisClient(config);
    await new S3Client({ ...config, forcePathStyle: true }).send(new CreateBucketCommand({ Bucket: 'kinesis-lake' }));
    await createFirehoseRole(config);
    await kinesis.send(new CreateStreamCommand({ StreamName: 'readings', ShardCount: 2 }));
    await waitUntilStreamExists({ client: kinesis, maxWaitTime: 30 }, { StreamName: 'readings' });
    await new FirehoseClient(config).send(
      new CreateDeliveryStreamCommand({
        DeliveryStreamName: 'from-readings',
        DeliveryStreamType: 'KinesisStreamAsSource',
        KinesisStreamSourceConfiguration: { KinesisStreamARN: 'arn:aws:kinesis:us-east-1:000000000000:stream/readings', RoleARN: ROLE },
        ExtendedS3DestinationConfiguration: { RoleARN: ROLE, BucketARN: 'arn:aws:s3:::kinesis-lake', BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 60 } },
      }),
    );
    const before = Array.from({ length: 5 }, (_, i) => ({ PartitionKey: `p${i}`, Data: Buffer.from(`{"before":${i}}`) }));
    await kinesis.send(new PutRecordsCommand({ StreamName: 'readings', Records: before }));
    // Firehose polls each shard once a second: wait until it has read all five, then crash.
    const cloudwatch = new CloudWatchClient(config);
    let read = 0;
    for (let i = 0; i < 50 && read < 5; i++) {
      await new Promise((r) => setTimeout(r, 200));
      const stats = await cloudwatch.send(
        new GetMetricStatisticsCommand({
          Namespace: 'AWS/Firehose',
          MetricName: 'DataReadFromKinesisStream.Records',
          Dimensions: [{ Name: 'DeliveryStreamName', Value: 'from-readings' }],
          StartTime: new Date(Date.now() - 3600_000),
          EndTime: new Date(Date.now() + 3600_000),
          Period: 60,
          Statistics: ['Sum'],
        }),
      );
      read = (stats.Datapoints ?? []).reduce((n, p) => n + (p.Sum ?? 0), 0);
    }
    expect(read).toBe(5);
    await killHard(first.child);

    const second = await sandboxes.start(kinesisDir, { args: ['--firehose-interval-scale', '0.01'] });
    const again = clientConfig(second.endpoint);
    const after = [{ PartitionKey: 'late', Data: Buffer.from('{"after":1}') }];
    await new KinesisClient(again).send(new PutRecordsCommand({ StreamName: 'readings', Records: after }));
    const s3 = new S3Client({ ...again, forcePathStyle: true });
    let delivered = '';
    for (let i = 0; i < 100 && delivered.split('}{').length < 6; i++) {
      await new Promise((r) => setTimeout(r, 100));
      delivered = (await readObjects(s3, 'kinesis-lake')).map(String).join('');
    }
    const values = delivered.replace(/}{/g, '}\n{').split('\n').sort();
    expect(values).toEqual([...before, ...after].map((r) => r.Data.toString()).sort());
    second.child.kill('SIGTERM');
  }, 90_000);
});

describe('Firehose with the AWS CLI', () => {
  const clock = new ManualClock();
  const sb = useSandbox({ clock });
  beforeAll(async () => {
    await createFirehoseRole(sb.config());
  });
  const RECORD = JSON.stringify({ Data: '{"DEVICE_NAME":"cli"}' });
  // CLI v2 reads blobs as base64 unless told otherwise.
  const recordArgs = { v1: ['--record', RECORD], v2: ['--cli-binary-format', 'raw-in-base64-out', '--record', RECORD] };

  for (const name of ['v1', 'v2'] as AwsCliName[]) {
    it(`creates a stream and puts a record with AWS CLI ${name}`, async (ctx) => {
      const aws = awsCli(requireAwsCli(ctx, name), sb).json;
      const stream = `cli-${name}`;
      const bucket = `cli-lake-${name}`;
      await new S3Client({ ...sb.config(), forcePathStyle: true }).send(new CreateBucketCommand({ Bucket: bucket }));
      const created = await aws(
        'firehose',
        'create-delivery-stream',
        '--delivery-stream-name',
        stream,
        '--extended-s3-destination-configuration',
        JSON.stringify({ RoleARN: ROLE, BucketARN: `arn:aws:s3:::${bucket}`, BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 60 } }),
      );
      expect(created.DeliveryStreamARN).toBe(`arn:aws:firehose:us-east-1:000000000000:deliverystream/${stream}`);
      const put = await aws('firehose', 'put-record', '--delivery-stream-name', stream, ...recordArgs[name]);
      expect(put.RecordId).toEqual(expect.any(String));
      const described = await aws('firehose', 'describe-delivery-stream', '--delivery-stream-name', stream);
      expect(described.DeliveryStreamDescription.DeliveryStreamStatus).toBe('ACTIVE');
      clock.advance(60_000);
      await firehoseApi(sb.running.sandbox).runDeliveryCheck();
      const bodies = await readObjects(new S3Client({ ...sb.config(), forcePathStyle: true }), bucket);
      expect(bodies.map(String)).toEqual(['{"DEVICE_NAME":"cli"}']);
    }, 60_000);
  }
});
