// What the edge answers to malformed requests for JSON-protocol services, over raw HTTP: the forms Coral
// gives bodies in other content types (its older application/json envelope, bare XML), CBOR error bodies,
// the headers every answer carries, requests no service claims, and the order under --verify-signatures.

import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { CreateStreamCommand, DescribeStreamSummaryCommand, KinesisClient, ListStreamsCommand } from '@aws-sdk/client-kinesis';
import { decodeCbor, encodeCbor } from '../../sandbox/protocols/cbor.js';
import { useSandbox } from './support.js';

const JSON_11 = 'application/x-amz-json-1.1';
const CBOR = 'application/x-amz-cbor-1.1';
const LIST_STREAMS = 'Kinesis_20131202.ListStreams';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Complete enough for the edge (any key signs unless --verify-signatures); `service` is the credential scope's. */
const signed = (service = 'kinesis') => {
  // Signed now: a request more than 15 minutes off is refused for its time before its signature is looked at.
  const amzDate = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  return {
    authorization: `AWS4-HMAC-SHA256 Credential=test/${amzDate.slice(0, 8)}/us-east-1/${service}/aws4_request, SignedHeaders=host, Signature=00`,
    'x-amz-date': amzDate,
  };
};

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  raw: Buffer;
  /** The body read per its content type: CBOR, JSON, or the text. */
  body: unknown;
}

