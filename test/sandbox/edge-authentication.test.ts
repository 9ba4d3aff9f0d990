// What a JSON-protocol service answers before it runs an operation, over raw HTTP as AWS answers it:
// missing or incomplete authentication, bodies that are not a document, unknown operations, and
// Kinesis's CBOR fallback for content types other than its JSON one.

import { describe, expect, it } from 'vitest';
import { KinesisClient, ListStreamsCommand } from '@aws-sdk/client-kinesis';
import { decodeCbor } from '../../sandbox/protocols/cbor.js';
import { useSandbox } from './support.js';

const JSON_11 = 'application/x-amz-json-1.1';
const SIGNED = { authorization: 'AWS4-HMAC-SHA256 Credential=test/20261128/us-east-1/kinesis/aws4_request, SignedHeaders=host, Signature=00', 'x-amz-date': '20261128T000000Z' };

describe('edge: JSON-protocol requests refused before the operation', () => {
  const sb = useSandbox();
  const call = async (headers: Record<string, string>, body = '{}', path = '/') => {
    const res = await fetch(sb.endpoint + path, { method: 'POST', headers: { 'content-type': JSON_11, 'x-amz-target': 'Kinesis_20131202.ListStreams', ...headers }, body });
    const raw = Buffer.from(await res.arrayBuffer());
    const type = res.headers.get('content-type') ?? '';
    return { status: res.status, type, hostId: res.headers.get('x-amz-id-2'), body: type.includes('cbor') ? decodeCbor(raw) : JSON.parse(raw.toString()) };
  };

  it('refuses a request without authentication', async () => {
    expect(await call({})).toMatchObject({ status: 400, type: JSON_11, body: { __type: 'MissingAuthenticationTokenException', message: 'Missing Authentication Token' } });
    // Query parameters count only once X-Amz-Algorithm is there.
    const r = await call({}, '{}', '/?X-Amz-Credential=a&X-Amz-Signature=b&X-Amz-SignedHeaders=c&X-Amz-Date=d');
    expect(r.body.__type).toBe('MissingAuthenticationTokenException');
  });

  it('names every part an Authorization header or a presigned query lacks', async () => {
    expect((await call({ authorization: 'X' })).body).toEqual({
      __type: 'IncompleteSignatureException',
      message:
        "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. " +
        "Authorization header requires 'SignedHeaders' parameter. Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. Authorization=X",
    });
    expect((await call({ authorization: 'AWS4- Signature=b, Credential=a', date: 'a' })).body.message).toBe(
      "Authorization header requires 'SignedHeaders' parameter. Authorization=AWS4- Signature=b, Credential=a",
    );
    expect((await call({}, '{}', '/?X-Amz-Algorithm=a&X-Amz-Credential=b&X-Amz-Signature=c&X-Amz-Date=d')).body).toEqual({
      __type: 'IncompleteSignatureException',
      message: "AWS query-string parameters must include 'X-Amz-SignedHeaders'. Re-examine the query-string parameters.",
    });
    expect((await call({ authorization: 'X' }, '{}', '/?X-Amz-Algorithm')).body).toEqual({
      __type: 'InvalidSignatureException',
      message: "Found both 'X-Amz-Algorithm' as a query-string param and 'Authorization' as HTTP header.",
    });
  });

  it('refuses a body that is no JSON object before looking up the operation, an empty one after', async () => {
    for (const body of ['hello', 'true', 'null', '[]']) {
      expect(await call({}, body)).toMatchObject({ status: 400, body: { __type: 'SerializationException' } });
      expect((await call({ 'x-amz-target': 'Kinesis_20131202.Nope' }, body)).body).toEqual({ __type: 'SerializationException' });
    }
    expect((await call(SIGNED, '')).body).toEqual({ __type: 'SerializationException' });
    expect(await call({ ...SIGNED, 'x-amz-target': 'Kinesis_20131202.Nope' }, '')).toMatchObject({ status: 400, body: { __type: 'UnknownOperationException' } });
    expect((await call({ 'x-amz-target': 'Kinesis_20131202.' })).body).toEqual({ __type: 'UnknownOperationException' });
  });

  it('answers an empty Kinesis request in CBOR when the content type is not its JSON one, and sends a host id', async () => {
    const r = await call({ ...SIGNED, 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'Kinesis_20131202.Nope' }, '');
    expect(r).toMatchObject({ status: 400, type: 'application/x-amz-cbor-1.1', body: { __type: 'UnknownOperationException' } });
    const { 'content-type': _omit, ...noType } = { ...SIGNED, 'content-type': '' };
    const bare = await fetch(sb.endpoint, { method: 'POST', headers: { ...noType, 'x-amz-target': 'Kinesis_20131202.ListStreams' } });
    expect(bare.headers.get('content-type')).toBe('application/x-amz-cbor-1.1');
    expect(decodeCbor(Buffer.from(await bare.arrayBuffer()))).toEqual({ __type: 'SerializationException' });
    expect(Buffer.from(r.hostId ?? '', 'base64').length).toBe(72);
  });

  it('sends the host id on answers without a body too', async () => {
    const res = await fetch(sb.endpoint, {
      method: 'POST',
      headers: { ...SIGNED, 'content-type': JSON_11, 'x-amz-target': 'Kinesis_20131202.CreateStream' },
      body: JSON.stringify({ StreamName: 'ids', ShardCount: 1 }),
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    expect(Buffer.from(res.headers.get('x-amz-id-2') ?? '', 'base64').length).toBe(72);
  });

  it('serves signed SDK traffic as before', async () => {
    const out = await new KinesisClient(sb.config()).send(new ListStreamsCommand({}));
    expect(out.StreamNames).toEqual(['ids']);
  });
});
