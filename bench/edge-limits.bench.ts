// What one large request costs a sandbox process (its own process, `dist/sandbox/main.js` as `lab sandbox
// start` runs it, so the client's buffers are not counted): four concurrent 530 MB S3 PutObject bodies
// streamed from generators, and a Kinesis PutRecord far over the request limit (refused with 413).
// Figures: wall time, and the process's peak RSS (VmHWM) over its RSS before.

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { CreateStreamCommand, KinesisClient, ListStreamsCommand, PutRecordCommand } from '@aws-sdk/client-kinesis';
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { SANDBOX_CREDENTIALS } from '../sandbox/index.js';

const MB = 1000 * 1000;
const MiB = 1024 * 1024;
const MAIN = resolve(import.meta.dirname, '../sandbox/main.js');

function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)![1]) * 1024;
  return { rss: kib('VmRSS'), peak: kib('VmHWM') };
}

async function startProcess(dataDir: string): Promise<{ child: ChildProcess; endpoint: string }> {
  const child = spawn(process.execPath, [MAIN, '--port', '0', '--data', dataDir, '--quiet'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const endpoint = await new Promise<string>((resolvePromise, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) resolvePromise(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`sandbox exited (${code})`)));
  });
  return { child, endpoint };
}

function generatedBody(size: number, fill: number): Readable {
  const piece = Buffer.alloc(MiB, fill);
  return Readable.from(
    (function* () {
      for (let sent = 0; sent < size; sent += MiB) yield sent + MiB <= size ? piece : piece.subarray(0, size - sent);
    })(),
  );
}

const config = (endpoint: string) => ({ endpoint, region: 'us-east-1', credentials: { ...SANDBOX_CREDENTIALS } });

/** Runs `scenario` against a fresh sandbox process, so each peak RSS is that scenario's own. */
async function withProcess(scenario: (endpoint: string, pid: number) => Promise<void>): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-edge-limits-'));
  const { child, endpoint } = await startProcess(dataDir);
  try {
    await scenario(endpoint, child.pid!);
  } finally {
    child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const growth = (pid: number, before: number) => `+${Math.round((memoryOf(pid).peak - before) / MiB)} MiB (RSS before ${Math.round(before / MiB)} MiB)`;

export default async function run(): Promise<void> {
  await withProcess(async (endpoint, pid) => {
    const s3 = new S3Client(config(endpoint));
    await s3.send(new CreateBucketCommand({ Bucket: 'bench-limits' }));
    await s3.send(new PutObjectCommand({ Bucket: 'bench-limits', Key: 'warm-up', Body: generatedBody(2 * MiB, 9), ContentLength: 2 * MiB }));
    const before = memoryOf(pid).rss;
    const started = Date.now();
    const size = 530 * MB;
    await Promise.all([0, 1, 2, 3].map((i) => s3.send(new PutObjectCommand({ Bucket: 'bench-limits', Key: `big/${i}.bin`, Body: generatedBody(size, i), ContentLength: size }))));
    console.log(`S3: 4 concurrent 530 MB PutObject   ${((Date.now() - started) / 1000).toFixed(1)} s, sandbox peak RSS ${growth(pid, before)}`);
    const getStarted = Date.now();
    await Promise.all(
      [0, 1].map(async (i) => {
        const got = await s3.send(new GetObjectCommand({ Bucket: 'bench-limits', Key: `big/${i}.bin` }));
        for await (const _ of got.Body as Readable);
      }),
    );
    console.log(`S3: 2 concurrent 530 MB GetObject   ${((Date.now() - getStarted) / 1000).toFixed(1)} s, sandbox peak RSS ${growth(pid, before)} (puts and gets)`);
  });

  await withProcess(async (endpoint, pid) => {
    const kinesis = new KinesisClient(config(endpoint));
    await kinesis.send(new CreateStreamCommand({ StreamName: 'bench-limits', ShardCount: 1 }));
    await kinesis.send(new PutRecordCommand({ StreamName: 'bench-limits', PartitionKey: 'p', Data: Buffer.alloc(1000, 1) }));
    const data = Buffer.alloc(400 * MB, 1);
    const before = memoryOf(pid).rss;
    const started = Date.now();
    const refused = await kinesis.send(new PutRecordCommand({ StreamName: 'bench-limits', PartitionKey: 'p', Data: data })).then(
      () => 'accepted',
      (err: { name: string; $metadata?: { httpStatusCode?: number } }) => `${err.$metadata?.httpStatusCode} ${err.name}`,
    );
    const ms = Date.now() - started;
    const answerStarted = Date.now();
    await kinesis.send(new ListStreamsCommand({}));
    console.log(`Kinesis: 400 MB PutRecord           ${refused} in ${ms} ms, sandbox peak RSS ${growth(pid, before)}; next call answered in ${Date.now() - answerStarted} ms`);
  });
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
