// Kinesis PutRecords (500 x 250 B records a call, 1 and 4 calls in flight) and a full GetRecords drain
// of what was put, against the sandbox and against kinesalite in the same process, both in memory,
// driven by the same SDK v3 client. kinesalite cannot answer SDK v3's default HTTP/2 client, so its
// side uses an HTTP/1.1 request handler; the sandbox is measured both ways (HTTP/1.1 is the fair ratio).

import { createRequire } from 'node:module';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import {
  CreateStreamCommand,
  GetRecordsCommand,
  GetShardIteratorCommand,
  KinesisClient,
  ListShardsCommand,
  PutRecordsCommand,
  waitUntilStreamExists,
  type PutRecordsRequestEntry,
} from '@aws-sdk/client-kinesis';
import { startSandbox, SANDBOX_CREDENTIALS } from '../sandbox/index.js';
import { median } from './stats.js';
import { inFlight } from './in-flight.js';

const require = createRequire(import.meta.url);
const kinesalite = require('kinesalite') as (options: { createStreamMs?: number; shardLimit?: number }) => Server;

const CALLS = 40;
const RECORDS_PER_CALL = 500;
const RECORD_BYTES = 250;
const SHARDS = 4;
const ROUNDS = 5;

interface Target {
  name: string;
  client: KinesisClient;
}

const payload = Buffer.alloc(RECORD_BYTES, 'x');
const batch = (call: number): PutRecordsRequestEntry[] => Array.from({ length: RECORDS_PER_CALL }, (_, i) => ({ PartitionKey: `dev${call}-${i}`, Data: payload }));

async function newStream(t: Target, name: string): Promise<void> {
  await t.client.send(new CreateStreamCommand({ StreamName: name, ShardCount: SHARDS }));
  await waitUntilStreamExists({ client: t.client, maxWaitTime: 30, minDelay: 1, maxDelay: 1 }, { StreamName: name });
}

/** Records per second for CALLS PutRecords calls, `concurrency` at a time. */
async function put(t: Target, stream: string, concurrency: number): Promise<number> {
  const started = performance.now();
  await inFlight(CALLS, concurrency, async (call) => {
    const out = await t.client.send(new PutRecordsCommand({ StreamName: stream, Records: batch(call) }));
    if (out.FailedRecordCount) throw new Error(`${t.name}: ${out.FailedRecordCount} records failed`);
  });
  return (CALLS * RECORDS_PER_CALL) / ((performance.now() - started) / 1000);
}

/** Records per second reading every shard from TRIM_HORIZON to the end. */
async function drain(t: Target, stream: string, expected: number): Promise<number> {
  const started = performance.now();
  const { Shards } = await t.client.send(new ListShardsCommand({ StreamName: stream }));
  let count = 0;
  for (const shard of Shards!) {
    let it = (await t.client.send(new GetShardIteratorCommand({ StreamName: stream, ShardId: shard.ShardId, ShardIteratorType: 'TRIM_HORIZON' }))).ShardIterator;
    for (;;) {
      const out = await t.client.send(new GetRecordsCommand({ ShardIterator: it, Limit: 10000 }));
      count += out.Records!.length;
      if (out.Records!.length === 0) break;
      it = out.NextShardIterator;
    }
  }
  if (count !== expected) throw new Error(`${t.name}: drained ${count} records, expected ${expected}`);
  return count / ((performance.now() - started) / 1000);
}

export default async function bench(): Promise<void> {
  const sandbox = await startSandbox({ port: 0, inMemory: true, verbose: false });
  const peer = kinesalite({ createStreamMs: 0, shardLimit: 1000 });
  await new Promise<void>((r) => peer.listen(0, '127.0.0.1', () => r()));
  const peerEndpoint = `http://127.0.0.1:${(peer.address() as AddressInfo).port}`;
  const config = { region: 'us-east-1', credentials: { ...SANDBOX_CREDENTIALS } };
  const http1 = () => new NodeHttpHandler({ httpAgent: { keepAlive: true, maxSockets: 8 } as never });
  const targets: Target[] = [
    { name: 'sandbox (SDK default, h2c)', client: new KinesisClient({ ...config, endpoint: sandbox.endpoint }) },
    { name: 'sandbox (HTTP/1.1)', client: new KinesisClient({ ...config, endpoint: sandbox.endpoint, requestHandler: http1() }) },
    { name: 'kinesalite (HTTP/1.1)', client: new KinesisClient({ ...config, endpoint: peerEndpoint, requestHandler: http1() }) },
  ];
  const results = new Map<string, { put1: number[]; put4: number[]; drain: number[] }>();
  try {
    for (let r = 0; r < ROUNDS; r++) {
      for (const t of targets) {
        const res = results.get(t.name) ?? { put1: [], put4: [], drain: [] };
        results.set(t.name, res);
        const stream = `bench-${r}-${targets.indexOf(t)}`;
        await newStream(t, stream);
        res.put1.push(await put(t, stream, 1));
        res.put4.push(await put(t, stream, 4));
        res.drain.push(await drain(t, stream, 2 * CALLS * RECORDS_PER_CALL));
      }
    }
  } finally {
    for (const t of targets) t.client.destroy();
    await sandbox.stop();
    await new Promise<void>((r) => peer.close(() => r()));
  }
  const peerRes = results.get('kinesalite (HTTP/1.1)')!;
  const ratio = (x: number, y: number) => `${(x / y).toFixed(2)}x`;
  console.log(`PutRecords ${CALLS} calls x ${RECORDS_PER_CALL} records x ${RECORD_BYTES} B, ${SHARDS} shards, median of ${ROUNDS} rounds (records/s):`);
  console.log('kinesalite does not answer SDK v3\'s default HTTP/2 client: its side uses an HTTP/1.1 request handler.');
  for (const [name, res] of results) {
    const [p1, p4, d] = [median(res.put1), median(res.put4), median(res.drain)];
    const vs = name.startsWith('kinesalite') ? '' : `   vs kinesalite: put1 ${ratio(p1, median(peerRes.put1))}, put4 ${ratio(p4, median(peerRes.put4))}, drain ${ratio(d, median(peerRes.drain))}`;
    console.log(`  ${name.padEnd(28)} put 1 in flight ${p1.toFixed(0).padStart(7)}   put 4 in flight ${p4.toFixed(0).padStart(7)}   GetRecords drain ${d.toFixed(0).padStart(8)}${vs}`);
  }
}
