// The limits AWS has that keep one request from stalling or blowing up the sandbox: request bodies over
// a service's limit refused fast with AWS's 413, S3 uploads streamed to disk with bounded memory, silent
// or slow connections closed, DynamoDB values nested past 32 levels refused.

import { readFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { CreateTableCommand, DynamoDBClient, PutItemCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { CreateStreamCommand, KinesisClient, ListStreamsCommand, PutRecordCommand } from '@aws-sdk/client-kinesis';
import { CreateBucketCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { labTable } from './lab-table.js';
import { useChildSandboxes } from './child-sandbox.js';
import { clientConfig, useSandbox } from './support.js';

const MiB = 1024 * 1024;

/** A process's resident memory now and its peak so far (the kernel's VmRSS and VmHWM), in bytes. */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)![1]) * 1024;
  return { rss: kib('VmRSS'), peak: kib('VmHWM') };
}

/** `size` bytes in 1 MiB pieces made on demand, so the client holds almost none of the body. */
function generatedBody(size: number, fill: number): Readable {
  const piece = Buffer.alloc(MiB, fill);
  return Readable.from(
    (function* () {
      for (let sent = 0; sent < size; sent += MiB) yield sent + MiB <= size ? piece : piece.subarray(0, size - sent);
    })(),
  );
}

/** Resolves with how long the server took to close `socket`, or rejects after `withinMs`. */
function closedWithin(socket: Socket, withinMs: number): Promise<number> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`connection still open after ${withinMs} ms`)), withinMs);
    socket.on('error', () => undefined);
    socket.once('close', () => {
      clearTimeout(timer);
      resolve(Date.now() - started);
    });
  });
}

function open(endpoint: string): Promise<Socket> {
  const { hostname, port } = new URL(endpoint);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => resolve(socket));
    socket.once('error', reject);
  });
}

function deepMap(wraps: number): AttributeValue {
  let value: AttributeValue = { S: 'leaf' };
  for (let i = 0; i < wraps; i++) value = { M: { n: value } };
  return value;
}

describe('edge limits', () => {
  const sb = useSandbox({ connectionTimeoutMs: 600 });

  it('refuses a Lambda Invoke over 6 MB and a DynamoDB request over 16 MB with their 413s', async () => {
    const lambda = new LambdaClient(sb.config());
    await expect(lambda.send(new InvokeCommand({ FunctionName: 'lab-nowhere', Payload: Buffer.alloc(7 * MiB, 0x20) }))).rejects.toMatchObject({
      name: 'RequestTooLargeException',
      message: `Request must be smaller than ${6 * MiB} bytes for the InvokeFunction operation`,
      $metadata: { httpStatusCode: 413 },
    });
    const ddb = new DynamoDBClient(sb.config());
    await expect(ddb.send(new PutItemCommand({ TableName: 'lab-nowhere', Item: { big: { S: 'x'.repeat(17 * MiB) } } }))).rejects.toMatchObject({
      $metadata: { httpStatusCode: 413 },
    });
  });

  it('closes a silent connection, one whose headers trickle in, and one whose body stops, after the timeout', async () => {
    const silent = await open(sb.endpoint);
    const slowHeaders = await open(sb.endpoint);
    slowHeaders.write('GET /_sandbox/health HTTP/1.1\r\nhost: x\r\n');
    const trickle = setInterval(() => slowHeaders.writable && slowHeaders.write('x'), 100);
    const stalledBody = await open(sb.endpoint);
    stalledBody.write('PUT /lab-limits/stalled HTTP/1.1\r\nhost: x\r\ncontent-length: 1000\r\n\r\nonly a few bytes');
    try {
      const [a, b, c] = await Promise.all([closedWithin(silent, 5000), closedWithin(slowHeaders, 5000), closedWithin(stalledBody, 5000)]);
      expect(Math.min(a, b, c)).toBeGreaterThanOrEqual(500);
    } finally {
      clearInterval(trickle);
    }
    // A connection that asks and waits for its answer is not cut.
    const health = await fetch(`${sb.endpoint}/_sandbox/health`);
    expect(health.status).toBe(200);
  });

  it('refuses a DynamoDB item nested past 32 levels with AWS ValidationException, and stores one at 32', async () => {
    const ddb = new DynamoDBClient(sb.config());
    await ddb.send(new CreateTableCommand(labTable('lab-nesting')));
    const key = { deviceid: { S: 'dev1' }, timestamp: { S: '2026-11-28T10:15:00' } };
    await ddb.send(new PutItemCommand({ TableName: 'lab-nesting', Item: { ...key, data: deepMap(31) } }));
    await expect(ddb.send(new PutItemCommand({ TableName: 'lab-nesting', Item: { ...key, data: deepMap(32) } }))).rejects.toMatchObject({
      name: 'ValidationException',
      message: 'Nesting Levels have exceeded supported limits: Attributes in the item have nested levels beyond supported limit',
      $metadata: { httpStatusCode: 400 },
    });
  });
});

