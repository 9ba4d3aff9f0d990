// An acknowledged record survives kill -9: a sandbox child process on a temp data dir takes records,
// is killed without warning, restarts, and every record reads back in order with its sequence number.

import { describe, expect, it } from 'vitest';
import { CreateStreamCommand, GetRecordsCommand, GetShardIteratorCommand, KinesisClient, ListShardsCommand, PutRecordCommand, PutRecordsCommand } from '@aws-sdk/client-kinesis';
import { clientConfig } from './support.js';
import { killHard, useChildSandboxes } from './child-sandbox.js';

describe('Kinesis durability', () => {
  const sandboxes = useChildSandboxes();

  it('keeps every acknowledged record across kill -9 and keeps numbering upwards', { timeout: 90_000 }, async () => {
    const dataDir = sandboxes.tempDir('kinesis-crash-');
    const first = await sandboxes.start(dataDir);
    const client = (endpoint: string) => new KinesisClient(clientConfig(endpoint));
    const k1 = client(first.endpoint);
    await k1.send(new CreateStreamCommand({ StreamName: 'crash', ShardCount: 2 }));
    const sent: string[] = [];
    for (let batch = 0; batch < 4; batch++) {
      const records = Array.from({ length: 250 }, (_, i) => ({ PartitionKey: `dev${i % 13}`, Data: Buffer.from(`b${batch}-r${i}`) }));
      const out = await k1.send(new PutRecordsCommand({ StreamName: 'crash', Records: records }));
      expect(out.FailedRecordCount).toBe(0);
      sent.push(...records.map((r) => r.Data.toString()));
    }
    const lastPut = await k1.send(new PutRecordCommand({ StreamName: 'crash', PartitionKey: 'last', Data: Buffer.from('last') }));
    sent.push('last');
    k1.destroy();
    await killHard(first.child);

    const second = await sandboxes.start(dataDir);
    const k2 = client(second.endpoint);
    const { Shards } = await k2.send(new ListShardsCommand({ StreamName: 'crash' }));
    const read: string[] = [];
    let lastSeqOfShard = '';
    for (const shard of Shards!) {
      let it = (await k2.send(new GetShardIteratorCommand({ StreamName: 'crash', ShardId: shard.ShardId, ShardIteratorType: 'TRIM_HORIZON' }))).ShardIterator;
      for (;;) {
        const out = await k2.send(new GetRecordsCommand({ ShardIterator: it }));
        read.push(...out.Records!.map((r) => Buffer.from(r.Data!).toString()));
        if (shard.ShardId === lastPut.ShardId && out.Records!.length > 0) lastSeqOfShard = out.Records![out.Records!.length - 1].SequenceNumber!;
        if (out.Records!.length === 0) break;
        it = out.NextShardIterator;
      }
    }
    expect(read.sort()).toEqual([...sent].sort());
    expect(lastSeqOfShard).toBe(lastPut.SequenceNumber);
    const after = await k2.send(new PutRecordCommand({ StreamName: 'crash', PartitionKey: 'last', Data: Buffer.from('after') }));
    expect(BigInt(after.SequenceNumber!) > BigInt(lastPut.SequenceNumber!)).toBe(true);
    k2.destroy();
    await killHard(second.child);
  });
});
