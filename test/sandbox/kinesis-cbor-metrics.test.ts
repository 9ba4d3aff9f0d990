// Kinesis beyond the JSON SDK path: CBOR bodies (what the Java SDK and KCL send), the AWS/Kinesis
// metrics each call publishes, and the in-process API Lambda and Firehose read through.

import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { CreateStreamCommand, GetRecordsCommand, GetShardIteratorCommand, KinesisClient, PutRecordCommand, PutRecordsCommand } from '@aws-sdk/client-kinesis';
import type { MetricDatum } from '../../sandbox/services/cloudwatch/api.js';
import { useSandbox } from './support.js';
import { decodeCbor, encodeCbor } from '../../sandbox/protocols/cbor.js';

// The SDK's own Smithy CBOR codec (wrapped for Dates and Buffers) stands in for a CBOR-speaking client.
const cbor = { encode: encodeCbor, decode: decodeCbor };

function cborCall(endpoint: string, operation: string, input: unknown): Promise<{ status: number; type: string; body: any }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${endpoint}/`,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/x-amz-cbor-1.1',
          'x-amz-target': `Kinesis_20131202.${operation}`,
          authorization: 'AWS4-HMAC-SHA256 Credential=test/20261128/us-east-1/kinesis/aws4_request, SignedHeaders=host, Signature=00',
          'x-amz-date': '20261128T000000Z',
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const raw = Buffer.concat(chunks);
          resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body: raw.length ? cbor.decode(raw) : undefined });
        });
      },
    );
    req.on('error', reject);
    req.end(cbor.encode(input));
  });
}

describe('Kinesis CBOR, metrics and in-process API', () => {
  const sb = useSandbox();
  const client = () => new KinesisClient(sb.config());

  it('speaks CBOR: byte-string data in, byte strings and tag-1 timestamps out, errors in CBOR', async () => {
    const created = await cborCall(sb.endpoint, 'CreateStream', { StreamName: 'cbor', ShardCount: 1 });
    expect(created.status).toBe(200);
    const put = await cborCall(sb.endpoint, 'PutRecord', { StreamName: 'cbor', PartitionKey: 'k', Data: Buffer.from([0, 1, 2, 255]) });
    expect(put.status).toBe(200);
    expect(put.type).toBe('application/x-amz-cbor-1.1');
    expect(put.body.ShardId).toBe('shardId-000000000000');
    const it1 = await cborCall(sb.endpoint, 'GetShardIterator', { StreamName: 'cbor', ShardId: 'shardId-000000000000', ShardIteratorType: 'AT_TIMESTAMP', Timestamp: new Date(0) });
    const got = await cborCall(sb.endpoint, 'GetRecords', { ShardIterator: it1.body.ShardIterator });
    expect(got.body.Records).toHaveLength(1);
    const record = got.body.Records[0];
    expect(Buffer.from(record.Data)).toEqual(Buffer.from([0, 1, 2, 255]));
    expect(record.ApproximateArrivalTimestamp).toBeInstanceOf(Date);
    expect(record.SequenceNumber).toBe(put.body.SequenceNumber);
    // A record sent as CBOR reads back identically over JSON.
    const json = await client().send(new GetRecordsCommand({ ShardIterator: (await client().send(new GetShardIteratorCommand({ StreamName: 'cbor', ShardId: 'shardId-000000000000', ShardIteratorType: 'TRIM_HORIZON' }))).ShardIterator }));
    expect(Buffer.from(json.Records![0].Data!)).toEqual(Buffer.from([0, 1, 2, 255]));
    const missing = await cborCall(sb.endpoint, 'DescribeStream', { StreamName: 'nope' });
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ __type: 'ResourceNotFoundException', message: 'Stream nope under account 000000000000 not found.' });
  });

  it('publishes AWS/Kinesis metrics that count exactly what was put and read', async () => {
    const seen: MetricDatum[] = [];
    const sandbox = sb.running.sandbox;
    const original = sandbox.apis.cloudwatch;
    sandbox.apis.cloudwatch = { ...(original as object), putMetric: (_owner: unknown, d: MetricDatum) => void seen.push(d) } as typeof original;
    try {
      await client().send(new CreateStreamCommand({ StreamName: 'metered', ShardCount: 2 }));
      await client().send(new PutRecordCommand({ StreamName: 'metered', PartitionKey: 'a', Data: Buffer.from('12345') }));
      await client().send(new PutRecordsCommand({ StreamName: 'metered', Records: Array.from({ length: 7 }, (_, i) => ({ PartitionKey: `p${i}`, Data: Buffer.from('abc') })) }));
      for (const shard of ['shardId-000000000000', 'shardId-000000000001']) {
        const it1 = await client().send(new GetShardIteratorCommand({ StreamName: 'metered', ShardId: shard, ShardIteratorType: 'TRIM_HORIZON' }));
        await client().send(new GetRecordsCommand({ ShardIterator: it1.ShardIterator }));
      }
      const sum = (name: string) => seen.filter((d) => d.name === name).reduce((n, d) => n + d.value, 0);
      expect(seen.every((d) => d.namespace === 'AWS/Kinesis' && d.dimensions.StreamName === 'metered')).toBe(true);
      expect(sum('IncomingRecords')).toBe(8);
      expect(sum('IncomingBytes')).toBe(5 + 7 * 3);
      expect(sum('PutRecord.Success')).toBe(1);
      expect(sum('PutRecord.Bytes')).toBe(5);
      expect(sum('PutRecords.Success')).toBe(1);
      expect(sum('PutRecords.Records')).toBe(7);
      expect(sum('PutRecords.TotalRecords')).toBe(7);
      expect(sum('PutRecords.SuccessfulRecords')).toBe(7);
      expect(sum('PutRecords.FailedRecords')).toBe(0);
      expect(sum('PutRecords.Bytes')).toBe(21);
      expect(sum('GetRecords.Success')).toBe(2);
      expect(sum('GetRecords.Records')).toBe(8);
      expect(sum('GetRecords.Bytes')).toBe(26);
      expect(seen.filter((d) => d.name === 'GetRecords.IteratorAgeMilliseconds')).toHaveLength(2);
      for (const name of ['PutRecord.Latency', 'PutRecords.Latency', 'GetRecords.Latency']) expect(seen.find((d) => d.name === name)?.unit).toBe('Milliseconds');

      // In-process reads (Lambda's event source mapping, Firehose) count as GetRecords too.
      const api = sandbox.api('kinesis');
      const owner = { accountId: '000000000000', region: 'us-east-1', clock: sandbox.clock };
      expect(api.findStream(owner, 'metered')).toMatchObject({ streamName: 'metered', status: 'ACTIVE', streamArn: 'arn:aws:kinesis:us-east-1:000000000000:stream/metered' });
      expect(api.findStream(owner, 'arn:aws:kinesis:us-east-1:000000000000:stream/metered')?.streamName).toBe('metered');
      expect(api.findStream(owner, 'nope')).toBeUndefined();
      const shards = api.shards(owner, 'metered');
      expect(shards.map((s) => s.shardId)).toEqual(['shardId-000000000000', 'shardId-000000000001']);
      const before = sum('GetRecords.Records');
      let total = 0;
      for (const s of shards) {
        const first = api.read(owner, 'metered', s.shardId, { type: 'TRIM_HORIZON' }, 2);
        const rest = api.read(owner, 'metered', s.shardId, first.next, 100);
        total += first.records.length + rest.records.length;
        if (rest.records.length > 0) expect(BigInt(rest.records[0].sequenceNumber) > BigInt(first.records[first.records.length - 1].sequenceNumber)).toBe(true);
      }
      expect(total).toBe(8);
      expect(sum('GetRecords.Records') - before).toBe(8);

      const latest = api.resolvePosition(owner, 'metered', 'shardId-000000000000', { type: 'LATEST' });
      expect(latest.type).toBe('AFTER_SEQUENCE_NUMBER');
      let woke = 0;
      const off = api.onAppend(owner, 'metered', () => woke++);
      await client().send(new PutRecordCommand({ StreamName: 'metered', PartitionKey: 'x', ExplicitHashKey: '0', Data: Buffer.from('new') }));
      off();
      await client().send(new PutRecordCommand({ StreamName: 'metered', PartitionKey: 'x', Data: Buffer.from('unseen') }));
      expect(woke).toBe(1);
      const fresh = api.read(owner, 'metered', 'shardId-000000000000', latest, 10);
      expect(fresh.records.map((r) => r.data.toString())).toEqual(['new']);
      expect(fresh.millisBehindLatest).toBe(0);
    } finally {
      sandbox.apis.cloudwatch = original;
    }
  });
});
