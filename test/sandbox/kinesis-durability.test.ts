// An acknowledged record survives kill -9: a sandbox child process on a temp data dir takes records,
// is killed without warning, restarts, and every record reads back in order with its sequence number.

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CreateStreamCommand, GetRecordsCommand, GetShardIteratorCommand, KinesisClient, ListShardsCommand, PutRecordCommand, PutRecordsCommand } from '@aws-sdk/client-kinesis';
import { SANDBOX_CREDENTIALS } from '../../sandbox/index.js';

const root = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'kinesis-crash-'));
const script = join(dir, 'start.ts');
writeFileSync(
  script,
  `import { startSandbox } from ${JSON.stringify(join(root, 'sandbox/index.ts'))};\n` +
    `const sb = await startSandbox({ port: 0, dataDir: process.env.DATA_DIR, verbose: false });\n` +
    `process.stdout.write('ENDPOINT ' + sb.endpoint + '\\n');\n`,
);

function startChild(): Promise<{ child: ChildProcess; endpoint: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(join(root, 'node_modules/.bin/vite-node'), [script], { cwd: root, env: { ...process.env, DATA_DIR: join(dir, 'data') }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /ENDPOINT (\S+)/.exec(out);
      if (m) resolvePromise({ child, endpoint: m[1] });
    });
    child.on('exit', (code) => reject(new Error(`sandbox exited early (${code}): ${out}`)));
  });
}

const killed = (child: ChildProcess) => new Promise<void>((r) => (child.exitCode !== null || child.signalCode !== null ? r() : child.once('exit', () => r())));

describe('Kinesis durability', () => {
  const children: ChildProcess[] = [];
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every acknowledged record across kill -9 and keeps numbering upwards', { timeout: 90_000 }, async () => {
    const first = await startChild();
    children.push(first.child);
    const client = (endpoint: string) => new KinesisClient({ endpoint, region: 'us-east-1', credentials: SANDBOX_CREDENTIALS });
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
    first.child.kill('SIGKILL');
    await killed(first.child);

    const second = await startChild();
    children.push(second.child);
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
    second.child.kill('SIGKILL');
    await killed(second.child);
  });
});
