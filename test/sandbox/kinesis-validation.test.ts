// Kinesis's input checking as AWS words it, over the wire with @aws-sdk/client-kinesis: Coral's messages
// for collection members, the ten-message cap, tag character sets, shard ids and sequence numbers in
// every format Kinesis reads, and streams while they are being created.

import { describe, expect, it } from 'vitest';
import {
  AddTagsToStreamCommand,
  CreateStreamCommand,
  DeleteStreamCommand,
  DescribeStreamCommand,
  GetShardIteratorCommand,
  KinesisClient,
  PutRecordCommand,
  PutRecordsCommand,
  RemoveTagsFromStreamCommand,
} from '@aws-sdk/client-kinesis';
import { useSandbox } from './support.js';

const ACCOUNT = '000000000000';
/** A version-2 sequence number from its 47 hex digits. */
const seqHex = (hex: string) => BigInt('0x' + hex).toString(10);
/** The per-stream counter a version-2 sequence number carries. */
const counterOf = (seq: string) => BigInt('0x' + BigInt(seq).toString(16).slice(11, 27));

describe('Kinesis input checks', () => {
  const sb = useSandbox();
  const client = () => new KinesisClient(sb.config());
  const stream = 'checked';

  it('creates the stream the checks use', async () => {
    await client().send(new CreateStreamCommand({ StreamName: stream, ShardCount: 3 }));
  });

  describe('collections', () => {
    it('reports a bad map key or value once, on the map, with every constraint of the key or value', async () => {
      const longKey = 'k'.repeat(129);
      await expect(client().send(new AddTagsToStreamCommand({ StreamName: stream, Tags: { a: '1', [longKey]: '2' } }))).rejects.toMatchObject({
        name: 'ValidationException',
        message:
          `1 validation error detected: Value '{a=1, ${longKey}=2}' at 'tags' failed to satisfy constraint: ` +
          'Map keys must satisfy constraint: [Member must have length less than or equal to 128, Member must have length greater than or equal to 1]',
      });
      const longValue = 'v'.repeat(257);
      await expect(client().send(new AddTagsToStreamCommand({ StreamName: stream, Tags: { c: longValue } }))).rejects.toMatchObject({
        message:
          `1 validation error detected: Value '{c=${longValue}}' at 'tags' failed to satisfy constraint: ` +
          'Map value must satisfy constraint: [Member must have length less than or equal to 256, Member must have length greater than or equal to 0]',
      });
    });

    it('reports a bad item of a list of strings on the list', async () => {
      const longKey = 'k'.repeat(129);
      await expect(client().send(new RemoveTagsFromStreamCommand({ StreamName: stream, TagKeys: ['a', longKey] }))).rejects.toMatchObject({
        name: 'ValidationException',
        message:
          `1 validation error detected: Value '[a, ${longKey}]' at 'tagKeys' failed to satisfy constraint: ` +
          'Member must satisfy constraint: [Member must have length less than or equal to 128, Member must have length greater than or equal to 1]',
      });
    });

    it('reports items of a list of structures by their path, and stops at ten messages', async () => {
      const Records = Array.from({ length: 501 }, () => ({ PartitionKey: '', Data: new Uint8Array() }));
      const err = await client()
        .send(new PutRecordsCommand({ StreamName: stream, Records }))
        .catch((e: Error) => e);
      expect(err).toMatchObject({ name: 'ValidationException' });
      const message = (err as Error).message;
      expect(message).toMatch(/^10 validation errors detected: /);
      expect(message).toContain("at 'records' failed to satisfy constraint: Member must have length less than or equal to 500");
      expect(message).toContain("Value '' at 'records.1.member.partitionKey' failed to satisfy constraint: Member must have length greater than or equal to 1");
      expect(message.split('; ')).toHaveLength(10);
    });
  });

  describe('tags', () => {
    const tagging = 'Some tags contain invalid characters. Valid characters: Unicode letters, digits, white space, _ . / = + - % @.';
    const kinesisOwn = (action: string, preposition: string) =>
      `Failed to ${action} tags ${preposition} stream ${stream} under account ${ACCOUNT} because some tags contained illegal characters. ` +
      "The allowed characters are Unicode letters, white-spaces, '_',',','/','=','+','-','@'.";

    it('refuses characters outside AWS tagging in keys and values', async () => {
      for (const Tags of [{ 'a;b': '1' }, { 'a\tb': '1' }, { a: 'x,y' }, { a: 'x\ny' }] as Record<string, string>[]) {
        await expect(client().send(new AddTagsToStreamCommand({ StreamName: stream, Tags }))).rejects.toMatchObject({ name: 'InvalidArgumentException', message: tagging });
      }
      await expect(client().send(new RemoveTagsFromStreamCommand({ StreamName: stream, TagKeys: ['a;b'] }))).rejects.toMatchObject({ message: tagging });
    });

    it("refuses '%', which AWS tagging allows but Kinesis does not", async () => {
      await expect(client().send(new AddTagsToStreamCommand({ StreamName: stream, Tags: { 'a%b': '1' } }))).rejects.toMatchObject({ message: kinesisOwn('add', 'to') });
      await expect(client().send(new AddTagsToStreamCommand({ StreamName: stream, Tags: { a: '50%' } }))).rejects.toMatchObject({ message: kinesisOwn('add', 'to') });
      await expect(client().send(new RemoveTagsFromStreamCommand({ StreamName: stream, TagKeys: ['a%b'] }))).rejects.toMatchObject({ message: kinesisOwn('remove', 'from') });
    });

    it('accepts letters, digits, spaces and _ . / = + - @ : in keys and values', async () => {
      await client().send(new AddTagsToStreamCommand({ StreamName: stream, Tags: { 'ü0 _./=+-@:': 'ü0 _./=+-@:' } }));
    });
  });

  describe('shard ids', () => {
    const latest = (StreamName: string, ShardId: string) => client().send(new GetShardIteratorCommand({ StreamName, ShardId, ShardIteratorType: 'LATEST' }));

    it('reads the number after the last hyphen, and names an unknown stream as an unknown shard', async () => {
      for (const id of ['2147483647', 'anything-2147483647', '-00002147483647']) {
        await expect(latest('nowhere', id)).rejects.toMatchObject({
          name: 'ResourceNotFoundException',
          message: `Shard shardId-002147483647 in stream nowhere under account ${ACCOUNT} does not exist`,
        });
      }
      expect((await latest(stream, 'whatever-2')).ShardIterator).toBeTruthy();
    });

    it('names an id it cannot read as given', async () => {
      for (const id of ['2147483648', 'shardId-002147483648', 'ABKLFD8', '2.14E4']) {
        for (const name of ['nowhere', stream]) {
          await expect(latest(name, id)).rejects.toMatchObject({ name: 'ResourceNotFoundException', message: `Could not find shard ${id} in stream ${name} under account ${ACCOUNT}.` });
        }
      }
    });
  });

  describe('sequence numbers', () => {
    const at = (StartingSequenceNumber: string, c = client()) =>
      c.send(new GetShardIteratorCommand({ StreamName: stream, ShardId: 'shardId-0', ShardIteratorType: 'AT_SEQUENCE_NUMBER', StartingSequenceNumber }));

    it("names the shard a number encodes when it is not the shard asked for, a negative index with Java's padding", async () => {
      await expect(at('5')).rejects.toMatchObject({
        name: 'InvalidArgumentException',
        message: 'Invalid StartingSequenceNumber. It encodes shardId-000000000005, while it was used in a call to a shard with shardId-000000000000',
      });
      await expect(at(seqHex('20000000000000000000000000000000000000800000002'))).rejects.toMatchObject({
        message: 'Invalid StartingSequenceNumber. It encodes shardId--02147483648, while it was used in a call to a shard with shardId-000000000000',
      });
    });

    it('refuses numbers whose counter or shard-creation time is out of range, and numbers of another stream', async () => {
      const invalid = (seq: string, why = '') =>
        `StartingSequenceNumber ${seq} used in GetShardIterator on shard shardId-000000000000 in stream ${stream} under account ${ACCOUNT} is invalid${why}.`;
      const highCounter = seqHex('20000000000800000000000000000000000000000000002');
      await expect(at(highCounter)).rejects.toMatchObject({ name: 'InvalidArgumentException', message: invalid(highCounter) });
      const farFuture = seqHex('13bb2cc3d80000000000000000000000');
      await expect(at(farFuture)).rejects.toMatchObject({ message: invalid(farFuture) });
      const otherStream = seqHex('20000000000000000000000000000000000000000000002');
      await expect(at(otherStream)).rejects.toMatchObject({ message: invalid(otherStream, ' because it did not come from this stream') });
    });

    it('answers a legacy (version 0) number for a current shard with a bare InternalFailure, as AWS does', async () => {
      const err = await at('0', new KinesisClient({ ...sb.config(), maxAttempts: 1 })).catch((e: { name: string; $metadata: { httpStatusCode: number } }) => e);
      expect(err).toMatchObject({ name: 'InternalFailure', $metadata: { httpStatusCode: 500 } });
    });

    it('takes a version-1 SequenceNumberForOrdering and refuses one it cannot read', async () => {
      const v1 = seqHex('20000000000000000000000000000000000000000000001');
      expect((await client().send(new PutRecordCommand({ StreamName: stream, PartitionKey: 'a', Data: new Uint8Array(), SequenceNumberForOrdering: v1 }))).ShardId).toMatch(/^shardId-/);
      const bad = seqHex('2ffffffffff7fffffffffffffff000000000007fffffff2');
      await expect(client().send(new PutRecordCommand({ StreamName: stream, PartitionKey: 'a', Data: new Uint8Array(), SequenceNumberForOrdering: bad }))).rejects.toMatchObject({
        name: 'InvalidArgumentException',
        message: `ExclusiveMinimumSequenceNumber ${bad} used in PutRecord on stream ${stream} under account ${ACCOUNT} is invalid.`,
      });
    });

    it("numbers one call's records shard by shard, so a shard's records in a call are consecutive", async () => {
      const third = 2n ** 128n / 3n;
      const keys = [0n, third, 2n * third + 1n, third + 5n, 2n * third + 5n, 6n, 2n * third + 9n];
      const { Records } = await client().send(new PutRecordsCommand({ StreamName: stream, Records: keys.map((k) => ({ PartitionKey: 'p', ExplicitHashKey: k.toString(), Data: new Uint8Array([1]) })) }));
      const byShard = new Map<string, bigint[]>();
      Records!.forEach((r) => byShard.set(r.ShardId!, [...(byShard.get(r.ShardId!) ?? []), counterOf(r.SequenceNumber!)]));
      expect([...byShard.keys()].sort()).toEqual(['shardId-000000000000', 'shardId-000000000001', 'shardId-000000000002']);
      for (const counters of byShard.values()) counters.forEach((c, i) => i > 0 && expect(c - counters[i - 1]).toBe(1n));
    });
  });
});

describe('Kinesis streams being created', () => {
  const sb = useSandbox({ provisioningDelayMs: 400 });
  const client = () => new KinesisClient(sb.config());

  it('shows no shards while CREATING and may be deleted then', async () => {
    await client().send(new CreateStreamCommand({ StreamName: 'young', ShardCount: 2 }));
    const { StreamDescription: d } = await client().send(new DescribeStreamCommand({ StreamName: 'young' }));
    expect(d).toMatchObject({ StreamStatus: 'CREATING', Shards: [], HasMoreShards: false });
    await client().send(new DeleteStreamCommand({ StreamName: 'young' }));
    expect((await client().send(new DescribeStreamCommand({ StreamName: 'young' }))).StreamDescription!.StreamStatus).toBe('DELETING');
  });
});
