// S3 PutObject of 2 KB objects, 10 in flight, against the sandbox (in memory, and on disk with its
// journal and plain files) and against s3rver (its file-system store in a temp dir), in the same
// process, driven by the same SDK v3 client at default settings (CRC32 checksum on every request).

import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { startSandbox, SANDBOX_CREDENTIALS } from '../sandbox/index.js';
import { median } from './stats.js';
import { inFlight } from './in-flight.js';

const require = createRequire(import.meta.url);

const OBJECTS = 3000;
const IN_FLIGHT = 10;
const ROUNDS = 5;
const BODY = Buffer.alloc(2048, 'r');
const BUCKET = 'bench-bucket';

interface Target {
  name: string;
  endpoint: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  stop(): Promise<void>;
}

function client({ endpoint, credentials }: Target): S3Client {
  return new S3Client({ endpoint, region: 'us-east-1', credentials, forcePathStyle: true });
}

/** Objects per second for OBJECTS PutObject calls, IN_FLIGHT at a time, under fresh keys. */
async function round(s3: S3Client, prefix: string): Promise<number> {
  const started = process.hrtime.bigint();
  await inFlight(OBJECTS, IN_FLIGHT, (i) => s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: `${prefix}/2026/11/28/10/reading-${i}.json`, Body: BODY, ContentType: 'application/json' })));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return OBJECTS / seconds;
}

async function sandboxTarget(name: string, dataDir: string | undefined): Promise<Target> {
  const running = await startSandbox({ port: 0, inMemory: dataDir === undefined, dataDir, verbose: false });
  return { name, endpoint: running.endpoint, credentials: { ...SANDBOX_CREDENTIALS }, stop: () => running.stop() };
}

async function s3rverTarget(directory: string): Promise<Target | string> {
  try {
    const S3rver = require('s3rver') as new (options: Record<string, unknown>) => { run(): Promise<AddressInfo>; close(): Promise<void> };
    const server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory });
    const address = await server.run();
    // s3rver accepts only its own fixed key pair.
    const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
    return { name: 's3rver 3.7 (temp dir)', endpoint: `http://127.0.0.1:${address.port}`, credentials, stop: () => server.close() };
  } catch (err) {
    return `s3rver could not start on Node ${process.version}: ${(err as Error).message}`;
  }
}

export default async function main(): Promise<void> {
  const dirs = [mkdtempSync(join(tmpdir(), 'bench-s3-sandbox-')), mkdtempSync(join(tmpdir(), 'bench-s3rver-'))];
  const targets: Target[] = [await sandboxTarget('sandbox (in memory)', undefined), await sandboxTarget('sandbox (on disk)', dirs[0])];
  const peer = await s3rverTarget(dirs[1]);
  if (typeof peer === 'string') console.log(peer);
  else targets.push(peer);
  const rates = new Map<string, number[]>(targets.map((t) => [t.name, []]));
  try {
    const clients = new Map(targets.map((t) => [t.name, client(t)]));
    for (const t of targets) {
      await clients.get(t.name)!.send(new CreateBucketCommand({ Bucket: BUCKET }));
      await round(clients.get(t.name)!, 'warmup');
    }
    // Interleaved rounds so that machine noise hits every target alike.
    for (let r = 0; r < ROUNDS; r++) for (const t of targets) rates.get(t.name)!.push(await round(clients.get(t.name)!, `round-${r}`));
  } finally {
    for (const t of targets) await t.stop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  }

  console.log(`PutObject, ${BODY.length} B bodies, ${IN_FLIGHT} in flight, ${OBJECTS} objects per round, median of ${ROUNDS} rounds`);
  const medians = new Map([...rates].map(([name, values]) => [name, median(values)]));
  const base = typeof peer === 'string' ? undefined : medians.get(peer.name);
  for (const [name, value] of medians) {
    const ratio = base && name !== (peer as Target).name ? `  (${(value / base).toFixed(1)}x s3rver)` : '';
    console.log(`  ${name.padEnd(24)} ${value.toFixed(0).padStart(7)} objects/s${ratio}`);
  }
}
