// Who may reach the sandbox at all, over raw HTTP and real SDK v3 clients: an unsigned call is refused by
// every service with its AWS error (so an HTML form on any web page cannot change IAM), browsers are
// refused except at API Gateway invoke URLs, a Host naming another site (DNS rebinding) is refused, the
// credential scope's region must be a region, and with --verify-signatures a request must be fresh, a
// presigned URL unexpired, and the body the one that was signed. Off loopback, a secret of its own.

import { request } from 'node:http';
import { execFile } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CreateRoleCommand, GetRoleCommand, IAMClient, ListRolesCommand } from '@aws-sdk/client-iam';
import { KinesisClient, ListStreamsCommand } from '@aws-sdk/client-kinesis';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { Hash } from '@smithy/core/serde';
import { SignatureV4 } from '@smithy/signature-v4';
import { serviceModules } from '../../sandbox/services/registry.js';
import { startSandbox } from '../../sandbox/index.js';
import { useSandbox } from './support.js';

interface Answer {
  status: number;
  body: string;
}

function send(endpoint: string, { method = 'GET', path = '/', headers = {}, body = '' }: { method?: string; path?: string; headers?: Record<string, string>; body?: string }): Promise<Answer> {
  const url = new URL(endpoint);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, method, path, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** An unsigned request each service would recognise as its own, and what AWS answers it. */
const UNSIGNED: Record<string, { request: { method: string; path: string; headers?: Record<string, string>; body?: string }; status: number; code: RegExp }> = {
  sts: { request: { method: 'POST', path: '/', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'Action=GetCallerIdentity&Version=2011-06-15' }, status: 403, code: /<Code>MissingAuthenticationToken<\/Code>\s*<Message>Request is missing Authentication Token</ },
  iam: { request: { method: 'POST', path: '/', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'Action=ListRoles&Version=2010-05-08' }, status: 403, code: /<Code>MissingAuthenticationToken<\/Code>/ },
  cloudwatch: { request: { method: 'POST', path: '/', headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'GraniteServiceVersion20100801.ListMetrics' }, body: '{}' }, status: 400, code: /MissingAuthenticationTokenException/ },
  s3: { request: { method: 'GET', path: '/some-bucket/some-key' }, status: 403, code: /<Code>AccessDenied<\/Code><Message>Access Denied</ },
  dynamodb: { request: { method: 'POST', path: '/', headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'DynamoDB_20120810.ListTables' }, body: '{}' }, status: 400, code: /MissingAuthenticationTokenException/ },
  kinesis: { request: { method: 'POST', path: '/', headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'Kinesis_20131202.ListStreams' }, body: '{}' }, status: 400, code: /MissingAuthenticationTokenException/ },
  logs: { request: { method: 'POST', path: '/', headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'Logs_20140328.DescribeLogGroups' }, body: '{}' }, status: 400, code: /MissingAuthenticationTokenException/ },
  firehose: { request: { method: 'POST', path: '/', headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'Firehose_20150804.ListDeliveryStreams' }, body: '{}' }, status: 400, code: /MissingAuthenticationTokenException/ },
  glue: { request: { method: 'POST', path: '/', headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSGlue.GetDatabases' }, body: '{}' }, status: 400, code: /MissingAuthenticationTokenException/ },
  athena: { request: { method: 'POST', path: '/', headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AmazonAthena.ListWorkGroups' }, body: '{}' }, status: 400, code: /MissingAuthenticationTokenException/ },
  lambda: { request: { method: 'GET', path: '/2015-03-31/functions/' }, status: 403, code: /MissingAuthenticationTokenException|Missing Authentication Token/ },
  apigateway: { request: { method: 'GET', path: '/restapis' }, status: 403, code: /MissingAuthenticationTokenException|Missing Authentication Token/ },
  iot: { request: { method: 'GET', path: '/things' }, status: 403, code: /MissingAuthenticationTokenException|Missing Authentication Token/ },
  'iot-data': { request: { method: 'POST', path: '/topics/lab%2Fx', body: '{}' }, status: 403, code: /MissingAuthenticationTokenException|Missing Authentication Token/ },
};

const amzDate = (ms: number) => new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
const KEYS = { accessKeyId: 'test', secretAccessKey: 'test' };
const signerFor = (service: string, region = 'us-east-1') => new SignatureV4({ service, region, credentials: KEYS, sha256: Hash.bind(null, 'sha256'), uriEscapePath: service !== 's3' });

/** A Kinesis ListStreams signed at `when` (default now) over `signedBody`, sent with `sentBody`. */
interface KinesisCall {
  when?: number;
  signedBody?: string;
  sentBody?: string;
  extraHeaders?: Record<string, string>;
}

async function kinesisCall(endpoint: string, { when = Date.now(), signedBody = '{}', sentBody, extraHeaders = {} }: KinesisCall = {}): Promise<Answer> {
  const url = new URL(endpoint);
  const headers = { host: url.host, 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'Kinesis_20131202.ListStreams', ...extraHeaders };
  const signed = await signerFor('kinesis').sign({ method: 'POST', protocol: 'http:', hostname: url.hostname, port: Number(url.port), path: '/', query: {}, headers, body: signedBody }, { signingDate: new Date(when) });
  return send(endpoint, { method: 'POST', headers: signed.headers as Record<string, string>, body: sentBody ?? signedBody });
}

describe('edge: every call must be signed, and none may come from a web page', () => {
  const sb = useSandbox();

  it('refuses an unsigned call to every service with that service\'s AWS error', async () => {
    expect(Object.keys(UNSIGNED).sort()).toEqual(serviceModules.map((m) => m.service.name).sort());
    for (const [service, { request: req, status, code }] of Object.entries(UNSIGNED)) {
      const answer = await send(sb.endpoint, req);
      expect.soft({ service, status: answer.status }).toEqual({ service, status });
      expect.soft(answer.body, service).toMatch(code);
    }
  });

  it('creates nothing for an unsigned HTML form POST, with or without a web page\'s Origin', async () => {
    const form = 'Action=CreateRole&Version=2010-05-08&RoleName=from-a-web-page&AssumeRolePolicyDocument=%7B%7D';
    const headers = { 'content-type': 'application/x-www-form-urlencoded' };
    const fromPage = await send(sb.endpoint, { method: 'POST', headers: { ...headers, origin: 'http://attacker.example' }, body: form });
    expect(fromPage.status).toBe(403);
    expect(fromPage.body).toContain('refuses AWS API calls from a web page (Origin http://attacker.example)');
    const plain = await send(sb.endpoint, { method: 'POST', headers, body: form });
    expect(plain).toMatchObject({ status: 403, body: expect.stringContaining('<Code>MissingAuthenticationToken</Code>') });
    await expect(new IAMClient(sb.config()).send(new GetRoleCommand({ RoleName: 'from-a-web-page' }))).rejects.toMatchObject({ name: 'NoSuchEntityException' });
  });

  it('refuses a signed call a browser makes for another site, but not the same call from an SDK', async () => {
    const iam = new IAMClient(sb.config());
    await expect(iam.send(new ListRolesCommand({}))).resolves.toBeDefined();
    for (const header of [{ origin: 'http://attacker.example' }, { 'sec-fetch-site': 'cross-site' }, { origin: 'null' }]) {
      const browser = new IAMClient(sb.config());
      browser.middlewareStack.add((next) => (args) => {
        Object.assign((args.request as { headers: Record<string, string> }).headers, header);
        return next(args);
      }, { step: 'build' });
      await expect(browser.send(new CreateRoleCommand({ RoleName: 'from-a-browser', AssumeRolePolicyDocument: '{}' }))).rejects.toMatchObject({
        name: 'AccessDenied',
        $metadata: { httpStatusCode: 403 },
        message: expect.stringContaining('only API Gateway invoke URLs answer browsers'),
      });
    }
    await expect(iam.send(new GetRoleCommand({ RoleName: 'from-a-browser' }))).rejects.toMatchObject({ name: 'NoSuchEntityException' });
  });

  it('refuses a Host that names another site (DNS rebinding), on services and on its own pages', async () => {
    const port = new URL(sb.endpoint).port;
    expect((await send(sb.endpoint, { path: '/_sandbox/status', headers: { host: `localhost:${port}` } })).status).toBe(200);
    expect((await send(sb.endpoint, { path: '/_sandbox/status', headers: { host: `bucket.s3.localhost:${port}` } })).status).toBe(200);
    const rebound = await send(sb.endpoint, { path: '/_sandbox/status', headers: { host: `attacker.example:${port}` } });
    expect(rebound.status).toBe(403);
    expect(rebound.body).toContain("not Host 'attacker.example:");
    const answer = await kinesisCall(sb.endpoint, { extraHeaders: { host: `rebind.attacker.example:${port}` } });
    expect(answer.status).toBe(403);
    expect(answer.body).toContain('AccessDeniedException');
  });

  it('refuses a credential scope whose region is not a region, before any service sees it', async () => {
    const scope = (service: string, region: string) => ({ authorization: `AWS4-HMAC-SHA256 Credential=test/20261203/${region}/${service}/aws4_request, SignedHeaders=host, Signature=00`, 'x-amz-date': amzDate(Date.now()) });
    const dynamo = await send(sb.endpoint, { method: 'POST', headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'DynamoDB_20120810.ListTables', ...scope('dynamodb', '..') }, body: '{}' });
    expect(dynamo.status).toBe(400);
    expect(JSON.parse(dynamo.body)).toMatchObject({ __type: 'InvalidSignatureException', message: 'Credential should be scoped to a valid region. ' });
    const s3 = await send(sb.endpoint, { path: '/', headers: scope('s3', 'a b') });
    expect(s3).toMatchObject({ status: 400, body: expect.stringContaining('<Code>AuthorizationHeaderMalformed</Code>') });
    const iam = await send(sb.endpoint, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...scope('iam', 'US-EAST-1') }, body: 'Action=ListRoles&Version=2010-05-08' });
    expect(iam).toMatchObject({ status: 403, body: expect.stringContaining('<Code>SignatureDoesNotMatch</Code>') });
  });
});

