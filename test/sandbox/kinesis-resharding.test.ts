// Kinesis SplitShard and MergeShards over the wire with @aws-sdk/client-kinesis at default settings:
// lineage in DescribeStream and ListShards, records across a reshard, and AWS's errors.

import { describe, expect, it } from 'vitest';
import {
  CreateStreamCommand,
  DescribeStreamCommand,
  DescribeStreamSummaryCommand,
  GetRecordsCommand,
  GetShardIteratorCommand,
  KinesisClient,
  ListShardsCommand,
  MergeShardsCommand,
  PutRecordCommand,
  SplitShardCommand,
  UpdateShardCountCommand,
} from '@aws-sdk/client-kinesis';
import { ManualClock } from '../../sandbox/index.js';
import { useSandbox } from './support.js';

const MAX = '340282366920938463463374607431768211455';
const THIRD = '113427455640312821154458202477256070484';
const ACCOUNT = '000000000000';
const shard = (n: number) => `shardId-${String(n).padStart(12, '0')}`;
const text = (records: { Data?: Uint8Array }[] | undefined) => (records ?? []).map((r) => Buffer.from(r.Data!).toString());

describe('Kinesis resharding', () => {
  const clock = new ManualClock();
  const sb = useSandbox({ clock, provisioningDelayMs: 30_000 });
  const client = (region?: string) => new KinesisClient(sb.config({ region }));
  let n = 0;
  /** A stream ACTIVE after its creation delay. */
  const newStream = async (ShardCount = 1, region?: string) => {
    const StreamName = `reshard-${++n}`;
    await client(region).send(new CreateStreamCommand({ StreamName, ShardCount }));
    clock.advance(30_000);
    return StreamName;
  };
  const put = (StreamName: string, ExplicitHashKey: string, data: string) =>
    client().send(new PutRecordCommand({ StreamName, PartitionKey: 'p', ExplicitHashKey, Data: Buffer.from(data) }));
  const trimHorizon = async (StreamName: string, ShardId: string) =>
    (await client().send(new GetShardIteratorCommand({ StreamName, ShardId, ShardIteratorType: 'TRIM_HORIZON' }))).ShardIterator!;
  const read = (ShardIterator: string) => client().send(new GetRecordsCommand({ ShardIterator }));
  const status = async (StreamName: string) => (await client().send(new DescribeStreamSummaryCommand({ StreamName }))).StreamDescriptionSummary!.StreamStatus;

  it('splits a shard: the parent closes, two children divide its range, records flow from parent to children', async () => {
    const name = await newStream(1);
    await put(name, '5', 'before-low');
    await put(name, MAX, 'before-high');

    const out = await client().send(new SplitShardCommand({ StreamName: name, ShardToSplit: 'shardId-000000000000', NewStartingHashKey: '1000' }));
    expect(Object.keys(out).filter((k) => k !== '$metadata')).toEqual([]);
    expect(await status(name)).toBe('UPDATING');
    // Writes go on while UPDATING, to the parent: as in AWS, the children open when UPDATING ends.
    expect((await put(name, '5', 'during-low')).ShardId).toBe(shard(0));
    expect((await client().send(new DescribeStreamCommand({ StreamName: name }))).StreamDescription!.Shards!.map((s) => s.ShardId)).toEqual([shard(0)]);
    clock.advance(30_000);
    expect(await status(name)).toBe('ACTIVE');

    const { StreamDescription: d } = await client().send(new DescribeStreamCommand({ StreamName: name }));
    const [parent, low, high] = d!.Shards!;
    expect(d!.Shards).toHaveLength(3);
    expect(parent.ShardId).toBe(shard(0));
    expect(parent.SequenceNumberRange!.EndingSequenceNumber).toMatch(/^\d{56}$/);
    expect(BigInt(parent.SequenceNumberRange!.EndingSequenceNumber!) > BigInt(parent.SequenceNumberRange!.StartingSequenceNumber!)).toBe(true);
    expect(low).toMatchObject({ ShardId: shard(1), ParentShardId: shard(0), HashKeyRange: { StartingHashKey: '0', EndingHashKey: '999' } });
    expect(high).toMatchObject({ ShardId: shard(2), ParentShardId: shard(0), HashKeyRange: { StartingHashKey: '1000', EndingHashKey: MAX } });
    for (const child of [low, high]) {
      expect(child.AdjacentParentShardId).toBeUndefined();
      expect(child.SequenceNumberRange!.EndingSequenceNumber).toBeUndefined();
    }

    const afterLow = await put(name, '5', 'after-low');
    const afterHigh = await put(name, MAX, 'after-high');
    expect([afterLow.ShardId, afterHigh.ShardId]).toEqual([shard(1), shard(2)]);

    // The closed parent still holds everything written before the split, then says where to go next.
    const drained = await read(await trimHorizon(name, shard(0)));
    expect(text(drained.Records)).toEqual(['before-low', 'before-high', 'during-low']);
    expect(drained.NextShardIterator).toBeUndefined();
    expect(drained.ChildShards).toEqual([
      { ShardId: shard(1), ParentShards: [shard(0)], HashKeyRange: { StartingHashKey: '0', EndingHashKey: '999' } },
      { ShardId: shard(2), ParentShards: [shard(0)], HashKeyRange: { StartingHashKey: '1000', EndingHashKey: MAX } },
    ]);
    expect(text((await read(await trimHorizon(name, shard(1)))).Records)).toEqual(['after-low']);
    const fromHigh = await read(await trimHorizon(name, shard(2)));
    expect(text(fromHigh.Records)).toEqual(['after-high']);
    expect(fromHigh.NextShardIterator).toBeDefined();
    expect(fromHigh.ChildShards).toBeUndefined();
  });

  it('merges adjacent shards into one child over both ranges; ListShards shows the lineage', async () => {
    const name = await newStream(3);
    await put(name, '0', 'in-0');
    await put(name, MAX, 'in-2');
    await client().send(new MergeShardsCommand({ StreamARN: `arn:aws:kinesis:us-east-1:${ACCOUNT}:stream/${name}`, ShardToMerge: shard(1), AdjacentShardToMerge: shard(2) }));
    expect(await status(name)).toBe('UPDATING');
    clock.advance(30_000);

    const { Shards } = await client().send(new ListShardsCommand({ StreamName: name }));
    expect(Shards!.map((s) => [s.ShardId, s.ParentShardId, s.AdjacentParentShardId, s.SequenceNumberRange!.EndingSequenceNumber !== undefined])).toEqual([
      [shard(0), undefined, undefined, false],
      [shard(1), undefined, undefined, true],
      [shard(2), undefined, undefined, true],
      [shard(3), shard(1), shard(2), false],
    ]);
    expect(Shards![3].HashKeyRange).toEqual({ StartingHashKey: '113427455640312821154458202477256070485', EndingHashKey: MAX });
    const open = await client().send(new ListShardsCommand({ StreamName: name, ShardFilter: { Type: 'AT_LATEST' } }));
    expect(open.Shards!.map((s) => s.ShardId)).toEqual([shard(0), shard(3)]);

    expect((await put(name, MAX, 'after')).ShardId).toBe(shard(3));
    const drained = await read(await trimHorizon(name, shard(2)));
    expect(text(drained.Records)).toEqual(['in-2']);
    expect(drained.ChildShards).toEqual([{ ShardId: shard(3), ParentShards: [shard(1), shard(2)], HashKeyRange: Shards![3].HashKeyRange }]);
    expect(text((await read(await trimHorizon(name, shard(3)))).Records)).toEqual(['after']);

    // Splitting the merged child and merging its halves back works on the lineage so far.
    await client().send(new SplitShardCommand({ StreamName: name, ShardToSplit: shard(3), NewStartingHashKey: '200000000000000000000000000000000000000' }));
    clock.advance(30_000);
    await client().send(new MergeShardsCommand({ StreamName: name, ShardToMerge: shard(4), AdjacentShardToMerge: shard(5) }));
    clock.advance(30_000);
    const latest = (await client().send(new ListShardsCommand({ StreamName: name, ShardFilter: { Type: 'AT_LATEST' } }))).Shards!;
    expect(latest.map((s) => [s.ShardId, s.ParentShardId, s.AdjacentParentShardId])).toEqual([
      [shard(0), undefined, undefined],
      [shard(6), shard(4), shard(5)],
    ]);
  });

  it('answers bad splits as AWS does', async () => {
    const name = await newStream(3);
    const split = (ShardToSplit: string, NewStartingHashKey: string, StreamName = name) =>
      client().send(new SplitShardCommand({ StreamName, ShardToSplit, NewStartingHashKey }));
    const outOfRange = (key: string, id: string, start: string, end: string) =>
      `NewStartingHashKey ${key} used in SplitShard() on shard ${id} in stream ${name} under account ${ACCOUNT} ` +
      `is not both greater than one plus the shard's StartingHashKey ${start} and less than the shard's EndingHashKey ${end}.`;

    await expect(split('shard-0', '1')).rejects.toMatchObject({ name: 'InvalidArgumentException', message: outOfRange('1', shard(0), '0', THIRD) });
    await expect(split('shard-0', THIRD)).rejects.toMatchObject({ name: 'InvalidArgumentException', message: outOfRange(THIRD, shard(0), '0', THIRD) });
    await expect(split('shardId-000000000005', '2')).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: `Could not find shard ${shard(5)} in stream ${name} under account ${ACCOUNT}.`,
    });
    // An id Kinesis cannot read is reported as given, before the stream is looked up.
    await expect(split('ABKLFD8', '2', 'no-such-stream')).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: `Could not find shard ABKLFD8 in stream no-such-stream under account ${ACCOUNT}.`,
    });
    await expect(split('shardId-000000000000', '2', 'no-such-stream')).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: `Stream no-such-stream under account ${ACCOUNT} not found.`,
    });
    await expect(split('shard-0', '2', 'bad name!')).rejects.toMatchObject({ name: 'ValidationException' });

    await split('shard-0', '2');
    await expect(split('shard-1', '113427455640312821154458202477256070999')).rejects.toMatchObject({
      name: 'ResourceInUseException',
      message: `Stream ${name} under account ${ACCOUNT} not ACTIVE, instead in state UPDATING`,
    });
    clock.advance(30_000);
    await expect(split('shard-0', '2')).rejects.toMatchObject({
      name: 'InvalidArgumentException',
      message: `Shard ${shard(0)} in stream ${name} under account ${ACCOUNT} has already been merged or split, and thus is not eligible for merging or splitting.`,
    });
  });

  it('answers bad merges as AWS does', async () => {
    const name = await newStream(3);
    const merge = (ShardToMerge: string, AdjacentShardToMerge: string, StreamName = name) =>
      client().send(new MergeShardsCommand({ StreamName, ShardToMerge, AdjacentShardToMerge }));
    const notAdjacent = (a: number, b: number) => ({
      name: 'InvalidArgumentException',
      message: `Shards ${shard(a)} and ${shard(b)} in stream ${name} under account ${ACCOUNT} are not an adjacent pair of shards eligible for merging`,
    });

    await expect(merge('shard-0', 'shard-2')).rejects.toMatchObject(notAdjacent(0, 2));
    // AWS wants the adjacent shard right after the shard to merge, not before it.
    await expect(merge('shard-1', 'shard-0')).rejects.toMatchObject(notAdjacent(1, 0));
    await expect(merge('shard-1', 'shard-1')).rejects.toMatchObject(notAdjacent(1, 1));
    await expect(merge('shard-0', 'shardId-5')).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: `Could not find shard ${shard(5)} in stream ${name} under account ${ACCOUNT}.`,
    });
    await expect(merge('x-0', '2147483648', 'no-such-stream')).rejects.toMatchObject({
      message: `Could not find shard 2147483648 in stream no-such-stream under account ${ACCOUNT}.`,
    });
    await expect(merge('x-0', 'x-1', 'no-such-stream')).rejects.toMatchObject({ message: `Stream no-such-stream under account ${ACCOUNT} not found.` });

    await merge('shard-0', 'shard-1');
    await expect(merge('shard-2', 'shard-3')).rejects.toMatchObject({ name: 'ResourceInUseException' });
    clock.advance(30_000);
    await expect(merge('shard-1', 'shard-2')).rejects.toMatchObject({
      name: 'InvalidArgumentException',
      message: `Shard ${shard(1)} in stream ${name} under account ${ACCOUNT} has already been merged or split, and thus is not eligible for merging or splitting.`,
    });
    await merge('shard-3', 'shard-2');
    clock.advance(30_000);
    const open = (await client().send(new ListShardsCommand({ StreamName: name, ShardFilter: { Type: 'AT_LATEST' } }))).Shards!;
    expect(open.map((s) => [s.ShardId, s.HashKeyRange])).toEqual([[shard(4), { StartingHashKey: '0', EndingHashKey: MAX }]]);
  });

  it('refuses ON_DEMAND streams and splits past the shard limit', async () => {
    await client().send(new CreateStreamCommand({ StreamName: 'on-demand-reshard', StreamModeDetails: { StreamMode: 'ON_DEMAND' } }));
    clock.advance(30_000);
    await expect(client().send(new SplitShardCommand({ StreamName: 'on-demand-reshard', ShardToSplit: shard(0), NewStartingHashKey: '2' }))).rejects.toMatchObject({
      name: 'InvalidArgumentException',
      message: `SplitShard is not supported for stream on-demand-reshard under account ${ACCOUNT} with ON_DEMAND capacity mode.`,
    });

    // eu-central-1 allows 200 open shards per account.
    const full = await newStream(200, 'eu-central-1');
    await expect(client('eu-central-1').send(new SplitShardCommand({ StreamName: full, ShardToSplit: shard(0), NewStartingHashKey: '2' }))).rejects.toMatchObject({
      name: 'LimitExceededException',
      message: expect.stringMatching(
        /^This request would exceed the shard limit for the account 000000000000 in eu-central-1\. Current shard count for the account: 200\. Limit: 200\. Number of additional shards that would have resulted from this request: 1\./,
      ),
    });
    // Merging frees a shard, so the split fits afterwards.
    await client('eu-central-1').send(new MergeShardsCommand({ StreamName: full, ShardToMerge: shard(0), AdjacentShardToMerge: shard(1) }));
    clock.advance(30_000);
    await client('eu-central-1').send(new SplitShardCommand({ StreamName: full, ShardToSplit: shard(200), NewStartingHashKey: '2' }));
  });

  it('UpdateShardCount still reshards through the shared path after a split', async () => {
    const name = await newStream(1);
    await client().send(new SplitShardCommand({ StreamName: name, ShardToSplit: shard(0), NewStartingHashKey: '170141183460469231731687303715884105728' }));
    clock.advance(30_000);
    const out = await client().send(new UpdateShardCountCommand({ StreamName: name, TargetShardCount: 1, ScalingType: 'UNIFORM_SCALING' }));
    expect(out).toMatchObject({ CurrentShardCount: 2, TargetShardCount: 1 });
    clock.advance(30_000);
    const { Shards } = await client().send(new ListShardsCommand({ StreamName: name }));
    expect(Shards!.map((s) => [s.ShardId, s.ParentShardId, s.AdjacentParentShardId])).toEqual([
      [shard(0), undefined, undefined],
      [shard(1), shard(0), undefined],
      [shard(2), shard(0), undefined],
      [shard(3), shard(1), shard(2)],
    ]);
  });
});
