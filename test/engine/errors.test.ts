import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { describeError, EnvironmentError, UsageError } from '../../src/errors.js';
import { createClientFactory } from '../../src/target/clients.js';
import { useLanguage } from '../../src/i18n/index.js';

const named = (name: string, message = 'x') => Object.assign(new Error(message), { name });
const AWS = { kind: 'aws' as const, region: 'eu-west-1' };

describe('describeError', () => {
  it('explains missing, expired and invalid credentials', () => {
    expect(describeError(named('CredentialsProviderError', 'Could not load credentials from any providers'), AWS)).toMatchObject({ message: 'No AWS credentials found.', environment: true });
    for (const name of ['ExpiredTokenException', 'ExpiredToken', 'InvalidClientTokenId', 'UnrecognizedClientException']) {
      expect(describeError(named(name), AWS).message).toBe(`Your AWS credentials are expired or invalid (${name}).`);
    }
  });

  it('names the action and resource of an AccessDenied', () => {
    const advice = describeError(named('AccessDenied', 'User: arn:aws:sts::1:assumed-role/x is not authorized to perform: s3:ListBucket on resource: arn:aws:s3:::iotlab-lake'), AWS);
    expect(advice.message).toBe('Access denied: you may not s3:ListBucket on arn:aws:s3:::iotlab-lake.');
    expect(advice.hint).toMatch(/permission/);
  });

  it('says when to retry and when the region is wrong', () => {
    expect(describeError(named('ThrottlingException'), AWS).hint).toMatch(/run it again/);
    expect(describeError(named('PermanentRedirect'), AWS)).toMatchObject({ message: expect.stringContaining('another region than eu-west-1') });
    expect(describeError(new Error('Region is missing'), AWS).hint).toMatch(/--region/);
  });

  it('gives its advice in the chosen language, with the same evidence', () => {
    useLanguage('ko');
    try {
      const denied = describeError(named('AccessDenied', 'User: x is not authorized to perform: s3:ListBucket on resource: arn:aws:s3:::iotlab-lake'), AWS);
      expect(denied.message).toBe('액세스가 거부되었습니다: arn:aws:s3:::iotlab-lake에 대해 s3:ListBucket 권한이 없습니다.');
      expect(describeError(named('ExpiredToken'), AWS).message).toBe('AWS 자격 증명이 만료되었거나 올바르지 않습니다(ExpiredToken).');
      expect(describeError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), { kind: 'local', region: 'us-east-1', endpoint: 'http://127.0.0.1:4566' })).toMatchObject({
        message: '샌드박스가 http://127.0.0.1:4566에서 실행 중이 아닙니다.',
        hint: '다른 터미널에서 `lab sandbox start`로 샌드박스를 시작한 뒤 다시 실행하세요.',
      });
    } finally {
      useLanguage('en');
    }
  });

  it('keeps unknown errors as they are and marks them as not the environment', () => {
    expect(describeError(new TypeError('x is undefined'))).toEqual({ message: 'TypeError: x is undefined', environment: false });
  });

  it('passes the workbook’s own errors through', () => {
    expect(describeError(new UsageError('bad lab')).message).toBe('bad lab');
    expect(describeError(new EnvironmentError('down', 'start it'))).toMatchObject({ message: 'down', hint: 'start it' });
  });

  it('recognises a sandbox that is not running from a real refused connection', async () => {
    // A port that was just free: nothing listens there.
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
    });
    const endpoint = `http://127.0.0.1:${port}`;
    const clients = createClientFactory({ kind: 'local', region: 'us-east-1', endpoint });
    const err = await clients.get(STSClient).send(new GetCallerIdentityCommand({})).catch((e: unknown) => e);
    clients.destroy();
    const advice = describeError(err, { kind: 'local', region: 'us-east-1', endpoint });
    expect(advice.message).toBe(`The sandbox is not running at ${endpoint}.`);
    expect(advice.hint).toContain('lab sandbox start');
  });
});
