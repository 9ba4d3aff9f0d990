// The edge itself: h2c and HTTP/1.1 on one port, unknown operations, signature checking, and
// garbage that must get an error response without taking the sandbox down.

import { connect as connectH2 } from 'node:http2';
import { connect as connectTcp } from 'node:net';
import { request } from 'node:http';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { useSandbox } from './support.js';

const AUTH = 'AWS4-HMAC-SHA256 Credential=test/20261128/us-east-1/sts/aws4_request, SignedHeaders=host, Signature=00';
const IDENTITY_BODY = 'Action=GetCallerIdentity&Version=2011-06-15';

function h2Post(endpoint: string, path: string, headers: Record<string, string>, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const session = connectH2(endpoint);
    session.on('error', reject);
    const req = session.request({ ':method': 'POST', ':path': path, ...headers });
    let status = 0;
    let text = '';
    req.on('response', (h) => (status = Number(h[':status'])));
    req.setEncoding('utf8');
    req.on('data', (c: string) => (text += c));
    req.on('end', () => {
      session.close();
      resolve({ status, body: text });
    });
    req.on('error', reject);
    req.end(body);
  });
}

function rawHttp(endpoint: string, method: string, path: string, headers: Record<string, string>, body: Buffer | string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${endpoint}${path}`, { method, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Writes bytes on a raw TCP connection and resolves when the server answers or closes. */
function rawTcp(port: number, bytes: Buffer, { halfSend = false } = {}): Promise<string> {
  return new Promise((resolve) => {
    const socket = connectTcp(port, '127.0.0.1');
    let answer = '';
    socket.on('data', (d) => (answer += d.toString('latin1')));
    socket.on('error', () => resolve(answer));
    socket.on('close', () => resolve(answer));
    socket.setTimeout(2000, () => socket.destroy());
    socket.write(bytes, () => {
      if (halfSend) socket.destroy();
      else socket.end();
    });
  });
}

describe('edge', () => {
  const sb = useSandbox();

  it('answers HTTP/1.1 and prior-knowledge HTTP/2 on the same port', async () => {
    const headers = { 'content-type': 'application/x-www-form-urlencoded', authorization: AUTH };
    const h1 = await rawHttp(sb.endpoint, 'POST', '/', headers, IDENTITY_BODY);
    const h2 = await h2Post(sb.endpoint, '/', headers, IDENTITY_BODY);
    for (const r of [h1, h2]) {
      expect(r.status).toBe(200);
      expect(r.body).toContain('<Account>000000000000</Account>');
    }
  });

  it('answers an unknown operation as AWS does and counts it for `lab sandbox status`', async () => {
    const r = await rawHttp(sb.endpoint, 'POST', '/', { 'content-type': 'application/x-www-form-urlencoded', authorization: AUTH }, 'Action=GetSessionTokenX&Version=2011-06-15');
    expect(r.status).toBe(400);
    expect(r.body).toContain('<Code>InvalidAction</Code>');
    const status = JSON.parse((await rawHttp(sb.endpoint, 'GET', '/_sandbox/status', {}, '')).body) as { unimplemented: Record<string, number> };
    expect(status.unimplemented['sts.GetSessionTokenX']).toBe(1);
  });

  it('answers a request no service claims with an AWS-shaped error', async () => {
    const r = await rawHttp(sb.endpoint, 'GET', '/nothing-here', { 'x-amz-target': 'Nobody.Nothing' }, '');
    expect(r.status).toBe(400);
    expect(r.body).toContain('<Code>UnrecognizedClientException</Code>');
  });

  it('survives a few hundred garbage requests, then serves a normal call', async () => {
    const port = sb.running.port;
    const answers: string[] = [];
    for (let i = 0; i < 100; i++) answers.push(await rawTcp(port, randomBytes(1 + (i * 37) % 2000)));
    for (let i = 0; i < 50; i++) {
      // Declares more body than it sends, then hangs up.
      answers.push(await rawTcp(port, Buffer.from(`POST / HTTP/1.1\r\nhost: x\r\ncontent-length: 1000\r\nauthorization: ${AUTH}\r\n\r\nAction=Get`), { halfSend: true }));
    }
    for (let i = 0; i < 50; i++) {
      const type = ['application/json', 'text/plain', 'application/x-amz-json-1.1', 'application/cbor', 'application/x-amz-cbor-1.1'][i % 5];
      const target: Record<string, string> = i % 2 === 0 ? { 'x-amz-target': 'Nope_2020.Thing' } : {};
      const r = await rawHttp(sb.endpoint, 'POST', '/', { 'content-type': type, authorization: AUTH, ...target }, randomBytes(64));
      expect(r.status).toBeGreaterThanOrEqual(400);
      expect(r.status).toBeLessThan(500);
    }
    for (let i = 0; i < 20; i++) {
      const r = await rawTcp(port, Buffer.from(`GET / HTTP/1.1\r\nhost: x\r\nx-big: ${'a'.repeat(100_000)}\r\n\r\n`));
      expect(r).toMatch(/^HTTP\/1\.1 4\d\d/);
    }
    for (let i = 0; i < 50; i++) {
      // A broken HTTP/2 connection: the preface, then nonsense frames.
      answers.push(await rawTcp(port, Buffer.concat([Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n'), randomBytes(200)])));
    }
    expect(answers.length).toBe(200);
    const who = await new STSClient(sb.config()).send(new GetCallerIdentityCommand({}));
    expect(who.Account).toBe('000000000000');
  });
});

describe('edge with --verify-signatures', () => {
  const sb = useSandbox({ verifySignatures: true });

  it('accepts requests signed with the sandbox secret and refuses others as AWS does', async () => {
    const ok = await new STSClient(sb.config()).send(new GetCallerIdentityCommand({}));
    expect(ok.Account).toBe('000000000000');
    await expect(new STSClient(sb.config({ secretAccessKey: 'wrong' })).send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({
      name: 'SignatureDoesNotMatch',
      $metadata: { httpStatusCode: 403 },
    });
  });
});
