// Firehose delivery over the wire: buffering by size and by interval (ManualClock, no sleeping), GZIP
// objects that decompress to exactly the records sent, AWS's key format, custom prefixes, exact metrics,
// the bucket-gone path (retry, then error records), and a Kinesis stream read as a real consumer.

import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import {
  CreateDeliveryStreamCommand,
  DescribeDeliveryStreamCommand,
  FirehoseClient,
  PutRecordBatchCommand,
  PutRecordCommand,
  UpdateDestinationCommand,
} from '@aws-sdk/client-firehose';
import { CreateBucketCommand, DeleteBucketCommand, DeleteObjectCommand, GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { CloudWatchClient, GetMetricStatisticsCommand } from '@aws-sdk/client-cloudwatch';
import { CreateStreamCommand, KinesisClient, PutRecordCommand as KinesisPutRecordCommand, PutRecordsCommand } from '@aws-sdk/client-kinesis';
import { ManualClock } from '../../sandbox/index.js';
import { firehoseApi } from '../../sandbox/services/firehose/service.js';
import { useSandbox } from './support.js';
import { createFirehoseRole } from './service-roles.js';

const ROLE = 'arn:aws:iam::000000000000:role/firehose-role';
const START = Date.UTC(2026, 10, 28, 10, 0, 0);
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
/** `YYYY/MM/DD/HH/<stream>-<version>-YYYY-MM-DD-HH-MM-SS-<uuid>.gz` as the DESIGN facts state it. */
const keyPattern = (stream: string, version = 1, prefix = '\\d{4}/\\d{2}/\\d{2}/\\d{2}/', ext = '\\.gz') =>
  new RegExp(`^${prefix}${stream}-${version}-\\d{4}-\\d{2}-\\d{2}-\\d{2}-\\d{2}-\\d{2}-${UUID}${ext}$`);

const reading = (i: number) => JSON.stringify({ DEVICE_NAME: `dev${i % 3}`, TIMESTAMP: '2026-11-28T10:15:00', HUMIDITY: 40 + (i % 20), TEMPERATURE: 20 + (i % 10) });

describe('Firehose delivery to S3', () => {
  const clock = new ManualClock(START);
  const sb = useSandbox({ clock });
  beforeAll(async () => {
    await createFirehoseRole(sb.config());
  });
  const fh = () => new FirehoseClient(sb.config());
  const s3 = () => new S3Client({ ...sb.config(), forcePathStyle: true });
  const runCheck = () => firehoseApi(sb.running.sandbox).runDeliveryCheck();

  async function objects(bucket: string, prefix?: string): Promise<{ key: string; body: Buffer }[]> {
    const listed = await s3().send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }));
    const out = [];
    for (const o of listed.Contents ?? []) {
      const got = await s3().send(new GetObjectCommand({ Bucket: bucket, Key: o.Key! }));
      out.push({ key: o.Key!, body: Buffer.from(await got.Body!.transformToByteArray()) });
    }
    return out;
  }

  async function createStream(name: string, bucket: string, destination: Record<string, unknown> = {}) {
    await fh().send(
      new CreateDeliveryStreamCommand({
        DeliveryStreamName: name,
        ExtendedS3DestinationConfiguration: { RoleARN: ROLE, BucketARN: `arn:aws:s3:::${bucket}`, BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 60 }, ...destination },
      }),
    );
  }

  async function metricSum(stream: string, name: string): Promise<{ sum: number; samples: number }> {
    const cw = new CloudWatchClient(sb.config());
    const res = await cw.send(
      new GetMetricStatisticsCommand({
        Namespace: 'AWS/Firehose',
        MetricName: name,
        Dimensions: [{ Name: 'DeliveryStreamName', Value: stream }],
        StartTime: new Date(START - 3600_000),
        EndTime: new Date(START + 3 * 86400_000),
        Period: 86400,
        Statistics: ['Sum', 'SampleCount'],
      }),
    );
    const points = res.Datapoints ?? [];
    return { sum: points.reduce((n, p) => n + (p.Sum ?? 0), 0), samples: points.reduce((n, p) => n + (p.SampleCount ?? 0), 0) };
  }

  it('delivers by size before the interval (1 MB / 60 s), the rest by interval, GZIP decompressing to exactly the records sent', async () => {
    await s3().send(new CreateBucketCommand({ Bucket: 'by-size' }));
    await createStream('sized', 'by-size', { CompressionFormat: 'GZIP' });
    const records = Array.from({ length: 12 }, (_, i) => Buffer.alloc(100_000, String.fromCharCode(97 + i)));
    for (let i = 0; i < 12; i += 4) {
      await fh().send(new PutRecordBatchCommand({ DeliveryStreamName: 'sized', Records: records.slice(i, i + 4).map((Data) => ({ Data })) }));
    }
    await runCheck();
    const bySize = await objects('by-size');
    expect(bySize).toHaveLength(1);
    expect(gunzipSync(bySize[0].body).equals(Buffer.concat(records.slice(0, 10)))).toBe(true);

    clock.advance(59_000);
    await runCheck();
    expect(await objects('by-size')).toHaveLength(1);
    clock.advance(1_000);
    await runCheck();
    const all = await objects('by-size');
    expect(all).toHaveLength(2);
    const rest = all.find((o) => o.key !== bySize[0].key)!;
    expect([...rest.body.subarray(0, 2)]).toEqual([0x1f, 0x8b]);
    expect(gunzipSync(rest.body).equals(Buffer.concat(records.slice(10)))).toBe(true);
    for (const o of all) expect(o.key).toMatch(keyPattern('sized'));
  });

  it('delivers small puts by interval only, keyed by the oldest record time in UTC, records concatenated as sent', async () => {
    clock.set(START);
    await s3().send(new CreateBucketCommand({ Bucket: 'by-interval' }));
    await createStream('timed', 'by-interval', { CompressionFormat: 'GZIP' });
    const sent = [reading(1), reading(2), reading(3)];
    await fh().send(new PutRecordCommand({ DeliveryStreamName: 'timed', Record: { Data: Buffer.from(sent[0]) } }));
    clock.advance(30_000);
    await fh().send(new PutRecordBatchCommand({ DeliveryStreamName: 'timed', Records: sent.slice(1).map((r) => ({ Data: Buffer.from(r) })) }));
    clock.advance(29_999);
    await runCheck();
    expect(await objects('by-interval')).toHaveLength(0);
    clock.advance(1);
    await runCheck();
    const [object, ...more] = await objects('by-interval');
    expect(more).toHaveLength(0);
    expect(object.key).toMatch(new RegExp(`^2026/11/28/10/timed-1-2026-11-28-10-00-00-${UUID}\\.gz$`));
    expect(gunzipSync(object.body).toString()).toBe(sent.join(''));
  });

  it('writes UNCOMPRESSED objects without extension, and AppendDelimiterToRecord adds a newline per record', async () => {
    await s3().send(new CreateBucketCommand({ Bucket: 'plain-bucket' }));
    await createStream('plain', 'plain-bucket', { BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 0 } });
    await createStream('lines', 'plain-bucket', {
      Prefix: 'lines/',
      BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 0 },
      ProcessingConfiguration: { Enabled: true, Processors: [{ Type: 'AppendDelimiterToRecord' }] },
    });
    for (const name of ['plain', 'lines']) {
      await fh().send(new PutRecordBatchCommand({ DeliveryStreamName: name, Records: [{ Data: Buffer.from('{"a":1}') }, { Data: Buffer.from('{"a":2}') }] }));
    }
    await runCheck();
    const [plain] = await objects('plain-bucket', '2026/');
    expect(plain.key).toMatch(keyPattern('plain', 1, '2026/11/28/\\d{2}/', ''));
    expect(plain.body.toString()).toBe('{"a":1}{"a":2}');
    const [lines] = await objects('plain-bucket', 'lines/');
    expect(lines.key).toMatch(keyPattern('lines', 1, 'lines/2026/11/28/\\d{2}/', ''));
    expect(lines.body.toString()).toBe('{"a":1}\n{"a":2}\n');
  });

  it('evaluates custom prefixes, without the default time folders, and uses the new version after UpdateDestination', async () => {
    clock.set(START);
    await s3().send(new CreateBucketCommand({ Bucket: 'custom' }));
    await createStream('custom', 'custom', {
      Prefix: 'year=!{timestamp:yyyy}/month=!{timestamp:MM}/day=!{timestamp:dd}/r=!{firehose:random-string}/',
      ErrorOutputPrefix: 'errors/!{firehose:error-output-type}/',
      CompressionFormat: 'GZIP',
    });
    await fh().send(new PutRecordCommand({ DeliveryStreamName: 'custom', Record: { Data: Buffer.from(reading(1)) } }));
    clock.advance(60_000);
    await runCheck();
    const [first] = await objects('custom');
    expect(first.key).toMatch(keyPattern('custom', 1, 'year=2026/month=11/day=28/r=[0-9a-f]{11}/'));

    await fh().send(
      new UpdateDestinationCommand({
        DeliveryStreamName: 'custom',
        CurrentDeliveryStreamVersionId: '1',
        DestinationId: 'destinationId-000000000001',
        ExtendedS3DestinationUpdate: { Prefix: 'raw/', ErrorOutputPrefix: '' },
      }),
    );
    await fh().send(new PutRecordCommand({ DeliveryStreamName: 'custom', Record: { Data: Buffer.from(reading(2)) } }));
    clock.advance(60_000);
    await runCheck();
    const [second] = await objects('custom', 'raw/');
    expect(second.key).toMatch(keyPattern('custom', 2, 'raw/2026/11/28/10/'));
  });

  it('counts AWS/Firehose metrics exactly', async () => {
    await s3().send(new CreateBucketCommand({ Bucket: 'metered' }));
    await createStream('metered', 'metered', { BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 60 } });
    const batch = Array.from({ length: 7 }, (_, i) => ({ Data: Buffer.from(reading(i)) }));
    const batchBytes = batch.reduce((n, r) => n + r.Data.length, 0);
    await fh().send(new PutRecordBatchCommand({ DeliveryStreamName: 'metered', Records: batch }));
    await fh().send(new PutRecordCommand({ DeliveryStreamName: 'metered', Record: { Data: Buffer.from('12345') } }));
    clock.advance(60_000);
    await runCheck();
    expect(await metricSum('metered', 'IncomingRecords')).toMatchObject({ sum: 8 });
    expect(await metricSum('metered', 'IncomingBytes')).toMatchObject({ sum: batchBytes + 5 });
    expect(await metricSum('metered', 'IncomingPutRequests')).toMatchObject({ sum: 2 });
    expect(await metricSum('metered', 'PutRecordBatch.Records')).toMatchObject({ sum: 7 });
    expect(await metricSum('metered', 'PutRecordBatch.Bytes')).toMatchObject({ sum: batchBytes });
    expect(await metricSum('metered', 'PutRecord.Records')).toMatchObject({ sum: 1 });
    expect(await metricSum('metered', 'PutRecord.Bytes')).toMatchObject({ sum: 5 });
    expect((await metricSum('metered', 'PutRecord.Latency')).samples).toBe(1);
    expect(await metricSum('metered', 'DeliveryToS3.Records')).toMatchObject({ sum: 8 });
    expect(await metricSum('metered', 'DeliveryToS3.Bytes')).toMatchObject({ sum: batchBytes + 5 });
    expect(await metricSum('metered', 'DeliveryToS3.Success')).toMatchObject({ sum: 1, samples: 1 });
    expect(await metricSum('metered', 'DeliveryToS3.DataFreshness')).toMatchObject({ sum: 60, samples: 1 });
  });

  it('retries while the bucket is gone, delivers when it is back, and after the retry window writes error records under the error prefix', async () => {
    const warn = vi.spyOn(sb.running.sandbox, 'warn');
    await s3().send(new CreateBucketCommand({ Bucket: 'fragile' }));
    await createStream('fragile', 'fragile', { ErrorOutputPrefix: 'failed/!{firehose:error-output-type}/', CompressionFormat: 'GZIP' });
    await s3().send(new DeleteBucketCommand({ Bucket: 'fragile' }));
    await fh().send(new PutRecordCommand({ DeliveryStreamName: 'fragile', Record: { Data: Buffer.from('first') } }));
    clock.advance(60_000);
    await runCheck();
    expect(warn.mock.calls.some(([m]) => /fragile: delivery to s3:\/\/fragile failed \(S3\.NoSuchBucket/.test(m))).toBe(true);
    expect(await metricSum('fragile', 'DeliveryToS3.Success')).toMatchObject({ sum: 0, samples: 1 });

    await s3().send(new CreateBucketCommand({ Bucket: 'fragile' }));
    clock.advance(1_000);
    await runCheck();
    const [delivered] = await objects('fragile');
    expect(delivered.key).toMatch(keyPattern('fragile'));
    expect(gunzipSync(delivered.body).toString()).toBe('first');

    // Gone again, now past AWS's 24 h retry window: the records end up as error records once the bucket is back.
    await s3().send(new DeleteObjectCommand({ Bucket: 'fragile', Key: delivered.key }));
    await s3().send(new DeleteBucketCommand({ Bucket: 'fragile' }));
    await fh().send(new PutRecordCommand({ DeliveryStreamName: 'fragile', Record: { Data: Buffer.from('second') } }));
    clock.advance(60_000);
    await runCheck();
    clock.advance(24 * 3600_000);
    await runCheck();
    expect(warn.mock.calls.some(([m]) => /error output in s3:\/\/fragile is unreachable too/.test(m))).toBe(true);
    await s3().send(new CreateBucketCommand({ Bucket: 'fragile' }));
    clock.advance(60_000);
    await runCheck();
    const [errorObject, ...others] = await objects('fragile', 'failed/');
    expect(others).toHaveLength(0);
    expect(errorObject.key).toMatch(keyPattern('fragile', 1, 'failed/delivery-failed/'));
    const line = JSON.parse(gunzipSync(errorObject.body).toString());
    expect(line).toMatchObject({ errorCode: 'S3.NoSuchBucket', arrivalTimestamp: expect.any(Number) });
    expect(Buffer.from(line.rawData, 'base64').toString()).toBe('second');
    warn.mockRestore();
  });

  it('reads a Kinesis source from LATEST as a real consumer, and refuses direct puts', async () => {
    const kinesis = new KinesisClient(sb.config());
    await kinesis.send(new CreateStreamCommand({ StreamName: 'source', ShardCount: 2 }));
    await kinesis.send(new KinesisPutRecordCommand({ StreamName: 'source', PartitionKey: 'before', Data: Buffer.from('before-creation') }));
    await s3().send(new CreateBucketCommand({ Bucket: 'from-kinesis' }));
    const streamArn = 'arn:aws:kinesis:us-east-1:000000000000:stream/source';
    await fh().send(
      new CreateDeliveryStreamCommand({
        DeliveryStreamName: 'from-kinesis',
        DeliveryStreamType: 'KinesisStreamAsSource',
        KinesisStreamSourceConfiguration: { KinesisStreamARN: streamArn, RoleARN: ROLE },
        ExtendedS3DestinationConfiguration: { RoleARN: ROLE, BucketARN: 'arn:aws:s3:::from-kinesis', BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 60 } },
      }),
    );
    const { DeliveryStreamDescription: d } = await fh().send(new DescribeDeliveryStreamCommand({ DeliveryStreamName: 'from-kinesis' }));
    expect(d!.DeliveryStreamType).toBe('KinesisStreamAsSource');
    expect(d!.Source?.KinesisStreamSourceDescription).toMatchObject({ KinesisStreamARN: streamArn, RoleARN: ROLE });
    await expect(fh().send(new PutRecordCommand({ DeliveryStreamName: 'from-kinesis', Record: { Data: Buffer.from('x') } }))).rejects.toMatchObject({
      name: 'InvalidArgumentException',
      message: 'This operation is not permitted on KinesisStreamAsSource delivery stream type.',
    });
    const sent = ['k1', 'k2', 'k3'].map((p) => ({ PartitionKey: p, Data: Buffer.from(`{"p":"${p}"}`) }));
    await kinesis.send(new PutRecordsCommand({ StreamName: 'source', Records: sent }));
    await runCheck();
    clock.advance(60_000);
    await runCheck();
    const delivered = await objects('from-kinesis');
    expect(delivered).toHaveLength(1);
    const body = delivered[0].body.toString();
    for (const r of sent) expect(body).toContain(r.Data.toString());
    expect(body).not.toContain('before-creation');
    expect(body.length).toBe(sent.reduce((n, r) => n + r.Data.length, 0));
    expect(await metricSum('from-kinesis', 'DataReadFromKinesisStream.Records')).toMatchObject({ sum: 3 });
    expect(await metricSum('from-kinesis', 'DataReadFromKinesisStream.Bytes')).toMatchObject({ sum: body.length });
    const cw = new CloudWatchClient(sb.config());
    const reads = await cw.send(
      new GetMetricStatisticsCommand({
        Namespace: 'AWS/Kinesis',
        MetricName: 'GetRecords.Records',
        Dimensions: [{ Name: 'StreamName', Value: 'source' }],
        StartTime: new Date(START - 3600_000),
        EndTime: new Date(START + 3 * 86400_000),
        Period: 86400,
        Statistics: ['Sum'],
      }),
    );
    expect((reads.Datapoints ?? []).reduce((n, p) => n + (p.Sum ?? 0), 0)).toBe(3);
  });
});
