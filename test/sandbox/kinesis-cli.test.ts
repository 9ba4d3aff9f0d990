// The AWS CLI v1 (botocore, a client independent of SDK v3) drives the sandbox's Kinesis.

import { describe, expect, it } from 'vitest';
import { useSandbox } from './support.js';
import { awsCli, requireAwsCli } from './aws-cli.js';

describe('Kinesis with the AWS CLI', () => {
  const sb = useSandbox();

  it('creates a stream, puts a record and reads it back', { timeout: 60_000 }, async (ctx) => {
    const cli = awsCli(requireAwsCli(ctx, 'v1'), sb);
    const aws = (...args: string[]) => cli.json('kinesis', ...args);
    await aws('create-stream', '--stream-name', 'cli', '--shard-count', '1');
    await aws('wait', 'stream-exists', '--stream-name', 'cli');
    const put = await aws('put-record', '--stream-name', 'cli', '--partition-key', 'dev1', '--data', '{"DEVICE_NAME":"dev1","HUMIDITY":41}');
    expect(put).toMatchObject({ ShardId: 'shardId-000000000000', SequenceNumber: expect.stringMatching(/^\d{56}$/) });
    const it1 = await aws('get-shard-iterator', '--stream-name', 'cli', '--shard-id', 'shardId-000000000000', '--shard-iterator-type', 'TRIM_HORIZON');
    const got = await aws('get-records', '--shard-iterator', it1.ShardIterator);
    expect(got.Records).toHaveLength(1);
    expect(Buffer.from(got.Records[0].Data, 'base64').toString()).toBe('{"DEVICE_NAME":"dev1","HUMIDITY":41}');
    expect(got.Records[0]).toMatchObject({ PartitionKey: 'dev1', SequenceNumber: put.SequenceNumber });
    expect(got.MillisBehindLatest).toBe(0);
    const listed = await aws('list-streams');
    expect(listed.StreamNames).toContain('cli');
  });
});
