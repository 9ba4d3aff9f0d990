// Kinesis Data Streams over the wire with @aws-sdk/client-kinesis at default settings (HTTP/2 to an
// http:// endpoint): every operation, its main errors, hashing, iterators, retention, resharding.

import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  AddTagsToStreamCommand,
  CreateStreamCommand,
  DecreaseStreamRetentionPeriodCommand,
  DeleteStreamCommand,
  DescribeStreamCommand,
  DescribeStreamSummaryCommand,
  GetRecordsCommand,
  GetShardIteratorCommand,
  IncreaseStreamRetentionPeriodCommand,
  KinesisClient,
  ListShardsCommand,
  ListStreamsCommand,
  ListTagsForStreamCommand,
  PutRecordCommand,
  PutRecordsCommand,
  RemoveTagsFromStreamCommand,
  UpdateMaxRecordSizeCommand,
  UpdateShardCountCommand,
  type ShardIteratorType,
} from '@aws-sdk/client-kinesis';
import { ManualClock } from '../../sandbox/index.js';
import { useSandbox } from './support.js';

const clock = new ManualClock();
const HOUR = 3_600_000;

describe('Kinesis', () => {
  const sb = useSandbox({ clock });
  const client = () => new KinesisClient(sb.config());
  let n = 0;
  const newStream = async (shards = 1, name = `stream-${++n}`) => {
    await client().send(new CreateStreamCommand({ StreamName: name, ShardCount: shards }));
    return name;
  };
  const iterator = async (StreamName: string, ShardId: string, ShardIteratorType: ShardIteratorType, extra: Record<string, unknown> = {}) =>
    (await client().send(new GetShardIteratorCommand({ StreamName, ShardId, ShardIteratorType, ...extra }))).ShardIterator!;
  const readAll = async (it: string, Limit?: number) => client().send(new GetRecordsCommand({ ShardIterator: it, Limit }));

  describe('streams', () => {
    it('creates a stream with equal hash-key ranges and describes it', async () => {
      const name = await newStream(3);
      const { StreamDescription: d } = await client().send(new DescribeStreamCommand({ StreamName: name }));
      expect(d).toMatchObject({ StreamName: name, StreamStatus: 'ACTIVE', RetentionPeriodHours: 24, HasMoreShards: false, StreamARN: `arn:aws:kinesis:us-east-1:000000000000:stream/${name}` });
      expect(d!.Shards!.map((s) => s.ShardId)).toEqual(['shardId-000000000000', 'shardId-000000000001', 'shardId-000000000002']);
      expect(d!.Shards!.map((s) => s.HashKeyRange)).toEqual([
        { StartingHashKey: '0', EndingHashKey: '113427455640312821154458202477256070484' },
        { StartingHashKey: '113427455640312821154458202477256070485', EndingHashKey: '226854911280625642308916404954512140969' },
        { StartingHashKey: '226854911280625642308916404954512140970', EndingHashKey: '340282366920938463463374607431768211455' },
      ]);
      expect(d!.Shards![0].SequenceNumberRange!.StartingSequenceNumber).toMatch(/^\d{56}$/);
      const page = await client().send(new DescribeStreamCommand({ StreamName: name, Limit: 1, ExclusiveStartShardId: 'shardId-000000000000' }));
      expect(page.StreamDescription!.Shards!.map((s) => s.ShardId)).toEqual(['shardId-000000000001']);
      expect(page.StreamDescription!.HasMoreShards).toBe(true);
    });

    it('creates ON_DEMAND streams with 4 shards and names streams by ARN', async () => {
      await client().send(new CreateStreamCommand({ StreamName: 'on-demand', StreamModeDetails: { StreamMode: 'ON_DEMAND' } }));
      const arn = 'arn:aws:kinesis:us-east-1:000000000000:stream/on-demand';
      const { StreamDescriptionSummary: s } = await client().send(new DescribeStreamSummaryCommand({ StreamARN: arn }));
      expect(s).toMatchObject({ StreamName: 'on-demand', OpenShardCount: 4, StreamModeDetails: { StreamMode: 'ON_DEMAND' }, StreamStatus: 'ACTIVE' });
      const put = await client().send(new PutRecordCommand({ StreamARN: arn, PartitionKey: 'p', Data: Buffer.from('x') }));
      expect(put.ShardId).toMatch(/^shardId-00000000000[0-3]$/);
    });

    it('answers a second CreateStream and unknown streams as AWS does', async () => {
      const name = await newStream();
      await expect(client().send(new CreateStreamCommand({ StreamName: name, ShardCount: 1 }))).rejects.toMatchObject({
        name: 'ResourceInUseException',
        message: `Stream ${name} under account 000000000000 already exists.`,
      });
      await expect(client().send(new DescribeStreamCommand({ StreamName: 'nope' }))).rejects.toMatchObject({
        name: 'ResourceNotFoundException',
        message: 'Stream nope under account 000000000000 not found.',
      });
      await expect(client().send(new CreateStreamCommand({ StreamName: 'bad name!', ShardCount: 0 }))).rejects.toMatchObject({
        name: 'ValidationException',
        message:
          "2 validation errors detected: Value 'bad name!' at 'streamName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+; " +
          "Value '0' at 'shardCount' failed to satisfy constraint: Member must have value greater than or equal to 1",
      });
      await expect(client().send(new CreateStreamCommand({ StreamName: 'huge', ShardCount: 100000 }))).rejects.toMatchObject({
        name: 'LimitExceededException',
        message: expect.stringMatching(/^This request would exceed the shard limit for the account 000000000000 in us-east-1\. Current shard count for the account: \d+\. Limit: 500\. Number of additional shards that would have resulted from this request: 100000\./),
      });
    });

    it('lists streams with summaries, paged by Limit, ExclusiveStartStreamName and NextToken', async () => {
      for (const name of ['list-a', 'list-b', 'list-c']) await newStream(1, name);
      const all = await client().send(new ListStreamsCommand({}));
      expect(all.StreamNames).toEqual([...all.StreamNames!].sort());
      expect(all.StreamNames).toEqual(expect.arrayContaining(['list-a', 'list-b', 'list-c']));
      expect(all.StreamSummaries!.find((s) => s.StreamName === 'list-a')).toMatchObject({ StreamStatus: 'ACTIVE', StreamARN: expect.stringContaining(':stream/list-a') });
      const first = await client().send(new ListStreamsCommand({ Limit: 1, ExclusiveStartStreamName: 'list-a' }));
      expect(first).toMatchObject({ StreamNames: ['list-b'], HasMoreStreams: true });
      const second = await client().send(new ListStreamsCommand({ Limit: 1, NextToken: first.NextToken }));
      expect(second.StreamNames).toEqual(['list-c']);
    });

    it('lists shards with MaxResults/NextToken, ExclusiveStartShardId and ShardFilter', async () => {
      const name = await newStream(3);
      const page = await client().send(new ListShardsCommand({ StreamName: name, MaxResults: 2 }));
      expect(page.Shards!.map((s) => s.ShardId)).toEqual(['shardId-000000000000', 'shardId-000000000001']);
      const rest = await client().send(new ListShardsCommand({ NextToken: page.NextToken }));
      expect(rest.Shards!.map((s) => s.ShardId)).toEqual(['shardId-000000000002']);
      expect(rest.NextToken).toBeUndefined();
      const after = await client().send(new ListShardsCommand({ StreamName: name, ExclusiveStartShardId: 'shardId-000000000000' }));
      expect(after.Shards).toHaveLength(2);
      const filtered = await client().send(new ListShardsCommand({ StreamName: name, ShardFilter: { Type: 'AFTER_SHARD_ID', ShardId: 'shardId-000000000001' } }));
      expect(filtered.Shards!.map((s) => s.ShardId)).toEqual(['shardId-000000000002']);
      await expect(client().send(new ListShardsCommand({ StreamName: name, NextToken: page.NextToken }))).rejects.toMatchObject({
        name: 'InvalidArgumentException',
        message: 'NextToken and StreamName cannot be provided together.',
      });
    });

    it('deletes a stream and its records', async () => {
      const name = await newStream();
      await client().send(new PutRecordCommand({ StreamName: name, PartitionKey: 'a', Data: Buffer.from('gone') }));
      await client().send(new DeleteStreamCommand({ StreamName: name }));
      await expect(client().send(new DescribeStreamSummaryCommand({ StreamName: name }))).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
      await expect(client().send(new DeleteStreamCommand({ StreamName: name }))).rejects.toMatchObject({
        message: `Stream ${name} under account 000000000000 not found.`,
      });
      await newStream(1, name);
      const records = await readAll(await iterator(name, 'shardId-000000000000', 'TRIM_HORIZON'));
      expect(records.Records).toEqual([]);
    });
  });

  describe('records', () => {
    it('hashes partition keys with MD5 onto the shard whose range holds the key, and honours ExplicitHashKey', async () => {
      const name = await newStream(4);
      const { StreamDescription: d } = await client().send(new DescribeStreamCommand({ StreamName: name }));
      const shardOf = (hash: bigint) => d!.Shards!.find((s) => BigInt(s.HashKeyRange!.StartingHashKey!) <= hash && hash <= BigInt(s.HashKeyRange!.EndingHashKey!))!.ShardId;
      for (const key of ['dev1', 'dev2', 'sensor-42', 'ü-unicode', 'a']) {
        const md5 = BigInt('0x' + createHash('md5').update(key, 'utf8').digest('hex'));
        const put = await client().send(new PutRecordCommand({ StreamName: name, PartitionKey: key, Data: Buffer.from(key) }));
        expect(put.ShardId).toBe(shardOf(md5));
      }
      // MD5("dev1") starts with 0xce (top bits 11): the last of four shards, whatever the code above computes.
      const dev1 = await client().send(new PutRecordCommand({ StreamName: name, PartitionKey: 'dev1', Data: Buffer.from('x') }));
      expect(dev1.ShardId).toBe('shardId-000000000003');
      const explicit = await client().send(new PutRecordCommand({ StreamName: name, PartitionKey: 'dev1', ExplicitHashKey: '340282366920938463463374607431768211455', Data: Buffer.from('x') }));
      expect(explicit.ShardId).toBe('shardId-000000000003');
      await expect(
        client().send(new PutRecordCommand({ StreamName: name, PartitionKey: 'a', ExplicitHashKey: '340282366920938463463374607431768211456', Data: Buffer.from('x') })),
      ).rejects.toMatchObject({
        name: 'InvalidArgumentException',
        message: 'Invalid ExplicitHashKey. ExplicitHashKey must be in the range: [0, 2^128-1]. Specified value was 340282366920938463463374607431768211456',
      });
    });

    it('numbers records with strictly increasing 56-digit sequence numbers that encode the shard', async () => {
      const name = await newStream(2);
      const put = await client().send(
        new PutRecordsCommand({ StreamName: name, Records: Array.from({ length: 500 }, (_, i) => ({ PartitionKey: `k${i % 7}`, Data: Buffer.from(`r${i}`) })) }),
      );
      expect(put.FailedRecordCount).toBe(0);
      expect(put.Records).toHaveLength(500);
      for (const shard of ['shardId-000000000000', 'shardId-000000000001']) {
        const seqs = put.Records!.filter((r) => r.ShardId === shard).map((r) => BigInt(r.SequenceNumber!));
        expect(seqs.length).toBeGreaterThan(0);
        for (let i = 1; i < seqs.length; i++) expect(seqs[i] > seqs[i - 1]).toBe(true);
        const hex = seqs[0].toString(16);
        expect(hex).toHaveLength(47);
        expect(parseInt(hex.slice(38, 46), 16)).toBe(Number(shard.slice(-1)));
      }
      for (const r of put.Records!) expect(r.SequenceNumber).toMatch(/^\d{56}$/);
    });

    it("enforces the 500-record limit, each stream's record size (1 MiB unless set, up to 10 MiB) and 10 MiB per call", async () => {
      const name = await newStream();
      await expect(
        client().send(new PutRecordsCommand({ StreamName: name, Records: Array.from({ length: 501 }, () => ({ PartitionKey: 'a', Data: Buffer.from('x') })) })),
      ).rejects.toMatchObject({ name: 'ValidationException', message: expect.stringContaining("at 'records' failed to satisfy constraint: Member must have length less than or equal to 500") });
      await expect(
        client().send(new PutRecordCommand({ StreamName: name, PartitionKey: 'a', Data: Buffer.alloc(1024 * 1024 + 1) })),
      ).rejects.toMatchObject({ name: 'ValidationException', message: expect.stringContaining("at 'data' failed to satisfy constraint: Member must have length less than or equal to 1048576") });
      await expect(
        client().send(new PutRecordCommand({ StreamName: name, PartitionKey: 'abc', Data: Buffer.alloc(1024 * 1024) })),
      ).rejects.toMatchObject({ name: 'ValidationException' });
      expect((await client().send(new DescribeStreamSummaryCommand({ StreamName: name }))).StreamDescriptionSummary?.MaxRecordSizeInKiB).toBe(1024);
      // Six records of a million bytes: over the old 5 MB call limit, within today's 10 MiB.
      await expect(client().send(new PutRecordsCommand({ StreamName: name, Records: Array.from({ length: 6 }, () => ({ PartitionKey: 'a', Data: Buffer.alloc(1000 * 1000) })) }))).resolves.toMatchObject({ FailedRecordCount: 0 });

      const large = `large-${name}`;
      await client().send(new CreateStreamCommand({ StreamName: large, ShardCount: 1, MaxRecordSizeInKiB: 2048 }));
      const arn = (await client().send(new DescribeStreamSummaryCommand({ StreamName: large }))).StreamDescriptionSummary!.StreamARN!;
      await expect(client().send(new PutRecordCommand({ StreamName: large, PartitionKey: 'a', Data: Buffer.alloc(1.5 * 1024 * 1024) }))).resolves.toMatchObject({ ShardId: 'shardId-000000000000' });
      await expect(client().send(new PutRecordCommand({ StreamName: large, PartitionKey: 'a', Data: Buffer.alloc(3 * 1024 * 1024) }))).rejects.toMatchObject({
        name: 'ValidationException',
        message: expect.stringContaining('Member must have length less than or equal to 2097152 including the partition key'),
      });
      await expect(client().send(new UpdateMaxRecordSizeCommand({ StreamARN: arn, MaxRecordSizeInKiB: 1000 }))).rejects.toMatchObject({ name: 'ValidationException' });
      await client().send(new UpdateMaxRecordSizeCommand({ StreamARN: arn, MaxRecordSizeInKiB: 10240 }));
      expect((await client().send(new DescribeStreamSummaryCommand({ StreamName: large }))).StreamDescriptionSummary?.MaxRecordSizeInKiB).toBe(10240);
      await expect(client().send(new PutRecordCommand({ StreamName: large, PartitionKey: 'a', Data: Buffer.alloc(3 * 1024 * 1024) }))).resolves.toBeDefined();
      await expect(
        client().send(new PutRecordsCommand({ StreamName: large, Records: Array.from({ length: 2 }, () => ({ PartitionKey: 'a', Data: Buffer.alloc(5.1 * 1024 * 1024) })) })),
      ).rejects.toMatchObject({ name: 'InvalidArgumentException', message: 'Records size exceeds 10 MiB limit' });
      await expect(client().send(new PutRecordCommand({ StreamName: 'missing', PartitionKey: 'a', Data: Buffer.from('x') }))).rejects.toMatchObject({
        name: 'ResourceNotFoundException',
        message: 'Stream missing under account 000000000000 not found.',
      });
    });
  });

  describe('iterators', () => {
    it('reads from every iterator type', async () => {
      const name = await newStream();
      const shard = 'shardId-000000000000';
      const seqs: string[] = [];
      const times: number[] = [];
      for (let i = 0; i < 5; i++) {
        times.push(clock.now());
        seqs.push((await client().send(new PutRecordCommand({ StreamName: name, PartitionKey: 'p', Data: Buffer.from(`r${i}`) }))).SequenceNumber!);
        clock.advance(1000);
      }
      const data = (r: Awaited<ReturnType<typeof readAll>>) => r.Records!.map((x) => Buffer.from(x.Data!).toString());
      expect(data(await readAll(await iterator(name, shard, 'TRIM_HORIZON')))).toEqual(['r0', 'r1', 'r2', 'r3', 'r4']);
      expect(data(await readAll(await iterator(name, shard, 'AT_SEQUENCE_NUMBER', { StartingSequenceNumber: seqs[2] })))).toEqual(['r2', 'r3', 'r4']);
      expect(data(await readAll(await iterator(name, shard, 'AFTER_SEQUENCE_NUMBER', { StartingSequenceNumber: seqs[2] })))).toEqual(['r3', 'r4']);
      expect(data(await readAll(await iterator(name, shard, 'AT_TIMESTAMP', { Timestamp: new Date(times[3]) })))).toEqual(['r3', 'r4']);
      const latest = await iterator(name, shard, 'LATEST');
      const empty = await readAll(latest);
      expect(empty.Records).toEqual([]);
      expect(empty.MillisBehindLatest).toBe(0);
      await client().send(new PutRecordCommand({ StreamName: name, PartitionKey: 'p', Data: Buffer.from('r5') }));
      expect(data(await readAll(empty.NextShardIterator!))).toEqual(['r5']);

      const first = await readAll(await iterator(name, shard, 'TRIM_HORIZON'), 2);
      expect(data(first)).toEqual(['r0', 'r1']);
      expect(first.MillisBehindLatest).toBe(3000);
      expect(first.Records![0].ApproximateArrivalTimestamp!.getTime()).toBe(times[0]);
      expect(data(await readAll(first.NextShardIterator!, 2))).toEqual(['r2', 'r3']);
    });

    it('rejects bad iterator requests with AWS messages', async () => {
      const name = await newStream(2);
      const shard = 'shardId-000000000000';
      const put = await client().send(new PutRecordCommand({ StreamName: name, PartitionKey: 'p', ExplicitHashKey: '340282366920938463463374607431768211455', Data: Buffer.from('x') }));
      expect(put.ShardId).toBe('shardId-000000000001');
      await expect(iterator(name, shard, 'AT_SEQUENCE_NUMBER', { StartingSequenceNumber: put.SequenceNumber })).rejects.toMatchObject({
        name: 'InvalidArgumentException',
        message: 'Invalid StartingSequenceNumber. It encodes shardId-000000000001, while it was used in a call to a shard with shardId-000000000000',
      });
      await expect(iterator(name, shard, 'AT_SEQUENCE_NUMBER')).rejects.toMatchObject({ message: 'Must either specify (1) AT_SEQUENCE_NUMBER or AFTER_SEQUENCE_NUMBER and StartingSequenceNumber or (2) TRIM_HORIZON or LATEST and no StartingSequenceNumber. Request specified AT_SEQUENCE_NUMBER and no StartingSequenceNumber.' });
      await expect(iterator(name, shard, 'LATEST', { StartingSequenceNumber: '5' })).rejects.toMatchObject({ message: 'Must either specify (1) AT_SEQUENCE_NUMBER or AFTER_SEQUENCE_NUMBER and StartingSequenceNumber or (2) TRIM_HORIZON or LATEST and no StartingSequenceNumber. Request specified LATEST and also a StartingSequenceNumber.' });
      await expect(iterator(name, shard, 'AT_TIMESTAMP')).rejects.toMatchObject({
        message: 'Must specify timestampInMillis parameter for iterator of type AT_TIMESTAMP. Current request has no timestamp parameter.',
      });
      await expect(iterator(name, 'shardId-000000000009', 'LATEST')).rejects.toMatchObject({
        name: 'ResourceNotFoundException',
        message: `Shard shardId-000000000009 in stream ${name} under account 000000000000 does not exist`,
      });
      await expect(readAll('AAAAnotaniterator')).rejects.toMatchObject({ name: 'InvalidArgumentException', message: 'Invalid ShardIterator.' });
      await expect(client().send(new GetRecordsCommand({ ShardIterator: await iterator(name, shard, 'LATEST'), Limit: 10001 }))).rejects.toMatchObject({
        name: 'ValidationException',
        message: "1 validation error detected: Value '10001' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 10000",
      });
    });

    it('expires iterators after 5 minutes by the clock', async () => {
      const name = await newStream();
      const it1 = await iterator(name, 'shardId-000000000000', 'TRIM_HORIZON');
      clock.advance(299_000);
      const ok = await readAll(it1);
      clock.advance(2_000);
      await expect(readAll(it1)).rejects.toMatchObject({
        name: 'ExpiredIteratorException',
        message: expect.stringMatching(/^Iterator expired\. The iterator was created at time \w{3} \w{3} \d\d \d\d:\d\d:\d\d UTC \d{4} while right now it is .* which is further in the future than the tolerated delay of 300000 milliseconds\.$/),
      });
      // The next iterator handed out 2 s ago is still fresh.
      await expect(readAll(ok.NextShardIterator!)).resolves.toMatchObject({ Records: [] });
    });
  });

  describe('retention', () => {
    it('trims records older than the retention period, moving TRIM_HORIZON', async () => {
      const name = await newStream();
      const shard = 'shardId-000000000000';
      await client().send(new PutRecordCommand({ StreamName: name, PartitionKey: 'p', Data: Buffer.from('old') }));
      clock.advance(23 * HOUR);
      await client().send(new PutRecordCommand({ StreamName: name, PartitionKey: 'p', Data: Buffer.from('new') }));
      const both = await readAll(await iterator(name, shard, 'TRIM_HORIZON'));
      expect(both.Records!.map((r) => Buffer.from(r.Data!).toString())).toEqual(['old', 'new']);
      clock.advance(2 * HOUR);
      const trimmed = await readAll(await iterator(name, shard, 'TRIM_HORIZON'));
      expect(trimmed.Records!.map((r) => Buffer.from(r.Data!).toString())).toEqual(['new']);
    });

    it('changes retention with AWS validation', async () => {
      const name = await newStream();
      await client().send(new IncreaseStreamRetentionPeriodCommand({ StreamName: name, RetentionPeriodHours: 48 }));
      expect((await client().send(new DescribeStreamSummaryCommand({ StreamName: name }))).StreamDescriptionSummary!.RetentionPeriodHours).toBe(48);
      await expect(client().send(new IncreaseStreamRetentionPeriodCommand({ StreamName: name, RetentionPeriodHours: 25 }))).rejects.toMatchObject({
        name: 'InvalidArgumentException',
        message: `Requested retention period (25 hours) for stream ${name} can not be shorter than existing retention period (48 hours). Use DecreaseRetentionPeriod API.`,
      });
      await expect(client().send(new DecreaseStreamRetentionPeriodCommand({ StreamName: name, RetentionPeriodHours: 23 }))).rejects.toMatchObject({
        message: 'Minimum allowed retention period is 24 hours. Requested retention period (23 hours) is too short.',
      });
      await expect(client().send(new IncreaseStreamRetentionPeriodCommand({ StreamName: name, RetentionPeriodHours: 8761 }))).rejects.toMatchObject({
        message: 'Maximum allowed retention period is 8760 hours. Requested retention period (8761 hours) is too long.',
      });
      await client().send(new PutRecordCommand({ StreamName: name, PartitionKey: 'p', Data: Buffer.from('x') }));
      clock.advance(30 * HOUR);
      const kept = await readAll(await iterator(name, 'shardId-000000000000', 'TRIM_HORIZON'));
      expect(kept.Records).toHaveLength(1);
      await client().send(new DecreaseStreamRetentionPeriodCommand({ StreamName: name, RetentionPeriodHours: 24 }));
      const gone = await readAll(await iterator(name, 'shardId-000000000000', 'TRIM_HORIZON'));
      expect(gone.Records).toHaveLength(0);
    });
  });

  it('adds, lists and removes tags', async () => {
    const name = await newStream();
    await client().send(new AddTagsToStreamCommand({ StreamName: name, Tags: { workshop: 'iot-pipeline-labs', b: '2', a: '1' } }));
    const tags = await client().send(new ListTagsForStreamCommand({ StreamName: name }));
    expect(tags.Tags).toEqual([{ Key: 'a', Value: '1' }, { Key: 'b', Value: '2' }, { Key: 'workshop', Value: 'iot-pipeline-labs' }]);
    const page = await client().send(new ListTagsForStreamCommand({ StreamName: name, Limit: 1, ExclusiveStartTagKey: 'a' }));
    expect(page).toMatchObject({ Tags: [{ Key: 'b', Value: '2' }], HasMoreTags: true });
    await client().send(new RemoveTagsFromStreamCommand({ StreamName: name, TagKeys: ['a', 'b'] }));
    expect((await client().send(new ListTagsForStreamCommand({ StreamName: name }))).Tags).toEqual([{ Key: 'workshop', Value: 'iot-pipeline-labs' }]);
    await expect(client().send(new AddTagsToStreamCommand({ StreamName: name, Tags: { 'a;b': '1' } }))).rejects.toMatchObject({ name: 'InvalidArgumentException' });
    const many = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, 'v']));
    await expect(client().send(new AddTagsToStreamCommand({ StreamName: name, Tags: many }))).rejects.toMatchObject({
      message: `Failed to add tags to stream ${name} under account 000000000000 because a given stream cannot have more than 50 tags associated with it.`,
    });
  });

  it('reshards with UpdateShardCount: parents close, children split the hash range', async () => {
    const name = await newStream(2);
    const before = await client().send(new PutRecordCommand({ StreamName: name, PartitionKey: 'p', ExplicitHashKey: '0', Data: Buffer.from('before') }));
    const parentIt = await iterator(name, 'shardId-000000000000', 'TRIM_HORIZON');
    const out = await client().send(new UpdateShardCountCommand({ StreamName: name, TargetShardCount: 4, ScalingType: 'UNIFORM_SCALING' }));
    expect(out).toMatchObject({ StreamName: name, CurrentShardCount: 2, TargetShardCount: 4 });
    const { Shards } = await client().send(new ListShardsCommand({ StreamName: name }));
    expect(Shards).toHaveLength(6);
    const [p0, p1, c0, c1, c2, c3] = Shards!;
    expect(p0.SequenceNumberRange!.EndingSequenceNumber).toMatch(/^\d{56}$/);
    expect(BigInt(p0.SequenceNumberRange!.EndingSequenceNumber!) > BigInt(before.SequenceNumber!)).toBe(true);
    expect(p1.SequenceNumberRange!.EndingSequenceNumber).toBeDefined();
    expect([c0, c1, c2, c3].map((c) => c.ParentShardId)).toEqual(['shardId-000000000000', 'shardId-000000000000', 'shardId-000000000001', 'shardId-000000000001']);
    expect(c0.HashKeyRange).toEqual({ StartingHashKey: '0', EndingHashKey: '85070591730234615865843651857942052863' });
    expect(c3.HashKeyRange!.EndingHashKey).toBe('340282366920938463463374607431768211455');
    expect((await client().send(new ListShardsCommand({ StreamName: name, ShardFilter: { Type: 'AT_LATEST' } }))).Shards).toHaveLength(4);

    const after = await client().send(new PutRecordCommand({ StreamName: name, PartitionKey: 'p', ExplicitHashKey: '0', Data: Buffer.from('after') }));
    expect(after.ShardId).toBe(c0.ShardId);
    const drained = await readAll(parentIt);
    expect(drained.Records!.map((r) => Buffer.from(r.Data!).toString())).toEqual(['before']);
    expect(drained.NextShardIterator).toBeUndefined();
    expect(drained.ChildShards!.map((c) => c.ShardId)).toEqual([c0.ShardId, c1.ShardId]);

    await expect(client().send(new UpdateShardCountCommand({ StreamName: name, TargetShardCount: 9, ScalingType: 'UNIFORM_SCALING' }))).rejects.toMatchObject({
      name: 'LimitExceededException',
    });
    const merged = await client().send(new UpdateShardCountCommand({ StreamName: name, TargetShardCount: 2, ScalingType: 'UNIFORM_SCALING' }));
    expect(merged.CurrentShardCount).toBe(4);
    const latest = (await client().send(new ListShardsCommand({ StreamName: name, ShardFilter: { Type: 'AT_LATEST' } }))).Shards!;
    expect(latest.map((s) => [s.ParentShardId, s.AdjacentParentShardId])).toEqual([
      [c0.ShardId, c1.ShardId],
      [c2.ShardId, c3.ShardId],
    ]);
  });
});

