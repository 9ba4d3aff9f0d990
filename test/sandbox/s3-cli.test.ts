// The AWS CLI against the sandbox's S3 through AWS_ENDPOINT_URL: CLI v1 (`aws` on PATH, from pip) and,
// when Debian's awscli package is installed, CLI v2 at /usr/bin/aws. A 20 MB file crosses the 8 MB
// multipart threshold both ways.

import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useSandbox } from './support.js';

const run = promisify(execFile);

async function which(command: string): Promise<string | undefined> {
  try {
    return (await run('sh', ['-c', `command -v ${command}`])).stdout.trim() || undefined;
  } catch {
    return undefined;
  }
}

/** `aws-cli/2.9.19 ...` -> whether this CLI reads AWS_ENDPOINT_URL (v1 since 1.29, v2 since 2.13). */
async function honoursEndpointEnv(bin: string): Promise<boolean> {
  const { stdout, stderr } = await run(bin, ['--version']);
  const [major, minor] = (/aws-cli\/(\d+)\.(\d+)/.exec(stdout + stderr) ?? []).slice(1).map(Number);
  return major === 1 ? minor >= 29 : major === 2 && minor >= 13;
}

const pathAws = await which('aws');
const candidates = [
  ...(pathAws && pathAws !== '/usr/bin/aws' ? [{ name: 'AWS CLI on PATH', bin: pathAws }] : []),
  ...(existsSync('/usr/bin/aws') ? [{ name: 'AWS CLI /usr/bin/aws (Debian awscli)', bin: '/usr/bin/aws' }] : []),
];
// An older CLI that ignores AWS_ENDPOINT_URL also gets --endpoint-url, so it can never reach real AWS.
const clis = await Promise.all(candidates.map(async (c) => ({ ...c, endpointFlag: !(await honoursEndpointEnv(c.bin)) })));
const sha = (data: Buffer) => createHash('sha256').update(data).digest('hex');

if (clis.length === 0) console.warn('S3 CLI tests skipped: no `aws` on PATH and no /usr/bin/aws');

describe.skipIf(clis.length === 0)('S3 with the AWS CLI', () => {
  const sb = useSandbox();
  let dir: string;
  const big = randomBytes(20 * 1024 * 1024);

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 's3-cli-'));
    writeFileSync(join(dir, 'big.bin'), big);
    writeFileSync(join(dir, 'small.json'), '{"DEVICE_NAME":"dev1"}');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  describe.each(clis)('$name', ({ bin, endpointFlag }) => {
    const aws = async (...args: string[]) => {
      const env = {
        PATH: process.env.PATH ?? '',
        HOME: dir,
        AWS_ENDPOINT_URL: sb.endpoint,
        AWS_ACCESS_KEY_ID: 'test',
        AWS_SECRET_ACCESS_KEY: 'test',
        AWS_DEFAULT_REGION: 'us-east-1',
        AWS_PAGER: '',
        AWS_CONFIG_FILE: join(dir, 'no-config'),
        AWS_SHARED_CREDENTIALS_FILE: join(dir, 'no-credentials'),
      };
      const { stdout } = await run(bin, endpointFlag ? [...args, '--endpoint-url', sb.endpoint] : args, { env, cwd: dir, maxBuffer: 64 * 1024 * 1024 });
      return stdout;
    };
    const bucket = `cli-${bin === '/usr/bin/aws' ? 'v2' : 'path'}-bucket`;

    it('makes a bucket, copies a 20 MB file up and down intact, lists and removes', async () => {
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

    it('puts and gets an object with s3api', async () => {
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
