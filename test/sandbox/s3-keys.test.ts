// Every key S3 accepts is its own object on disk: keys that differ only where a readable file layout
// would fold them together, keys too long for a file name, keys kept across a restart, data directories
// written by the earlier layout, and no temporary file left behind by a failed write or a crash.

import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CopyObjectCommand,
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { startSandbox, type RunningSandbox } from '../../sandbox/index.js';
import { clientConfig } from './support.js';

const FIXTURE = resolve(import.meta.dirname, '../fixtures/s3-old-layout');

const dirs: string[] = [];
const running: RunningSandbox[] = [];

afterEach(async () => {
  for (const sandbox of running.splice(0)) await sandbox.stop();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 's3-keys-'));
  dirs.push(dir);
  return dir;
}

async function start(dir: string): Promise<S3Client> {
  const sandbox = await startSandbox({ port: 0, dataDir: dir, verbose: false });
  running.push(sandbox);
  return new S3Client(clientConfig(sandbox.endpoint));
}

async function stop(): Promise<void> {
  await running.pop()!.stop();
}

async function body(s3: S3Client, Bucket: string, Key: string): Promise<{ text: string; length: number | undefined }> {
  const got = await s3.send(new GetObjectCommand({ Bucket, Key }));
  return { text: await got.Body!.transformToString(), length: got.ContentLength };
}

/** Every key in the bucket, decoded (URL encoding lets keys with control characters travel in XML). */
async function listKeys(s3: S3Client, Bucket: string): Promise<string[]> {
  const listed = await s3.send(new ListObjectsV2Command({ Bucket, EncodingType: 'url' }));
  return (listed.Contents ?? []).map((o) => decodeURIComponent(o.Key!.replace(/\+/g, ' ')));
}

const tmpFiles = (dir: string) => readdirSync(join(dir, 'files', '.tmp'));

const LONG_KEY = `long/${'k'.repeat(1024 - 5)}`;
const LONG_SEGMENT = `seg/${'s'.repeat(300)}/end.json`;
const CJK = `한글/${'漢'.repeat(200)}`;