describe('Kinesis provisioning delay', () => {
  const sb = useSandbox({ provisioningDelayMs: 400 });
  const client = () => new KinesisClient(sb.config());

  it('is CREATING until the delay passes, refuses writes meanwhile, and the SDK waiter sees ACTIVE', async () => {
    const { waitUntilStreamExists } = await import('@aws-sdk/client-kinesis');
    await client().send(new CreateStreamCommand({ StreamName: 'slow', ShardCount: 1 }));
    expect((await client().send(new DescribeStreamSummaryCommand({ StreamName: 'slow' }))).StreamDescriptionSummary!.StreamStatus).toBe('CREATING');
    await expect(client().send(new PutRecordCommand({ StreamName: 'slow', PartitionKey: 'a', Data: Buffer.from('x') }))).rejects.toMatchObject({
      name: 'ResourceInUseException',
      message: 'Stream slow under account 000000000000 not ACTIVE, instead in state CREATING',
    });
    const waited = await waitUntilStreamExists({ client: client(), maxWaitTime: 20, minDelay: 1, maxDelay: 1 }, { StreamName: 'slow' });
    expect(waited.state).toBe('SUCCESS');
    await client().send(new DeleteStreamCommand({ StreamName: 'slow' }));
    expect((await client().send(new DescribeStreamSummaryCommand({ StreamName: 'slow' }))).StreamDescriptionSummary!.StreamStatus).toBe('DELETING');
    await new Promise((r) => setTimeout(r, 500));
    await expect(client().send(new DescribeStreamSummaryCommand({ StreamName: 'slow' }))).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });
});