/** A request with exactly these headers (node:http adds only host and connection). */
function send(endpoint: string, { method = 'POST', path = '/', headers = {}, body = '' }: { method?: string; path?: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(`${endpoint}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        const type = res.headers['content-type'] ?? '';
        let parsed: unknown = raw.toString('utf8');
        if (type.startsWith(CBOR)) parsed = decodeCbor(raw);
        else if (type.includes('json')) parsed = JSON.parse(raw.toString('utf8'));
        resolve({ status: res.statusCode ?? 0, headers: res.headers, raw, body: parsed });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** The headers AWS's JSON services put on every answer: request id, host id, length. */
function expectAwsJsonHeaders(answer: Answer): void {
  expect(answer.headers['x-amzn-requestid']).toMatch(UUID);
  expect(Buffer.from(String(answer.headers['x-amz-id-2']), 'base64').length).toBe(72);
  expect(answer.headers['content-length']).toBe(String(answer.raw.length));
}

describe('edge: malformed requests for JSON-protocol services', () => {
  const sb = useSandbox();
  const post = (headers: Record<string, string>, body: string | Buffer = '', path = '/') => send(sb.endpoint, { headers, body, path });

  it('refuses missing authentication once the body reads, with the request and host ids', async () => {
    const missing = await post({ 'content-type': JSON_11, 'x-amz-target': LIST_STREAMS }, '{}');
    expect(missing).toMatchObject({ status: 400, body: { __type: 'MissingAuthenticationTokenException', message: 'Missing Authentication Token' } });
    expect(missing.headers['content-type']).toBe(JSON_11);
    expect(missing.headers['x-amzn-errortype']).toBe('MissingAuthenticationTokenException');
    expectAwsJsonHeaders(missing);
    // A body that is no document is refused first, signed or not, and without a message.
    const garbage = await post({ 'content-type': JSON_11, 'x-amz-target': LIST_STREAMS }, 'hello');
    expect(garbage).toMatchObject({ status: 400, body: { __type: 'SerializationException' } });
    expect(garbage.body).not.toHaveProperty('Message');
    const ok = await post({ 'content-type': JSON_11, 'x-amz-target': LIST_STREAMS, ...signed() }, '{}');
    expect(ok).toMatchObject({ status: 200, body: { StreamNames: [], HasMoreStreams: false } });
    expectAwsJsonHeaders(ok);
  });

  it('reads a plain application/json body in Coral\'s older envelope and runs no operation', async () => {
    const unknown = await post({ 'content-type': 'application/json', 'x-amz-target': LIST_STREAMS }, '{}');
    expect(unknown).toMatchObject({ status: 404, body: { Output: { __type: 'com.amazon.coral.service#UnknownOperationException' }, Version: '1.0' } });
    expect(unknown.headers['content-type']).toBe('application/json');
    expectAwsJsonHeaders(unknown);
    const signedToo = await post({ 'content-type': 'application/json', 'x-amz-target': LIST_STREAMS, ...signed() }, '{"Limit": 1}');
    expect(signedToo.status).toBe(404);
    const garbage = await post({ 'content-type': '   application/json   ;', 'x-amz-target': LIST_STREAMS }, 'hello');
    expect(garbage).toMatchObject({ status: 400, body: { Output: { __type: 'com.amazon.coral.service#SerializationException' }, Version: '1.0' } });
    // Without a body there is no envelope to read: Kinesis answers in CBOR, a JSON-only service in its JSON.
    const empty = await post({ 'content-type': 'application/json', 'x-amz-target': LIST_STREAMS, ...signed() });
    expect(empty).toMatchObject({ status: 400, body: { __type: 'SerializationException' } });
    expect(empty.headers['content-type']).toBe(CBOR);
    const logs = await post({ 'content-type': 'application/json', 'x-amz-target': 'Logs_20140328.DescribeLogGroups', ...signed('logs') });
    expect(logs).toMatchObject({ status: 400, body: { __type: 'SerializationException' } });
    expect(logs.headers['content-type']).toBe(JSON_11);
  });

  it('refuses a body in a content type the service does not read, in bare XML before authentication', async () => {
    for (const type of ['text/plain', 'application/x-amz-json-1.0', 'application/x-www-form-urlencoded']) {
      const r = await post({ 'content-type': type, 'x-amz-target': LIST_STREAMS }, '{}');
      expect(r).toMatchObject({ status: 404, body: '<UnknownOperationException/>\n' });
      expect(r.headers).not.toHaveProperty('content-type');
      expectAwsJsonHeaders(r);
    }
    // Signed for Kinesis but naming no operation: nothing to authorise.
    const noTarget = await post({ 'content-type': 'text/plain', ...signed() }, '{}');
    expect(noTarget).toMatchObject({
      status: 403,
      body: '<AccessDeniedException>\n  <Message>Unable to determine service/operation name to be authorized</Message>\n</AccessDeniedException>\n',
    });
  });

  it('answers CBOR requests in CBOR, errors included', async () => {
    const headers = { 'content-type': CBOR, 'x-amz-target': LIST_STREAMS };
    const missing = await post(headers, encodeCbor({}));
    expect(missing).toMatchObject({ status: 400, body: { __type: 'MissingAuthenticationTokenException', message: 'Missing Authentication Token' } });
    expect(missing.headers['content-type']).toBe(CBOR);
    expectAwsJsonHeaders(missing);
    // 0xff is a CBOR break with nothing to end; a bare number is no structure.
    for (const bad of [Buffer.from([0xff]), encodeCbor(7)]) {
      expect((await post({ ...headers, ...signed() }, bad)).body).toEqual({ __type: 'SerializationException' });
    }
    const unknown = await post({ ...headers, 'x-amz-target': 'Kinesis_20131202.ListStream', ...signed() }, encodeCbor({}));
    expect(unknown).toMatchObject({ status: 400, body: { __type: 'UnknownOperationException' } });
    const ok = await post({ ...headers, ...signed() }, encodeCbor({}));
    expect(ok).toMatchObject({ status: 200, body: { StreamNames: [], HasMoreStreams: false } });
    expect(ok.headers['content-type']).toBe(CBOR);
  });

  it('answers a request no service claims in the form its client reads', async () => {
    // An awsJson content type without a target: what every AWS JSON endpoint says, in that content type.
    for (const type of [JSON_11, 'application/x-amz-json-1.0', CBOR]) {
      const r = await post({ 'content-type': type }, type === CBOR ? encodeCbor({}) : '{}');
      expect(r).toMatchObject({ status: 400, body: { __type: 'UnknownOperationException' } });
      expect(r.headers['content-type']).toBe(type);
      expectAwsJsonHeaders(r);
    }
    // A target of a service the sandbox does not have (SQS) says so.
    const sqs = await post({ 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'AmazonSQS.SendMessage', ...signed('sqs') }, '{}');
    expect(sqs).toMatchObject({ status: 400, body: { __type: 'UnknownOperationException', message: "No service in the sandbox answers X-Amz-Target 'AmazonSQS.SendMessage'." } });
    // Anything else gets the sandbox's own XML error, naming what it lacked.
    const ec2 = await post({ 'content-type': 'application/x-www-form-urlencoded', ...signed('ec2') }, 'Action=DescribeInstances&Version=2016-11-15');
    expect(ec2.status).toBe(400);
    expect(ec2.body).toContain('<Code>UnrecognizedClientException</Code>');
    expect(ec2.body).toContain('The sandbox does not serve &apos;ec2&apos;, the service this request is signed for.');
    // A target no one serves, in a request that is not awsJson, gets it too, naming what it lacked.
    const bare = await send(sb.endpoint, { method: 'GET', path: '/nothing', headers: { 'x-amz-target': 'Nobody.Nothing' } });
    expect(bare.status).toBe(400);
    expect(bare.body).toContain('it has no SigV4 credential scope, X-Amz-Target, known path or Action');
    expect(bare.headers['x-amzn-requestid']).toMatch(UUID);
    // An unsigned path nothing names is S3's, as on S3's endpoint: refused as anonymous access to a private bucket.
    const path = await send(sb.endpoint, { method: 'GET', path: '/nothing' });
    expect(path.status).toBe(403);
    expect(path.body).toContain('<Code>AccessDenied</Code>');
  });

  it('still serves signed SDK v3 traffic', async () => {
    const kinesis = new KinesisClient(sb.config());
    await kinesis.send(new CreateStreamCommand({ StreamName: 'edge-errors', ShardCount: 1 }));
    const summary = await kinesis.send(new DescribeStreamSummaryCommand({ StreamName: 'edge-errors' }));
    expect(summary.StreamDescriptionSummary?.OpenShardCount).toBe(1);
    expect((await kinesis.send(new ListStreamsCommand({}))).StreamNames).toEqual(['edge-errors']);
  });
});

describe('edge: JSON-protocol requests with --verify-signatures', () => {
  const sb = useSandbox({ verifySignatures: true });

  it('reads the body and finds the operation before it checks the signature, which fails with a 400', async () => {
    const wrong = { 'content-type': JSON_11, 'x-amz-target': LIST_STREAMS, ...signed() };
    expect((await send(sb.endpoint, { headers: wrong, body: 'hello' })).body).toEqual({ __type: 'SerializationException' });
    expect((await send(sb.endpoint, { headers: { ...wrong, 'x-amz-target': 'Kinesis_20131202.Nope' }, body: '{}' })).body).toEqual({ __type: 'UnknownOperationException' });
    const bad = await send(sb.endpoint, { headers: wrong, body: '{}' });
    expect(bad).toMatchObject({ status: 400, body: { __type: 'InvalidSignatureException' } });
    expect((bad.body as { message: string }).message).toMatch(/^The request signature we calculated does not match/);
    await expect(new KinesisClient(sb.config({ secretAccessKey: 'wrong' })).send(new ListStreamsCommand({}))).rejects.toMatchObject({
      name: 'InvalidSignatureException',
      $metadata: { httpStatusCode: 400 },
    });
    expect((await new KinesisClient(sb.config()).send(new ListStreamsCommand({}))).StreamNames).toEqual([]);
  });
});