describe('S3 keys on disk', () => {
  it('keeps coll//c and coll/\\x00/c apart, each with its own body and length', async () => {
    const dir = dataDir();
    const s3 = await start(dir);
    await s3.send(new CreateBucketCommand({ Bucket: 'lab-keys' }));
    await s3.send(new PutObjectCommand({ Bucket: 'lab-keys', Key: 'coll//c', Body: 'empty segment' }));
    await s3.send(new PutObjectCommand({ Bucket: 'lab-keys', Key: 'coll/\x00/c', Body: 'nul' }));
    expect(await body(s3, 'lab-keys', 'coll//c')).toEqual({ text: 'empty segment', length: 13 });
    expect(await body(s3, 'lab-keys', 'coll/\x00/c')).toEqual({ text: 'nul', length: 3 });
    expect(await listKeys(s3, 'lab-keys')).toEqual(['coll/\x00/c', 'coll//c']);
    await s3.send(new DeleteObjectCommand({ Bucket: 'lab-keys', Key: 'coll//c' }));
    expect(await body(s3, 'lab-keys', 'coll/\x00/c')).toEqual({ text: 'nul', length: 3 });
  });

  it('round-trips a 1,024-byte key, a 300-character segment and 200 CJK characters, and keeps them across a restart', async () => {
    const dir = dataDir();
    let s3 = await start(dir);
    await s3.send(new CreateBucketCommand({ Bucket: 'lab-keys' }));
    await s3.send(new CreateBucketCommand({ Bucket: 'lab-keys-copy' }));
    expect(Buffer.byteLength(LONG_KEY)).toBe(1024);
    expect(Buffer.byteLength(CJK)).toBe(7 + 600);
    const keys = [LONG_KEY, LONG_SEGMENT, CJK];
    for (const Key of keys) {
      await s3.send(new PutObjectCommand({ Bucket: 'lab-keys', Key, Body: `body of ${Key.length}` }));
      const head = await s3.send(new HeadObjectCommand({ Bucket: 'lab-keys', Key }));
      expect(head.ContentLength).toBe(`body of ${Key.length}`.length);
      expect((await body(s3, 'lab-keys', Key)).text).toBe(`body of ${Key.length}`);
      await s3.send(new CopyObjectCommand({ Bucket: 'lab-keys-copy', Key, CopySource: `lab-keys/${Key.split('/').map(encodeURIComponent).join('/')}` }));
      expect((await body(s3, 'lab-keys-copy', Key)).text).toBe(`body of ${Key.length}`);
    }
    expect((await listKeys(s3, 'lab-keys')).sort()).toEqual([...keys].sort());

    await stop();
    s3 = await start(dir);
    for (const Key of keys) {
      expect((await body(s3, 'lab-keys', Key)).text).toBe(`body of ${Key.length}`);
      expect((await body(s3, 'lab-keys-copy', Key)).text).toBe(`body of ${Key.length}`);
    }
    for (const Key of keys) await s3.send(new DeleteObjectCommand({ Bucket: 'lab-keys', Key }));
    expect(await listKeys(s3, 'lab-keys')).toEqual([]);
    expect((await listKeys(s3, 'lab-keys-copy')).sort()).toEqual([...keys].sort());
  });

  it('loads a data directory written by the earlier layout (files at s3/<bucket>/<key>), and overwrites its objects', async () => {
    const dir = dataDir();
    cpSync(FIXTURE, dir, { recursive: true });
    const s3 = await start(dir);
    const objects: Record<string, string> = {
      'telemetry/2026/11/28/10/stream-1-2026-11-28-10-00-00-abc.gz': 'gzip-bytes',
      'year=2026/data.json': '{"a":1}',
      'notes/a b+c.txt': 'spaces and plus',
      'ünïcode/한글.txt': 'korean',
      top: 'top-level',
    };
    expect((await listKeys(s3, 'lab-old-layout')).sort()).toEqual(Object.keys(objects).sort());
    for (const [key, text] of Object.entries(objects)) expect(await body(s3, 'lab-old-layout', key)).toEqual({ text, length: text.length });
    await s3.send(new PutObjectCommand({ Bucket: 'lab-old-layout', Key: 'year=2026/data.json', Body: '{"a":2}' }));
    expect((await body(s3, 'lab-old-layout', 'year=2026/data.json')).text).toBe('{"a":2}');
    // The old file went with the overwrite.
    expect(readdirSync(join(dir, 'files', 's3', 'lab-old-layout', 'year=2026'))).toEqual([]);
  });

  it('leaves no temporary file after a failed write, and clears those of a crash on start', async () => {
    const dir = dataDir();
    mkdirSync(join(dir, 'files', '.tmp'), { recursive: true });
    writeFileSync(join(dir, 'files', '.tmp', 'left-by-a-crash'), 'half an object');
    const s3 = await start(dir);
    expect(tmpFiles(dir)).toEqual([]);
    await s3.send(new CreateBucketCommand({ Bucket: 'lab-keys' }));
    const wrongMd5 = Buffer.alloc(16).toString('base64');
    await expect(s3.send(new PutObjectCommand({ Bucket: 'lab-keys', Key: 'bad-md5', Body: 'abc', ContentMD5: wrongMd5 }))).rejects.toMatchObject({ name: 'BadDigest' });
    await expect(s3.send(new PutObjectCommand({ Bucket: 'lab-keys', Key: 'bad-crc', Body: 'abc', ChecksumCRC32: 'AAAAAA==' }))).rejects.toMatchObject({ name: 'BadDigest' });
    // A large body (streamed to disk) refused at the end by its checksum.
    const large = Buffer.alloc(3 * 1024 * 1024, 7);
    await expect(s3.send(new PutObjectCommand({ Bucket: 'lab-keys', Key: 'bad-large', Body: large, ChecksumSHA256: Buffer.alloc(32).toString('base64') }))).rejects.toMatchObject({
      name: 'BadDigest',
    });
    expect(tmpFiles(dir)).toEqual([]);
    expect(await listKeys(s3, 'lab-keys')).toEqual([]);
    await s3.send(new PutObjectCommand({ Bucket: 'lab-keys', Key: 'good-large', Body: large }));
    expect((await s3.send(new HeadObjectCommand({ Bucket: 'lab-keys', Key: 'good-large' }))).ContentLength).toBe(large.length);
    expect(tmpFiles(dir)).toEqual([]);
  });
});
