// Firehose control plane over the wire with @aws-sdk/client-firehose at default settings: every operation
// and its main errors, in AWS's shapes and words.

import { beforeAll, describe, expect, it } from 'vitest';
import {
  CreateDeliveryStreamCommand,
  DeleteDeliveryStreamCommand,
  DescribeDeliveryStreamCommand,
  FirehoseClient,
  ListDeliveryStreamsCommand,
  ListTagsForDeliveryStreamCommand,
  PutRecordBatchCommand,
  PutRecordCommand,
  TagDeliveryStreamCommand,
  UntagDeliveryStreamCommand,
  UpdateDestinationCommand,
} from '@aws-sdk/client-firehose';
import { ManualClock } from '../../sandbox/index.js';
import { useSandbox } from './support.js';
import { createFirehoseRole } from './service-roles.js';

const ROLE = 'arn:aws:iam::000000000000:role/firehose-role';
const s3 = (bucket = 'lake', extra: Record<string, unknown> = {}) => ({ RoleARN: ROLE, BucketARN: `arn:aws:s3:::${bucket}`, ...extra });

describe('Firehose control plane', () => {
  const sb = useSandbox();
  beforeAll(async () => {
    await createFirehoseRole(sb.config());
  });
  const client = () => new FirehoseClient(sb.config());

  it('creates, describes with AWS defaults, and refuses a duplicate name', async () => {
    const fh = client();
    const created = await fh.send(new CreateDeliveryStreamCommand({ DeliveryStreamName: 'plain', S3DestinationConfiguration: s3() }));
    expect(created.DeliveryStreamARN).toBe('arn:aws:firehose:us-east-1:000000000000:deliverystream/plain');
    const { DeliveryStreamDescription: d } = await fh.send(new DescribeDeliveryStreamCommand({ DeliveryStreamName: 'plain' }));
    expect(d).toMatchObject({
      DeliveryStreamName: 'plain',
      DeliveryStreamStatus: 'ACTIVE',
      DeliveryStreamType: 'DirectPut',
      VersionId: '1',
      HasMoreDestinations: false,
      DeliveryStreamEncryptionConfiguration: { Status: 'DISABLED' },
    });
    expect(d!.CreateTimestamp).toBeInstanceOf(Date);
    expect(d!.Destinations).toHaveLength(1);
    const dest = d!.Destinations![0];
    expect(dest.DestinationId).toBe('destinationId-000000000001');
    expect(dest.S3DestinationDescription).toMatchObject({
      RoleARN: ROLE,
      BucketARN: 'arn:aws:s3:::lake',
      BufferingHints: { SizeInMBs: 5, IntervalInSeconds: 300 },
      CompressionFormat: 'UNCOMPRESSED',
      EncryptionConfiguration: { NoEncryptionConfig: 'NoEncryption' },
    });
    expect(dest.ExtendedS3DestinationDescription).toMatchObject({ BucketARN: 'arn:aws:s3:::lake', S3BackupMode: 'Disabled' });
    await expect(fh.send(new CreateDeliveryStreamCommand({ DeliveryStreamName: 'plain', S3DestinationConfiguration: s3() }))).rejects.toMatchObject({
      name: 'ResourceInUseException',
      message: 'Firehose plain under account 000000000000 already exists.',
    });
  });

  it('validates input with lowerCamel paths and AWS semantic rules', async () => {
    const fh = client();
    await expect(
      fh.send(
        new CreateDeliveryStreamCommand({
          DeliveryStreamName: 'bad name',
          ExtendedS3DestinationConfiguration: { ...s3(), BufferingHints: { SizeInMBs: 129, IntervalInSeconds: 901 } },
        }),
      ),
    ).rejects.toMatchObject({
      name: 'ValidationException',
      message:
        "3 validation errors detected: Value 'bad name' at 'deliveryStreamName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+; " +
        "Value '129' at 'extendedS3DestinationConfiguration.bufferingHints.sizeInMBs' failed to satisfy constraint: Member must have value less than or equal to 128; " +
        "Value '901' at 'extendedS3DestinationConfiguration.bufferingHints.intervalInSeconds' failed to satisfy constraint: Member must have value less than or equal to 900",
    });
    await expect(
      fh.send(new CreateDeliveryStreamCommand({ DeliveryStreamName: 'expr', ExtendedS3DestinationConfiguration: { ...s3(), Prefix: 'data/!{timestamp:yyyy}/' } })),
    ).rejects.toMatchObject({ name: 'InvalidArgumentException', message: "ErrorOutputPrefix can't be null when Prefix contains expressions" });
    await expect(fh.send(new CreateDeliveryStreamCommand({ DeliveryStreamName: 'nodest' }))).rejects.toMatchObject({ name: 'InvalidArgumentException' });
    await expect(
      fh.send(new CreateDeliveryStreamCommand({ DeliveryStreamName: 'zip', S3DestinationConfiguration: { ...s3(), CompressionFormat: 'ZIP' } })),
    ).rejects.toMatchObject({ name: 'InvalidArgumentException', message: expect.stringContaining('does not emulate CompressionFormat ZIP') });
    await expect(
      fh.send(
        new CreateDeliveryStreamCommand({
          DeliveryStreamName: 'kin',
          DeliveryStreamType: 'KinesisStreamAsSource',
          S3DestinationConfiguration: s3(),
        }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidArgumentException', message: expect.stringContaining('KinesisStreamSourceConfiguration is required') });
    await expect(
      fh.send(
        new CreateDeliveryStreamCommand({
          DeliveryStreamName: 'kin',
          DeliveryStreamType: 'KinesisStreamAsSource',
          KinesisStreamSourceConfiguration: { KinesisStreamARN: 'arn:aws:kinesis:us-east-1:000000000000:stream/missing', RoleARN: ROLE },
          S3DestinationConfiguration: s3(),
        }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidArgumentException' });
    await expect(fh.send(new DescribeDeliveryStreamCommand({ DeliveryStreamName: 'nope' }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'Firehose nope under account 000000000000 not found.',
    });
  });

  it('lists alphabetically with Limit, ExclusiveStartDeliveryStreamName and the type filter', async () => {
    const fh = client();
    for (const name of ['list-c', 'list-a', 'list-b']) {
      await fh.send(new CreateDeliveryStreamCommand({ DeliveryStreamName: name, DeliveryStreamType: 'DirectPut', S3DestinationConfiguration: s3() }));
    }
    const first = await fh.send(new ListDeliveryStreamsCommand({ Limit: 2, ExclusiveStartDeliveryStreamName: 'list' }));
    expect(first).toMatchObject({ DeliveryStreamNames: ['list-a', 'list-b'], HasMoreDeliveryStreams: true });
    const rest = await fh.send(new ListDeliveryStreamsCommand({ ExclusiveStartDeliveryStreamName: 'list-b' }));
    expect(rest.DeliveryStreamNames).toContain('list-c');
    expect(rest.DeliveryStreamNames).not.toContain('list-b');
    const kinesisOnly = await fh.send(new ListDeliveryStreamsCommand({ DeliveryStreamType: 'KinesisStreamAsSource' }));
    expect(kinesisOnly).toMatchObject({ DeliveryStreamNames: [], HasMoreDeliveryStreams: false });
  });

  it('accepts PutRecord and PutRecordBatch within the limits and refuses beyond them', async () => {
    const fh = client();
    await fh.send(new CreateDeliveryStreamCommand({ DeliveryStreamName: 'puts', S3DestinationConfiguration: s3() }));
    const one = await fh.send(new PutRecordCommand({ DeliveryStreamName: 'puts', Record: { Data: Buffer.from('{"a":1}') } }));
    expect(one.RecordId!.length).toBeGreaterThan(20);
    expect(one.Encrypted).toBe(false);
    const batch = await fh.send(new PutRecordBatchCommand({ DeliveryStreamName: 'puts', Records: [{ Data: Buffer.from('x') }, { Data: Buffer.from('y') }] }));
    expect(batch.FailedPutCount).toBe(0);
    expect(batch.RequestResponses!.map((r) => typeof r.RecordId)).toEqual(['string', 'string']);
    const tooMany = Array.from({ length: 501 }, () => ({ Data: Buffer.from('z') }));
    await expect(fh.send(new PutRecordBatchCommand({ DeliveryStreamName: 'puts', Records: tooMany }))).rejects.toMatchObject({
      name: 'ValidationException',
      message: expect.stringContaining("at 'records' failed to satisfy constraint: Member must have length less than or equal to 500"),
    });
    await expect(fh.send(new PutRecordCommand({ DeliveryStreamName: 'puts', Record: { Data: Buffer.alloc(1_024_001) } }))).rejects.toMatchObject({
      name: 'ValidationException',
      message: expect.stringContaining("at 'record.data' failed to satisfy constraint: Member must have length less than or equal to 1024000"),
    });
    const fiveMiB = Array.from({ length: 5 }, () => ({ Data: Buffer.alloc(1_000_000) }));
    await expect(fh.send(new PutRecordBatchCommand({ DeliveryStreamName: 'puts', Records: fiveMiB }))).rejects.toMatchObject({ name: 'InvalidArgumentException' });
    await expect(fh.send(new PutRecordCommand({ DeliveryStreamName: 'ghost', Record: { Data: Buffer.from('x') } }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
  });

  it('updates the destination only at the current version, and bumps it', async () => {
    const fh = client();
    await fh.send(new CreateDeliveryStreamCommand({ DeliveryStreamName: 'upd', ExtendedS3DestinationConfiguration: s3('lake', { CompressionFormat: 'GZIP' }) }));
    const update = (version: string) =>
      fh.send(
        new UpdateDestinationCommand({
          DeliveryStreamName: 'upd',
          CurrentDeliveryStreamVersionId: version,
          DestinationId: 'destinationId-000000000001',
          ExtendedS3DestinationUpdate: { Prefix: 'v2/', BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 60 } },
        }),
      );
    await update('1');
    await expect(update('1')).rejects.toMatchObject({
      name: 'ConcurrentModificationException',
      message: 'Cannot update firehose: upd since the current version id: 2 and the specified version id: 1 do not match',
    });
    const { DeliveryStreamDescription: d } = await fh.send(new DescribeDeliveryStreamCommand({ DeliveryStreamName: 'upd' }));
    expect(d!.VersionId).toBe('2');
    expect(d!.LastUpdateTimestamp).toBeInstanceOf(Date);
    expect(d!.Destinations![0].ExtendedS3DestinationDescription).toMatchObject({
      Prefix: 'v2/',
      CompressionFormat: 'GZIP',
      BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 60 },
    });
    await expect(
      fh.send(new UpdateDestinationCommand({ DeliveryStreamName: 'upd', CurrentDeliveryStreamVersionId: '2', DestinationId: 'destinationId-9', S3DestinationUpdate: {} })),
    ).rejects.toMatchObject({ name: 'InvalidArgumentException' });
  });

  it('tags, lists tags in pages and untags', async () => {
    const fh = client();
    await fh.send(new CreateDeliveryStreamCommand({ DeliveryStreamName: 'tagged', S3DestinationConfiguration: s3(), Tags: [{ Key: 'workshop', Value: 'iot-pipeline-labs' }] }));
    await fh.send(new TagDeliveryStreamCommand({ DeliveryStreamName: 'tagged', Tags: [{ Key: 'b', Value: '2' }, { Key: 'a', Value: '1' }] }));
    const page = await fh.send(new ListTagsForDeliveryStreamCommand({ DeliveryStreamName: 'tagged', Limit: 2 }));
    expect(page).toMatchObject({ Tags: [{ Key: 'a', Value: '1' }, { Key: 'b', Value: '2' }], HasMoreTags: true });
    const next = await fh.send(new ListTagsForDeliveryStreamCommand({ DeliveryStreamName: 'tagged', ExclusiveStartTagKey: 'b' }));
    expect(next).toMatchObject({ Tags: [{ Key: 'workshop', Value: 'iot-pipeline-labs' }], HasMoreTags: false });
    await fh.send(new UntagDeliveryStreamCommand({ DeliveryStreamName: 'tagged', TagKeys: ['a', 'workshop'] }));
    const left = await fh.send(new ListTagsForDeliveryStreamCommand({ DeliveryStreamName: 'tagged' }));
    expect(left.Tags).toEqual([{ Key: 'b', Value: '2' }]);
    const tooMany = Array.from({ length: 50 }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
    await expect(fh.send(new TagDeliveryStreamCommand({ DeliveryStreamName: 'tagged', Tags: tooMany }))).rejects.toMatchObject({ name: 'LimitExceededException' });
  });

  it('deletes a stream', async () => {
    const fh = client();
    await fh.send(new CreateDeliveryStreamCommand({ DeliveryStreamName: 'gone', S3DestinationConfiguration: s3() }));
    await fh.send(new DeleteDeliveryStreamCommand({ DeliveryStreamName: 'gone' }));
    await expect(fh.send(new DescribeDeliveryStreamCommand({ DeliveryStreamName: 'gone' }))).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    await expect(fh.send(new DeleteDeliveryStreamCommand({ DeliveryStreamName: 'gone' }))).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });
});

describe('Firehose provisioning', () => {
  const clock = new ManualClock();
  const sb = useSandbox({ clock, provisioningDelayMs: 5000 });
  beforeAll(async () => {
    await createFirehoseRole(sb.config());
  });

  it('is CREATING until the provisioning delay has passed, refusing puts and deletes meanwhile', async () => {
    const fh = new FirehoseClient(sb.config());
    await fh.send(new CreateDeliveryStreamCommand({ DeliveryStreamName: 'slow', S3DestinationConfiguration: s3() }));
    const status = async () => (await fh.send(new DescribeDeliveryStreamCommand({ DeliveryStreamName: 'slow' }))).DeliveryStreamDescription!.DeliveryStreamStatus;
    expect(await status()).toBe('CREATING');
    await expect(fh.send(new PutRecordCommand({ DeliveryStreamName: 'slow', Record: { Data: Buffer.from('x') } }))).rejects.toMatchObject({ name: 'ResourceInUseException' });
    await expect(fh.send(new DeleteDeliveryStreamCommand({ DeliveryStreamName: 'slow' }))).rejects.toMatchObject({ name: 'ResourceInUseException' });
    clock.advance(5000);
    expect(await status()).toBe('ACTIVE');
  });
});