describe('edge: --verify-signatures checks time, expiry and the body', () => {
  const sb = useSandbox({ verifySignatures: true });
  const minutes = (n: number) => n * 60_000;

  it('refuses a request signed more than 15 minutes away from now, either way, as each protocol does', async () => {
    expect((await kinesisCall(sb.endpoint, { when: Date.now() - minutes(10) })).status).toBe(200);
    const late = await kinesisCall(sb.endpoint, { when: Date.now() - minutes(40) });
    expect(late.status).toBe(400);
    expect(JSON.parse(late.body)).toMatchObject({ __type: 'InvalidSignatureException', message: expect.stringMatching(/^Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 15 min\.\)$/) });
    const early = await kinesisCall(sb.endpoint, { when: Date.now() + minutes(40) });
    expect(JSON.parse(early.body)).toMatchObject({ __type: 'InvalidSignatureException', message: expect.stringMatching(/^Signature not yet current: .* \+ 15 min\.\)$/) });

    const url = new URL(sb.endpoint);
    const s3 = await signerFor('s3').sign({ method: 'GET', protocol: 'http:', hostname: url.hostname, port: Number(url.port), path: '/', query: {}, headers: { host: url.host, 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' } }, { signingDate: new Date(Date.now() - minutes(20)) });
    const skewed = await send(sb.endpoint, { headers: s3.headers as Record<string, string> });
    expect(skewed.status).toBe(403);
    expect(skewed.body).toContain('<Code>RequestTimeTooSkewed</Code>');
    expect(skewed.body).toContain('<MaxAllowedSkewMilliseconds>900000</MaxAllowedSkewMilliseconds>');
  });

  it('refuses a presigned URL once it has expired, and one that would live longer than a week', async () => {
    const s3 = new S3Client({ ...sb.config(), forcePathStyle: true });
    await s3.send(new CreateBucketCommand({ Bucket: 'presigned' }));
    await s3.send(new PutObjectCommand({ Bucket: 'presigned', Key: 'k.txt', Body: 'hello' }));
    const url = new URL(sb.endpoint);
    const presign = async (expiresIn: number, signingDate = new Date()) => {
      // S3's presigned URLs sign UNSIGNED-PAYLOAD (as the SDK's presigner does).
      const headers = { host: url.host, 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' };
      const signed = await signerFor('s3').presign({ method: 'GET', protocol: 'http:', hostname: url.hostname, port: Number(url.port), path: '/presigned/k.txt', query: {}, headers }, { expiresIn, signingDate });
      return `/presigned/k.txt?${new URLSearchParams(signed.query as Record<string, string>).toString()}`;
    };
    expect(await send(sb.endpoint, { path: await presign(60) })).toEqual({ status: 200, body: 'hello' });
    const expired = await send(sb.endpoint, { path: await presign(60, new Date(Date.now() - minutes(2))) });
    expect(expired.status).toBe(403);
    expect(expired.body).toContain('<Code>AccessDenied</Code><Message>Request has expired</Message>');
    const tooLong = (await presign(60)).replace(/X-Amz-Expires=60/, 'X-Amz-Expires=604801');
    const refused = await send(sb.endpoint, { path: tooLong });
    expect(refused).toMatchObject({ status: 400, body: expect.stringContaining('X-Amz-Expires must be less than a week (in seconds) that is 604800') });
  });

  it('refuses a JSON-protocol body other than the one signed, whatever x-amz-content-sha256 says', async () => {
    expect((await kinesisCall(sb.endpoint, { signedBody: '{}' })).status).toBe(200);
    const swapped = await kinesisCall(sb.endpoint, { signedBody: '{}', sentBody: '{"Limit":1}' });
    expect(swapped.status).toBe(400);
    expect(JSON.parse(swapped.body)).toMatchObject({ __type: 'InvalidSignatureException' });
    const unsignedPayload = await kinesisCall(sb.endpoint, { signedBody: '{}', sentBody: '{"Limit":1}', extraHeaders: { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' } });
    expect(JSON.parse(unsignedPayload.body)).toMatchObject({ __type: 'InvalidSignatureException' });
  });

  it('still serves SDK v3 clients signing correctly', async () => {
    await expect(new KinesisClient(sb.config()).send(new ListStreamsCommand({}))).resolves.toMatchObject({ StreamNames: [] });
  });
});

describe('listening beyond loopback', () => {
  it('refuses to start without --verify-signatures, or with the public default secret', async () => {
    await expect(startSandbox({ port: 0, inMemory: true, verbose: false, host: '0.0.0.0', mqttPort: 0, mqttsPort: 0 })).rejects.toThrow(/--host 0\.0\.0\.0 .* add --verify-signatures/);
    await expect(startSandbox({ port: 0, inMemory: true, verbose: false, host: '0.0.0.0', verifySignatures: true, secretAccessKey: 'test', mqttPort: 0, mqttsPort: 0 })).rejects.toThrow(/default secret 'test' is public/);
  });

  it('checks every signature against its own secret once it may', async () => {
    const running = await startSandbox({ port: 0, inMemory: true, verbose: false, host: '0.0.0.0', verifySignatures: true, secretAccessKey: 'a-secret-of-its-own', mqttPort: 0, mqttsPort: 0 });
    try {
      const config = (secretAccessKey: string) => ({ endpoint: running.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey } });
      await expect(new KinesisClient(config('test')).send(new ListStreamsCommand({}))).rejects.toMatchObject({ name: 'InvalidSignatureException' });
      await expect(new KinesisClient(config('a-secret-of-its-own')).send(new ListStreamsCommand({}))).resolves.toBeDefined();
    } finally {
      await running.stop();
    }
  });

  it('generates a secret and shows it once when started from the command line without one', async () => {
    const main = new URL('../../dist/sandbox/main.js', import.meta.url).pathname;
    const output = await new Promise<string>((resolve, reject) => {
      const child = execFile(process.execPath, [main, '--host', '0.0.0.0', '--port', '0', '--in-memory', '--verify-signatures', '--mqtt-port', '0', '--mqtts-port', '0', '--quiet'], { timeout: 30_000 });
      let out = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (/secret \S+\n/.test(out)) {
          child.kill('SIGTERM');
          resolve(out);
        }
      });
      child.on('exit', () => resolve(out));
      child.on('error', reject);
    });
    expect(output).toMatch(/^sandbox listening on http:\/\/127\.0\.0\.1:\d+\nsignatures are checked; sign with access key test \(or any 12-digit account id\) and secret [A-Za-z0-9_-]{32}\n/);
    const refused = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      execFile(process.execPath, [main, '--host', '0.0.0.0', '--port', '0', '--in-memory', '--quiet'], { timeout: 30_000 }, (err, _out, stderr) => resolve({ code: (err as { code?: number } | null)?.code ?? 0, stderr }));
    });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^sandbox could not start: --host 0\.0\.0\.0 lets other machines call the sandbox/);
  }, 60_000);
});
