import { createHash } from 'node:crypto';
import { request, type IncomingHttpHeaders } from 'node:http';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  DeleteBucketCommand,
  DeleteBucketTaggingCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetBucketLocationCommand,
  GetBucketTaggingCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListBucketsCommand,
  ListMultipartUploadsCommand,
  ListObjectsCommand,
  ListObjectsV2Command,
  ListPartsCommand,
  paginateListObjectsV2,
  PutBucketTaggingCommand,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { encodeAwsChunked } from '../../sandbox/protocols/aws-chunked.js';
import { startSandbox } from '../../sandbox/index.js';
import { clientConfig, useSandbox } from './support.js';

const md5 = (data: Buffer | string) => createHash('md5').update(data).digest('hex');
const MiB = 1024 * 1024;

/** A raw request with a SigV4-shaped Authorization header for the router (signatures are not verified by default). */
function rawS3(endpoint: string, method: string, path: string, headers: Record<string, string>, body?: Buffer, region = 'us-east-1') {
  const auth = `AWS4-HMAC-SHA256 Credential=test/20260101/${region}/s3/aws4_request, SignedHeaders=host, Signature=${'0'.repeat(64)}`;
  return new Promise<{ status: number; headers: IncomingHttpHeaders; text: string }>((resolve, reject) => {
    const req = request(endpoint + path, { method, headers: { authorization: auth, 'x-amz-date': '20260101T000000Z', ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, text: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('S3', () => {
  const sb = useSandbox();
  const s3 = (extra?: Parameters<typeof sb.config>[0]) => new S3Client(sb.config(extra));

  describe('buckets', () => {
    it('creates, heads, lists, locates and deletes a bucket', async () => {
      const client = s3();
      const created = await client.send(new CreateBucketCommand({ Bucket: 'lab-bucket-1' }));
      expect(created.Location).toBe('/lab-bucket-1');
      const head = await client.send(new HeadBucketCommand({ Bucket: 'lab-bucket-1' }));
      expect(head.BucketRegion).toBe('us-east-1');
      const list = await client.send(new ListBucketsCommand({}));
      expect(list.Buckets?.map((b) => b.Name)).toContain('lab-bucket-1');
      expect(list.Owner?.ID).toMatch(/^[0-9a-f]{64}$/);
      const location = await client.send(new GetBucketLocationCommand({ Bucket: 'lab-bucket-1' }));
      expect(location.LocationConstraint ?? '').toBe('');
      await client.send(new DeleteBucketCommand({ Bucket: 'lab-bucket-1' }));
      await expect(client.send(new HeadBucketCommand({ Bucket: 'lab-bucket-1' }))).rejects.toMatchObject({ name: 'NotFound', $metadata: { httpStatusCode: 404 } });
    });

    it('takes a LocationConstraint that matches the signing region, as AWS does', async () => {
      const eu = s3({ region: 'eu-west-1' });
      await eu.send(new CreateBucketCommand({ Bucket: 'lab-eu-bucket', CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' } }));
      expect((await eu.send(new GetBucketLocationCommand({ Bucket: 'lab-eu-bucket' }))).LocationConstraint).toBe('eu-west-1');
      expect((await eu.send(new HeadBucketCommand({ Bucket: 'lab-eu-bucket' }))).BucketRegion).toBe('eu-west-1');
      await expect(eu.send(new CreateBucketCommand({ Bucket: 'lab-eu-bucket', CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' } }))).rejects.toMatchObject({
        name: 'BucketAlreadyOwnedByYou',
        BucketName: 'lab-eu-bucket',
        $metadata: { httpStatusCode: 409 },
      });
      // The SDK fills in its own region when CreateBucketConfiguration is absent; other clients may not.
      const unspecified = await rawS3(sb.endpoint, 'PUT', '/lab-eu-other', {}, undefined, 'eu-west-1');
      expect(unspecified.status).toBe(400);
      expect(unspecified.text).toContain(
        '<Code>IllegalLocationConstraintException</Code><Message>The unspecified location constraint is incompatible for the region specific endpoint this request was sent to.</Message>',
      );
      await expect(eu.send(new CreateBucketCommand({ Bucket: 'lab-eu-other', CreateBucketConfiguration: { LocationConstraint: 'eu-central-1' } }))).rejects.toMatchObject({
        name: 'IllegalLocationConstraintException',
        message: 'The eu-central-1 location constraint is incompatible for the region specific endpoint this request was sent to.',
      });
      await expect(s3().send(new CreateBucketCommand({ Bucket: 'lab-us-east', CreateBucketConfiguration: { LocationConstraint: 'us-east-1' as never } }))).rejects.toMatchObject({
        name: 'InvalidLocationConstraint',
      });
    });

    it('keeps bucket names global: another account gets BucketAlreadyExists, us-east-1 re-creation by the owner is a no-op', async () => {
      await s3().send(new CreateBucketCommand({ Bucket: 'lab-global-name' }));
      await s3().send(new CreateBucketCommand({ Bucket: 'lab-global-name' }));
      const other = s3({ accessKeyId: '111122223333' });
      await expect(other.send(new CreateBucketCommand({ Bucket: 'lab-global-name' }))).rejects.toMatchObject({
        name: 'BucketAlreadyExists',
        message: 'The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different name and try again.',
        $metadata: { httpStatusCode: 409 },
      });
      await expect(other.send(new PutObjectCommand({ Bucket: 'lab-global-name', Key: 'x', Body: 'x' }))).rejects.toMatchObject({ name: 'AccessDenied', $metadata: { httpStatusCode: 403 } });
      expect((await other.send(new ListBucketsCommand({}))).Buckets ?? []).toEqual([]);
    });

    it('refuses names that break the bucket naming rules with InvalidBucketName', async () => {
      for (const name of ['ab', 'Upper-Case', 'double..dot', '192.168.1.1', '-starts-with-dash', 'xn--punycode', 'ends-s3alias-x-s3alias', 'a'.repeat(64)]) {
        await expect(s3().send(new CreateBucketCommand({ Bucket: name })), name).rejects.toMatchObject({
          name: 'InvalidBucketName',
          message: 'The specified bucket is not valid.',
          BucketName: name,
        });
      }
    });

    it('refuses to delete a bucket that still has objects (BucketNotEmpty)', async () => {
      const client = s3();
      await client.send(new CreateBucketCommand({ Bucket: 'lab-not-empty' }));
      await client.send(new PutObjectCommand({ Bucket: 'lab-not-empty', Key: 'k', Body: 'v' }));
      await expect(client.send(new DeleteBucketCommand({ Bucket: 'lab-not-empty' }))).rejects.toMatchObject({
        name: 'BucketNotEmpty',
        message: 'The bucket you tried to delete is not empty',
        BucketName: 'lab-not-empty',
        $metadata: { httpStatusCode: 409 },
      });
      await client.send(new DeleteObjectCommand({ Bucket: 'lab-not-empty', Key: 'k' }));
      await client.send(new DeleteBucketCommand({ Bucket: 'lab-not-empty' }));
      await expect(client.send(new DeleteBucketCommand({ Bucket: 'lab-not-empty' }))).rejects.toMatchObject({ name: 'NoSuchBucket', BucketName: 'lab-not-empty' });
    });

    it('puts, gets and deletes bucket tags; NoSuchTagSet when there are none', async () => {
      const client = s3();
      await client.send(new CreateBucketCommand({ Bucket: 'lab-tagged' }));
      await expect(client.send(new GetBucketTaggingCommand({ Bucket: 'lab-tagged' }))).rejects.toMatchObject({
        name: 'NoSuchTagSet',
        message: 'The TagSet does not exist',
        $metadata: { httpStatusCode: 404 },
      });
      await client.send(new PutBucketTaggingCommand({ Bucket: 'lab-tagged', Tagging: { TagSet: [{ Key: 'workshop', Value: 'iot-pipeline-labs' }, { Key: 'empty', Value: '' }] } }));
      const tags = await client.send(new GetBucketTaggingCommand({ Bucket: 'lab-tagged' }));
      expect(tags.TagSet).toEqual([{ Key: 'workshop', Value: 'iot-pipeline-labs' }, { Key: 'empty', Value: '' }]);
      await expect(
        client.send(new PutBucketTaggingCommand({ Bucket: 'lab-tagged', Tagging: { TagSet: [{ Key: 'a', Value: '1' }, { Key: 'a', Value: '2' }] } })),
      ).rejects.toMatchObject({ name: 'InvalidTag', message: 'Cannot provide multiple Tags with the same key' });
      await client.send(new DeleteBucketTaggingCommand({ Bucket: 'lab-tagged' }));
      await expect(client.send(new GetBucketTaggingCommand({ Bucket: 'lab-tagged' }))).rejects.toMatchObject({ name: 'NoSuchTagSet' });
    });
  });

  describe('objects', () => {
    const Bucket = 'lab-objects';

    it('stores bytes, headers and metadata and returns them; the ETag is the quoted MD5', async () => {
      const client = s3();
      await client.send(new CreateBucketCommand({ Bucket }));
      const body = gzipSync(Buffer.from('{"DEVICE_NAME":"dev1","HUMIDITY":41}'));
      const put = await client.send(
        new PutObjectCommand({
          Bucket,
          Key: 'data/2026/11/28/10/reading one+two.json.gz',
          Body: body,
          ContentType: 'application/json',
          ContentEncoding: 'gzip',
          CacheControl: 'max-age=60',
          ContentDisposition: 'attachment; filename="r.json.gz"',
          Metadata: { device: 'dev1', Source: 'test' },
        }),
      );
      expect(put.ETag).toBe(`"${md5(body)}"`);
      const got = await client.send(new GetObjectCommand({ Bucket, Key: 'data/2026/11/28/10/reading one+two.json.gz' }));
      expect(Buffer.from(await got.Body!.transformToByteArray()).equals(body)).toBe(true);
      expect(got).toMatchObject({
        ETag: `"${md5(body)}"`,
        ContentType: 'application/json',
        ContentEncoding: 'gzip',
        CacheControl: 'max-age=60',
        ContentDisposition: 'attachment; filename="r.json.gz"',
        ContentLength: body.length,
        Metadata: { device: 'dev1', source: 'test' },
      });
      expect(got.LastModified).toBeInstanceOf(Date);
      const head = await client.send(new HeadObjectCommand({ Bucket, Key: 'data/2026/11/28/10/reading one+two.json.gz' }));
      expect(head).toMatchObject({ ContentLength: body.length, ETag: `"${md5(body)}"`, ContentEncoding: 'gzip', Metadata: { device: 'dev1' } });
    });

    it('answers missing keys and buckets with NoSuchKey / NoSuchBucket and their fields; HeadObject 404 without a body', async () => {
      const client = s3();
      await expect(client.send(new GetObjectCommand({ Bucket, Key: 'no/such/key' }))).rejects.toMatchObject({
        name: 'NoSuchKey',
        message: 'The specified key does not exist.',
        Key: 'no/such/key',
        $metadata: { httpStatusCode: 404 },
      });
      await expect(client.send(new GetObjectCommand({ Bucket: 'lab-no-such-bucket', Key: 'k' }))).rejects.toMatchObject({
        name: 'NoSuchBucket',
        message: 'The specified bucket does not exist',
        BucketName: 'lab-no-such-bucket',
      });
      await expect(client.send(new HeadObjectCommand({ Bucket, Key: 'no/such/key' }))).rejects.toMatchObject({ name: 'NotFound', $metadata: { httpStatusCode: 404 } });
      const raw = await rawS3(sb.endpoint, 'HEAD', `/${Bucket}/no-such-key`, {});
      expect(raw.status).toBe(404);
      expect(raw.text).toBe('');
    });

    it('serves byte ranges with 206 and Content-Range, and 416 InvalidRange past the end', async () => {
      const client = s3();
      await client.send(new PutObjectCommand({ Bucket, Key: 'range.txt', Body: '0123456789' }));
      const part = await client.send(new GetObjectCommand({ Bucket, Key: 'range.txt', Range: 'bytes=2-5' }));
      expect(part.$metadata.httpStatusCode).toBe(206);
      expect(part.ContentRange).toBe('bytes 2-5/10');
      expect(await part.Body!.transformToString()).toBe('2345');
      const suffix = await client.send(new GetObjectCommand({ Bucket, Key: 'range.txt', Range: 'bytes=-3' }));
      expect(await suffix.Body!.transformToString()).toBe('789');
      const open = await client.send(new GetObjectCommand({ Bucket, Key: 'range.txt', Range: 'bytes=7-' }));
      expect(await open.Body!.transformToString()).toBe('789');
      await expect(client.send(new GetObjectCommand({ Bucket, Key: 'range.txt', Range: 'bytes=10-20' }))).rejects.toMatchObject({
        name: 'InvalidRange',
        message: 'The requested range is not satisfiable',
        $metadata: { httpStatusCode: 416 },
      });
    });

    it('takes a streamed body (aws-chunked with a CRC32 trailer) and stores exactly the data', async () => {
      const client = s3();
      const chunks = Array.from({ length: 40 }, (_, i) => Buffer.alloc(3000 + i, i));
      const expected = Buffer.concat(chunks);
      // PutObject needs the length of a stream (without it the SDK itself fails before sending); Upload below takes unknown lengths.
      const put = await client.send(new PutObjectCommand({ Bucket, Key: 'stream.bin', Body: Readable.from(chunks), ContentLength: expected.length }));
      expect(put.ETag).toBe(`"${md5(expected)}"`);
      expect(put.ChecksumCRC32).toBeDefined();
      expect(sb.running.sandbox.api('s3').getObject(Bucket, 'stream.bin')!.equals(expected)).toBe(true);
      // Default settings: the SDK asks for the checksum and validates the body against it.
      const got = await client.send(new GetObjectCommand({ Bucket, Key: 'stream.bin' }));
      expect(got.ChecksumCRC32).toBe(put.ChecksumCRC32);
      expect(got.ContentEncoding).toBeUndefined();
      expect(Buffer.from(await got.Body!.transformToByteArray()).equals(expected)).toBe(true);
    });

    it('takes streams of unknown length through lib-storage Upload, single-part and multipart', async () => {
      const client = s3();
      const small = Buffer.from('small stream of unknown length '.repeat(100));
      await new Upload({ client, params: { Bucket, Key: 'upload/small.txt', Body: Readable.from([small.subarray(0, 100), small.subarray(100)]) } }).done();
      expect(sb.running.sandbox.api('s3').getObject(Bucket, 'upload/small.txt')!.equals(small)).toBe(true);
      const pieces = Array.from({ length: 12 }, (_, i) => Buffer.alloc(MiB, 65 + i));
      const big = Buffer.concat(pieces);
      const done = await new Upload({ client, params: { Bucket, Key: 'upload/big.bin', Body: Readable.from(pieces) } }).done();
      expect(done.ETag).toMatch(/-3"$/);
      expect(sb.running.sandbox.api('s3').getObject(Bucket, 'upload/big.bin')!.equals(big)).toBe(true);
      const got = await client.send(new GetObjectCommand({ Bucket, Key: 'upload/big.bin' }));
      expect(Buffer.from(await got.Body!.transformToByteArray()).equals(big)).toBe(true);
    });

    it('decodes signed aws-chunked bodies and verifies every checksum algorithm in trailers', async () => {
      const data = Buffer.from('signed streaming payload '.repeat(100));
      const sig = 'f'.repeat(64);
      const signed = Buffer.concat([
        Buffer.from(`400;chunk-signature=${sig}\r\n`), data.subarray(0, 0x400), Buffer.from('\r\n'),
        Buffer.from(`${(data.length - 0x400).toString(16)};chunk-signature=${sig}\r\n`), data.subarray(0x400), Buffer.from('\r\n'),
        Buffer.from(`0;chunk-signature=${sig}\r\n\r\n`),
      ]);
      const res = await rawS3(sb.endpoint, 'PUT', `/${Bucket}/signed.txt`, {
        'x-amz-content-sha256': 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD',
        'content-encoding': 'aws-chunked',
        'x-amz-decoded-content-length': String(data.length),
      }, signed);
      expect(res.status).toBe(200);
      expect(res.headers.etag).toBe(`"${md5(data)}"`);
      expect(sb.running.sandbox.api('s3').getObject(Bucket, 'signed.txt')!.equals(data)).toBe(true);

      const sha256 = createHash('sha256').update(data).digest('base64');
      const sha1 = createHash('sha1').update(data).digest('base64');
      for (const [name, value] of [['x-amz-checksum-sha256', sha256], ['x-amz-checksum-sha1', sha1]]) {
        const ok = await rawS3(sb.endpoint, 'PUT', `/${Bucket}/trailer.txt`, {
          'x-amz-content-sha256': 'STREAMING-UNSIGNED-PAYLOAD-TRAILER',
          'content-encoding': 'aws-chunked,gzip',
          'x-amz-trailer': name,
          'x-amz-decoded-content-length': String(data.length),
        }, encodeAwsChunked(data, { chunkSize: 500, trailers: { [name]: value } }));
        expect(ok.status, ok.text).toBe(200);
        expect(ok.headers[name]).toBe(value);
      }
      const head = await s3().send(new HeadObjectCommand({ Bucket, Key: 'trailer.txt', ChecksumMode: 'ENABLED' }));
      expect(head.ChecksumSHA1).toBe(sha1);
      expect(head.ContentEncoding).toBe('gzip');

      const bad = await rawS3(sb.endpoint, 'PUT', `/${Bucket}/bad-trailer.txt`, {
        'x-amz-content-sha256': 'STREAMING-UNSIGNED-PAYLOAD-TRAILER',
        'content-encoding': 'aws-chunked',
        'x-amz-trailer': 'x-amz-checksum-crc64nvme',
      }, encodeAwsChunked(data, { trailers: { 'x-amz-checksum-crc64nvme': 'AAAAAAAAAAA=' } }));
      expect(bad.status).toBe(400);
      expect(bad.text).toContain('<Code>BadDigest</Code><Message>The CRC64NVME you specified did not match the calculated checksum.</Message>');
      expect(sb.running.sandbox.api('s3').getObject(Bucket, 'bad-trailer.txt')).toBeUndefined();

      const truncated = await rawS3(sb.endpoint, 'PUT', `/${Bucket}/truncated.txt`, { 'content-encoding': 'aws-chunked', 'x-amz-content-sha256': 'STREAMING-UNSIGNED-PAYLOAD-TRAILER' }, Buffer.from('ff\r\nshort'));
      expect(truncated.text).toContain('<Code>IncompleteBody</Code>');
    });

    it('verifies Content-MD5 and x-amz-checksum-* headers (BadDigest / InvalidDigest)', async () => {
      const client = s3();
      await expect(client.send(new PutObjectCommand({ Bucket, Key: 'md5', Body: 'hello', ContentMD5: Buffer.from(md5('other'), 'hex').toString('base64') }))).rejects.toMatchObject({
        name: 'BadDigest',
        message: 'The Content-MD5 you specified did not match what we received.',
      });
      await expect(client.send(new PutObjectCommand({ Bucket, Key: 'md5', Body: 'hello', ContentMD5: 'not-md5' }))).rejects.toMatchObject({
        name: 'InvalidDigest',
        message: 'The Content-MD5 you specified was invalid.',
      });
      await expect(client.send(new PutObjectCommand({ Bucket, Key: 'crc', Body: 'hello', ChecksumCRC32: 'AAAAAA==' }))).rejects.toMatchObject({
        name: 'BadDigest',
        message: 'The CRC32 you specified did not match the calculated checksum.',
      });
      const ok = await client.send(new PutObjectCommand({ Bucket, Key: 'md5', Body: 'hello', ContentMD5: Buffer.from(md5('hello'), 'hex').toString('base64') }));
      expect(ok.ETag).toBe(`"${md5('hello')}"`);
      const crc32c = await client.send(new PutObjectCommand({ Bucket, Key: 'crc32c', Body: 'hello', ChecksumAlgorithm: 'CRC32C' }));
      const got = await client.send(new GetObjectCommand({ Bucket, Key: 'crc32c', ChecksumMode: 'ENABLED' }));
      expect(got.ChecksumCRC32C).toBe(crc32c.ChecksumCRC32C);
      expect(await got.Body!.transformToString()).toBe('hello');
      const bad = await rawS3(sb.endpoint, 'PUT', `/${Bucket}/sha`, { 'x-amz-content-sha256': 'a'.repeat(64) }, Buffer.from('x'));
      expect(bad.text).toContain('<Code>XAmzContentSHA256Mismatch</Code>');
    });

    it('deletes one object, and many with per-key results (Quiet shows none)', async () => {
      const client = s3();
      for (const key of ['d/1', 'd/2', 'd/3', 'd/4']) await client.send(new PutObjectCommand({ Bucket, Key: key, Body: key }));
      const single = await client.send(new DeleteObjectCommand({ Bucket, Key: 'd/1' }));
      expect(single.$metadata.httpStatusCode).toBe(204);
      await client.send(new DeleteObjectCommand({ Bucket, Key: 'd/never-existed' }));
      const many = await client.send(new DeleteObjectsCommand({ Bucket, Delete: { Objects: [{ Key: 'd/2' }, { Key: 'd/missing' }] } }));
      expect(many.Deleted?.map((d) => d.Key)).toEqual(['d/2', 'd/missing']);
      const quiet = await client.send(new DeleteObjectsCommand({ Bucket, Delete: { Objects: [{ Key: 'd/3' }, { Key: 'd/4' }], Quiet: true } }));
      expect(quiet.Deleted ?? []).toEqual([]);
      const left = await client.send(new ListObjectsV2Command({ Bucket, Prefix: 'd/' }));
      expect(left.KeyCount).toBe(0);
    });

    it('copies objects keeping metadata (COPY) or replacing it (REPLACE)', async () => {
      const client = s3();
      await client.send(new PutObjectCommand({ Bucket, Key: 'src/a b.txt', Body: 'copy me', ContentType: 'text/plain', Metadata: { origin: 'src' } }));
      const copied = await client.send(new CopyObjectCommand({ Bucket, Key: 'dst/kept.txt', CopySource: `${Bucket}/src/a%20b.txt` }));
      expect(copied.CopyObjectResult?.ETag).toBe(`"${md5('copy me')}"`);
      const kept = await client.send(new HeadObjectCommand({ Bucket, Key: 'dst/kept.txt' }));
      expect(kept).toMatchObject({ ContentType: 'text/plain', Metadata: { origin: 'src' } });
      await client.send(
        new CopyObjectCommand({ Bucket, Key: 'dst/replaced.txt', CopySource: `${Bucket}/src/a%20b.txt`, MetadataDirective: 'REPLACE', ContentType: 'text/csv', Metadata: { fresh: 'yes' } }),
      );
      const replaced = await client.send(new GetObjectCommand({ Bucket, Key: 'dst/replaced.txt' }));
      expect(replaced).toMatchObject({ ContentType: 'text/csv', Metadata: { fresh: 'yes' } });
      expect(await replaced.Body!.transformToString()).toBe('copy me');
      await expect(client.send(new CopyObjectCommand({ Bucket, Key: 'dst/x', CopySource: `${Bucket}/src/none` }))).rejects.toMatchObject({ name: 'NoSuchKey' });
      await expect(client.send(new CopyObjectCommand({ Bucket, Key: 'src/a b.txt', CopySource: `${Bucket}/src/a%20b.txt` }))).rejects.toMatchObject({
        name: 'InvalidRequest',
        message: expect.stringContaining('trying to copy an object to itself'),
      });
    });

    it('answers virtual-hosted-style requests (<bucket>.localhost:<port>)', async () => {
      await s3().send(new PutObjectCommand({ Bucket, Key: 'vhost/key.txt', Body: 'by host' }));
      const res = await rawS3(sb.endpoint, 'GET', '/vhost/key.txt', { host: `${Bucket}.localhost:${sb.running.port}` });
      expect(res.status).toBe(200);
      expect(res.text).toBe('by host');
      const listing = await rawS3(sb.endpoint, 'GET', '/?list-type=2&prefix=vhost/', { host: `${Bucket}.s3.localhost:${sb.running.port}` });
      expect(listing.text).toContain('<Key>vhost/key.txt</Key>');
    });
  });

  describe('listing', () => {
    const Bucket = 'lab-listing';
    const keys = [
      ...Array.from({ length: 1030 }, (_, i) => `logs/2026/${String(i).padStart(4, '0')}.json`),
      'photos/a.jpg',
      'photos/b.jpg',
      'photos/2025/c.jpg',
      'readme.txt',
      'z with space+plus.txt',
    ];

    it('pages through 1,000+ keys in order with continuation tokens', async () => {
      const client = s3();
      await client.send(new CreateBucketCommand({ Bucket }));
      for (let i = 0; i < keys.length; i += 50) await Promise.all(keys.slice(i, i + 50).map((Key) => client.send(new PutObjectCommand({ Bucket, Key, Body: Key }))));
      const seen: string[] = [];
      let pages = 0;
      for await (const page of paginateListObjectsV2({ client }, { Bucket })) {
        pages++;
        expect(page.KeyCount).toBe(page.Contents?.length ?? 0);
        seen.push(...(page.Contents ?? []).map((c) => c.Key!));
      }
      expect(pages).toBe(2);
      expect(seen).toEqual([...keys].sort());
      const first = await client.send(new ListObjectsV2Command({ Bucket }));
      expect(first).toMatchObject({ IsTruncated: true, KeyCount: 1000, MaxKeys: 1000 });
      expect(first.Contents![0]).toMatchObject({ Key: 'logs/2026/0000.json', Size: 19, ETag: `"${md5('logs/2026/0000.json')}"`, StorageClass: 'STANDARD' });
      await expect(client.send(new ListObjectsV2Command({ Bucket, ContinuationToken: 'garbage' }))).rejects.toMatchObject({
        name: 'InvalidArgument',
        message: 'The continuation token provided is incorrect',
      });
    });

    it('rolls keys up into CommonPrefixes at the delimiter, with prefix, start-after and max-keys', async () => {
      const client = s3();
      const top = await client.send(new ListObjectsV2Command({ Bucket, Delimiter: '/' }));
      expect(top.CommonPrefixes?.map((p) => p.Prefix)).toEqual(['logs/', 'photos/']);
      expect(top.Contents?.map((c) => c.Key)).toEqual(['readme.txt', 'z with space+plus.txt']);
      expect(top.KeyCount).toBe(4);
      const photos = await client.send(new ListObjectsV2Command({ Bucket, Prefix: 'photos/', Delimiter: '/' }));
      expect(photos.CommonPrefixes?.map((p) => p.Prefix)).toEqual(['photos/2025/']);
      expect(photos.Contents?.map((c) => c.Key)).toEqual(['photos/a.jpg', 'photos/b.jpg']);
      const paged = await client.send(new ListObjectsV2Command({ Bucket, Delimiter: '/', MaxKeys: 1 }));
      expect(paged).toMatchObject({ IsTruncated: true, KeyCount: 1, CommonPrefixes: [{ Prefix: 'logs/' }] });
      const next = await client.send(new ListObjectsV2Command({ Bucket, Delimiter: '/', MaxKeys: 1, ContinuationToken: paged.NextContinuationToken }));
      expect(next.CommonPrefixes).toEqual([{ Prefix: 'photos/' }]);
      const after = await client.send(new ListObjectsV2Command({ Bucket, StartAfter: 'photos/b.jpg' }));
      expect(after.Contents?.map((c) => c.Key)).toEqual(['readme.txt', 'z with space+plus.txt']);
      expect(after.StartAfter).toBe('photos/b.jpg');
      const encoded = await client.send(new ListObjectsV2Command({ Bucket, Prefix: 'z', EncodingType: 'url' }));
      expect(encoded.Contents?.[0].Key).toBe('z+with+space%2Bplus.txt');
      await expect(client.send(new ListObjectsV2Command({ Bucket, MaxKeys: -1 }))).rejects.toMatchObject({ name: 'InvalidArgument' });
    });

    it('lists with ListObjects v1, marker and NextMarker', async () => {
      const client = s3();
      const first = await client.send(new ListObjectsCommand({ Bucket, Prefix: 'logs/2026/', MaxKeys: 600 }));
      expect(first.Contents).toHaveLength(600);
      expect(first.IsTruncated).toBe(true);
      const rest = await client.send(new ListObjectsCommand({ Bucket, Prefix: 'logs/2026/', Marker: first.Contents![599].Key }));
      expect(rest.Contents).toHaveLength(430);
      expect(rest.IsTruncated).toBe(false);
      const rolled = await client.send(new ListObjectsCommand({ Bucket, Delimiter: '/', MaxKeys: 2 }));
      expect(rolled).toMatchObject({ IsTruncated: true, NextMarker: 'photos/' });
      const tail = await client.send(new ListObjectsCommand({ Bucket, Delimiter: '/', Marker: rolled.NextMarker }));
      expect(tail.Contents?.map((c) => c.Key)).toEqual(['readme.txt', 'z with space+plus.txt']);
      expect(tail.CommonPrefixes ?? []).toEqual([]);
    });
  });

  describe('multipart upload', () => {
    const Bucket = 'lab-multipart';
    const part1 = Buffer.alloc(5 * MiB, 'a');
    const part2 = Buffer.from('the last part may be small');

    it('uploads parts, lists them and the upload, and completes with the MD5-of-MD5s ETag', async () => {
      const client = s3();
      await client.send(new CreateBucketCommand({ Bucket }));
      const { UploadId } = await client.send(new CreateMultipartUploadCommand({ Bucket, Key: 'big.bin', ContentType: 'application/octet-stream', Metadata: { kind: 'mp' } }));
      const p1 = await client.send(new UploadPartCommand({ Bucket, Key: 'big.bin', UploadId, PartNumber: 1, Body: part1 }));
      const p2 = await client.send(new UploadPartCommand({ Bucket, Key: 'big.bin', UploadId, PartNumber: 2, Body: part2 }));
      expect(p1.ETag).toBe(`"${md5(part1)}"`);
      const parts = await client.send(new ListPartsCommand({ Bucket, Key: 'big.bin', UploadId }));
      expect(parts.Parts?.map((p) => [p.PartNumber, p.Size, p.ETag])).toEqual([[1, part1.length, p1.ETag], [2, part2.length, p2.ETag]]);
      const uploads = await client.send(new ListMultipartUploadsCommand({ Bucket }));
      expect(uploads.Uploads?.map((u) => [u.Key, u.UploadId])).toEqual([['big.bin', UploadId]]);
      const done = await client.send(
        new CompleteMultipartUploadCommand({ Bucket, Key: 'big.bin', UploadId, MultipartUpload: { Parts: [{ PartNumber: 1, ETag: p1.ETag }, { PartNumber: 2, ETag: p2.ETag }] } }),
      );
      const expectedEtag = `"${md5(Buffer.concat([Buffer.from(md5(part1), 'hex'), Buffer.from(md5(part2), 'hex')]))}-2"`;
      expect(done.ETag).toBe(expectedEtag);
      const got = await client.send(new GetObjectCommand({ Bucket, Key: 'big.bin' }));
      expect(got.ETag).toBe(expectedEtag);
      expect(got.Metadata).toEqual({ kind: 'mp' });
      expect(Buffer.from(await got.Body!.transformToByteArray()).equals(Buffer.concat([part1, part2]))).toBe(true);
      expect((await client.send(new ListMultipartUploadsCommand({ Bucket }))).Uploads ?? []).toEqual([]);
    });

    it('keeps composite CRC32 checksums of parts and lets the SDK read the object at default settings', async () => {
      const client = s3();
      const { UploadId } = await client.send(new CreateMultipartUploadCommand({ Bucket, Key: 'crc.bin', ChecksumAlgorithm: 'CRC32' }));
      const p1 = await client.send(new UploadPartCommand({ Bucket, Key: 'crc.bin', UploadId, PartNumber: 1, Body: part1, ChecksumAlgorithm: 'CRC32' }));
      const p2 = await client.send(new UploadPartCommand({ Bucket, Key: 'crc.bin', UploadId, PartNumber: 2, Body: part2, ChecksumAlgorithm: 'CRC32' }));
      expect(p1.ChecksumCRC32).toBeDefined();
      const done = await client.send(
        new CompleteMultipartUploadCommand({
          Bucket,
          Key: 'crc.bin',
          UploadId,
          MultipartUpload: { Parts: [{ PartNumber: 1, ETag: p1.ETag, ChecksumCRC32: p1.ChecksumCRC32 }, { PartNumber: 2, ETag: p2.ETag, ChecksumCRC32: p2.ChecksumCRC32 }] },
        }),
      );
      expect(done.ChecksumCRC32).toMatch(/-2$/);
      expect(done.ChecksumType).toBe('COMPOSITE');
      const got = await client.send(new GetObjectCommand({ Bucket, Key: 'crc.bin' }));
      expect(got.ChecksumCRC32).toBe(done.ChecksumCRC32);
      expect((await got.Body!.transformToByteArray()).length).toBe(part1.length + part2.length);
    });

    it('refuses small non-last parts (EntityTooSmall), unknown parts (InvalidPart), and forgets aborted uploads', async () => {
      const client = s3();
      const { UploadId } = await client.send(new CreateMultipartUploadCommand({ Bucket, Key: 'small.bin' }));
      const p1 = await client.send(new UploadPartCommand({ Bucket, Key: 'small.bin', UploadId, PartNumber: 1, Body: 'tiny' }));
      const p2 = await client.send(new UploadPartCommand({ Bucket, Key: 'small.bin', UploadId, PartNumber: 2, Body: 'tiny too' }));
      await expect(
        client.send(new CompleteMultipartUploadCommand({ Bucket, Key: 'small.bin', UploadId, MultipartUpload: { Parts: [{ PartNumber: 1, ETag: p1.ETag }, { PartNumber: 2, ETag: p2.ETag }] } })),
      ).rejects.toMatchObject({ name: 'EntityTooSmall', message: 'Your proposed upload is smaller than the minimum allowed size' });
      await expect(
        client.send(new CompleteMultipartUploadCommand({ Bucket, Key: 'small.bin', UploadId, MultipartUpload: { Parts: [{ PartNumber: 3, ETag: p1.ETag }] } })),
      ).rejects.toMatchObject({ name: 'InvalidPart', $metadata: { httpStatusCode: 400 } });
      await expect(
        client.send(new CompleteMultipartUploadCommand({ Bucket, Key: 'small.bin', UploadId, MultipartUpload: { Parts: [{ PartNumber: 2, ETag: p2.ETag }, { PartNumber: 1, ETag: p1.ETag }] } })),
      ).rejects.toMatchObject({ name: 'InvalidPartOrder' });
      await expect(client.send(new UploadPartCommand({ Bucket, Key: 'small.bin', UploadId, PartNumber: 10001, Body: 'x' }))).rejects.toMatchObject({ name: 'InvalidArgument' });
      await client.send(new AbortMultipartUploadCommand({ Bucket, Key: 'small.bin', UploadId }));
      await expect(client.send(new ListPartsCommand({ Bucket, Key: 'small.bin', UploadId }))).rejects.toMatchObject({
        name: 'NoSuchUpload',
        $metadata: { httpStatusCode: 404 },
      });
    });
  });

  it('serves other services in-process (Firehose delivers through putObject)', async () => {
    const api = sb.running.sandbox.api('s3');
    const caller = { accountId: '000000000000', region: 'us-east-1', clock: sb.running.sandbox.clock };
    await s3().send(new CreateBucketCommand({ Bucket: 'lab-in-process' }));
    const { etag } = api.putObject(caller, 'lab-in-process', '2026/11/28/10/stream-1.gz', Buffer.from('abc'), { contentEncoding: 'gzip' });
    expect(etag).toBe(`"${md5('abc')}"`);
    expect(api.bucketOwner('lab-in-process')).toEqual({ accountId: '000000000000', region: 'us-east-1' });
    expect(api.listObjects('lab-in-process', '2026/').map((o) => o.key)).toEqual(['2026/11/28/10/stream-1.gz']);
    const got = await s3().send(new GetObjectCommand({ Bucket: 'lab-in-process', Key: '2026/11/28/10/stream-1.gz' }));
    expect(got.ContentEncoding).toBe('gzip');
    expect(() => api.putObject(caller, 'lab-gone-bucket', 'k', Buffer.from('x'))).toThrow(expect.objectContaining({ code: 'NoSuchBucket' }));
  });

  it('stores object bytes as plain files under s3/<bucket>/ in the data directory, one per key, keeping its extension', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 's3-files-'));
    const running = await startSandbox({ port: 0, dataDir, verbose: false });
    try {
      const client = new S3Client(clientConfig(running.endpoint));
      await client.send(new CreateBucketCommand({ Bucket: 'lab-on-disk' }));
      await client.send(new PutObjectCommand({ Bucket: 'lab-on-disk', Key: 'year=2026/data.json', Body: '{"a":1}' }));
      await client.send(new PutObjectCommand({ Bucket: 'lab-on-disk', Key: 'year=2026/data.json', Body: '{"a":2}' }));
      const file = running.sandbox.api('s3').objectFilePath('lab-on-disk', 'year=2026/data.json')!;
      expect(file.startsWith(join(dataDir, 'files', 's3', 'lab-on-disk') + '/')).toBe(true);
      expect(file.endsWith('.json')).toBe(true);
      // The overwritten object's file is gone.
      expect(readdirSync(join(dataDir, 'files', 's3', 'lab-on-disk'))).toHaveLength(1);
      expect(readFileSync(file, 'utf8')).toBe('{"a":2}');
    } finally {
      await running.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
