// The AWS CLI against the sandbox's S3 through AWS_ENDPOINT_URL: CLI v1 (`aws` on PATH, from pip) and,
// when Debian's awscli package is installed, CLI v2 at /usr/bin/aws. A 20 MB file crosses the 8 MB
// multipart threshold both ways.

import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useSandbox } from './support.js';
import { awsCli, requireAwsCli, type AwsCliName } from './aws-cli.js';

const sha = (data: Buffer) => createHash('sha256').update(data).digest('hex');

describe('S3 with the AWS CLI', () => {
  const sb = useSandbox();
  let dir: string;
  const big = randomBytes(20 * 1024 * 1024);

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 's3-cli-'));
    writeFileSync(join(dir, 'big.bin'), big);
    writeFileSync(join(dir, 'small.json'), '{"DEVICE_NAME":"dev1"}');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  describe.each(['v1', 'v2'] as AwsCliName[])('AWS CLI %s', (name) => {
    // HOME and the working directory in the temp dir: nothing the CLI writes lands elsewhere.
    const runner = (ctx: { skip(note?: string): never }) => awsCli(requireAwsCli(ctx, name), sb, { env: { HOME: dir }, cwd: dir });
    const bucket = `cli-${name}-bucket`;

    it('makes a bucket, copies a 20 MB file up and down intact, lists and removes', async (ctx) => {
      const aws = runner(ctx).text;
      expect(await aws('s3', 'mb', `s3://${bucket}`)).toContain(`make_bucket: ${bucket}`);
      const before = Date.now();
      await aws('s3', 'cp', join(dir, 'big.bin'), `s3://${bucket}/data/big.bin`);
      const calls = sb.running.sandbox.log.calls(before).filter((c) => c.service === 's3').map((c) => c.operation);
      expect(calls).toContain('CompleteMultipartUpload');
      expect(calls.filter((op) => op === 'UploadPart').length).toBeGreaterThanOrEqual(3);
      const stored = sb.running.sandbox.api('s3').getObject(bucket, 'data/big.bin')!;
      expect(stored.length).toBe(big.length);
      expect(sha(stored)).toBe(sha(big));
      const back = join(dir, `${bucket}-back.bin`);
      await aws('s3', 'cp', `s3://${bucket}/data/big.bin`, back);
      expect(sha(readFileSync(back))).toBe(sha(big));
      await aws('s3', 'cp', join(dir, 'small.json'), `s3://${bucket}/data/small.json`);
      const listing = await aws('s3', 'ls', `s3://${bucket}/data/`);
      expect(listing).toMatch(/20971520 big\.bin/);
      expect(listing).toMatch(/22 small\.json/);
      expect(await aws('s3', 'ls')).toContain(bucket);
      await aws('s3', 'rm', `s3://${bucket}/data/big.bin`);
      expect(await aws('s3', 'ls', `s3://${bucket}/data/`)).not.toContain('big.bin');
    }, 180_000);

    it('puts and gets an object with s3api', async (ctx) => {
      const aws = runner(ctx).text;
      const put = JSON.parse(await aws('s3api', 'put-object', '--bucket', bucket, '--key', 'api/r.json', '--body', join(dir, 'small.json'), '--content-type', 'application/json', '--metadata', 'device=dev1'));
      expect(put.ETag).toBe(`"${createHash('md5').update('{"DEVICE_NAME":"dev1"}').digest('hex')}"`);
      const out = join(dir, `${bucket}-r.json`);
      const got = JSON.parse(await aws('s3api', 'get-object', '--bucket', bucket, '--key', 'api/r.json', out));
      expect(got).toMatchObject({ ContentType: 'application/json', Metadata: { device: 'dev1' }, ContentLength: 22 });
      expect(readFileSync(out, 'utf8')).toBe('{"DEVICE_NAME":"dev1"}');
      await expect(aws('s3api', 'get-object', '--bucket', bucket, '--key', 'api/missing', out)).rejects.toThrow(/NoSuchKey/);
    }, 60_000);
  });
});