// Memory is measured on a sandbox process of its own (the built dist/, as `lab sandbox start` runs it), so
// the client's buffers and what earlier tests left in this process's heap do not blur the figures.
describe('memory of a sandbox process under large requests', () => {
  const children = useChildSandboxes();

  it('refuses a Kinesis PutRecord over the request limit fast with a 413, without holding the body, and keeps answering', async () => {
    const { child, endpoint } = await children.start(children.tempDir('edge-limits-'));
    const kinesis = new KinesisClient(clientConfig(endpoint));
    await kinesis.send(new CreateStreamCommand({ StreamName: 'lab-limits', ShardCount: 1 }));
    await kinesis.send(new PutRecordCommand({ StreamName: 'lab-limits', PartitionKey: 'p', Data: Buffer.alloc(1000, 1) }));
    const base = memoryOf(child.pid!);
    const started = Date.now();
    const error = await kinesis.send(new PutRecordCommand({ StreamName: 'lab-limits', PartitionKey: 'p', Data: Buffer.alloc(64 * MiB, 1) })).then(
      () => undefined,
      (err: unknown) => err as { name: string; $metadata: { httpStatusCode?: number } },
    );
    const ms = Date.now() - started;
    const growthMiB = Math.round((memoryOf(child.pid!).peak - base.rss) / MiB);
    console.log(`oversized PutRecord (64 MiB of data, ~85 MiB of JSON): refused in ${ms} ms; sandbox peak RSS ${growthMiB} MiB over its RSS before`);
    expect(error?.$metadata.httpStatusCode).toBe(413);
    expect(error?.name).toBe('RequestEntityTooLarge');
    expect(ms).toBeLessThan(10_000);
    // Buffered (as the edge did), this request grew the process by about 500 MiB; discarded, by about 50.
    expect(growthMiB).toBeLessThan(128);
    // The sandbox still answers at once.
    const answered = Date.now();
    expect((await kinesis.send(new ListStreamsCommand({}))).StreamNames).toContain('lab-limits');
    expect(Date.now() - answered).toBeLessThan(2000);
  }, 60_000);

  it('streams concurrent S3 uploads to disk: four 64 MiB PUTs keep memory bounded', async () => {
    const { child, endpoint } = await children.start(children.tempDir('edge-limits-'));
    const s3 = new S3Client(clientConfig(endpoint));
    await s3.send(new CreateBucketCommand({ Bucket: 'lab-limits' }));
    await s3.send(new PutObjectCommand({ Bucket: 'lab-limits', Key: 'warm-up', Body: generatedBody(2 * MiB, 9), ContentLength: 2 * MiB }));
    const base = memoryOf(child.pid!);
    const size = 64 * MiB;
    await Promise.all(
      [0, 1, 2, 3].map((i) => s3.send(new PutObjectCommand({ Bucket: 'lab-limits', Key: `big/${i}.bin`, Body: generatedBody(size, i), ContentLength: size }))),
    );
    const growthMiB = Math.round((memoryOf(child.pid!).peak - base.rss) / MiB);
    console.log(`4 concurrent 64 MiB PUTs: sandbox peak RSS ${growthMiB} MiB over its RSS before`);
    for (const i of [0, 1, 2, 3]) expect((await s3.send(new HeadObjectCommand({ Bucket: 'lab-limits', Key: `big/${i}.bin` }))).ContentLength).toBe(size);
    // Buffered (as S3 did), these uploads grew the process by about 450 MiB; streamed to disk, by about 40.
    expect(growthMiB).toBeLessThan(128);
  }, 60_000);
});
