import { describe, expect, it } from 'vitest';
import { AwsChunkedError, decodeAwsChunked, encodeAwsChunked, isAwsChunked, withoutAwsChunked } from '../../sandbox/protocols/aws-chunked.js';

const SIG = 'a'.repeat(64);

describe('aws-chunked', () => {
  it('decodes signed chunks and keeps their signatures', () => {
    const body = Buffer.from(`5;chunk-signature=${SIG}\r\nhello\r\n6;chunk-signature=${SIG}\r\n world\r\n0;chunk-signature=${SIG}\r\n\r\n`);
    const decoded = decodeAwsChunked(body);
    expect(decoded.data.toString()).toBe('hello world');
    expect(decoded.chunkSignatures).toHaveLength(3);
    expect(decoded.trailers).toEqual({});
  });

  it('decodes unsigned chunks with trailers and the trailer signature', () => {
    const body = Buffer.from('3\r\nabc\r\n0\r\nx-amz-checksum-crc32:NSRBwg==\r\nx-amz-trailer-signature:' + SIG + '\r\n\r\n');
    const decoded = decodeAwsChunked(body);
    expect(decoded.data.toString()).toBe('abc');
    expect(decoded.trailers).toEqual({ 'x-amz-checksum-crc32': 'NSRBwg==' });
    expect(decoded.trailerSignature).toBe(SIG);
  });

  it('round-trips binary data through encodeAwsChunked, across chunk boundaries', () => {
    const data = Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 7) % 256));
    const decoded = decodeAwsChunked(encodeAwsChunked(data, { chunkSize: 8192, trailers: { 'X-Amz-Checksum-Sha256': 'abc=' } }));
    expect(decoded.data.equals(data)).toBe(true);
    expect(decoded.trailers).toEqual({ 'x-amz-checksum-sha256': 'abc=' });
  });

  it('accepts a body that ends right after the last chunk', () => {
    expect(decodeAwsChunked(Buffer.from('2\r\nhi\r\n0\r\n')).data.toString()).toBe('hi');
  });

  it('refuses truncated and malformed bodies', () => {
    expect(() => decodeAwsChunked(Buffer.from('a\r\nshort'))).toThrow(AwsChunkedError);
    expect(() => decodeAwsChunked(Buffer.from('zz\r\nabc\r\n0\r\n\r\n'))).toThrow(/invalid chunk size/);
    expect(() => decodeAwsChunked(Buffer.from('3\r\nabcX\r\n0\r\n\r\n'))).toThrow(/not followed by CRLF/);
    expect(() => decodeAwsChunked(Buffer.from('3\r\nabc\r\n'))).toThrow(/ends before the last chunk/);
    expect(() => decodeAwsChunked(Buffer.from('0\r\nno-colon-here\r\n\r\n'))).toThrow(/invalid trailer/);
  });

  it('recognises aws-chunked requests and removes the encoding from Content-Encoding', () => {
    expect(isAwsChunked({ headers: { 'content-encoding': 'gzip, aws-chunked' } })).toBe(true);
    expect(isAwsChunked({ headers: { 'x-amz-content-sha256': 'STREAMING-UNSIGNED-PAYLOAD-TRAILER' } })).toBe(true);
    expect(isAwsChunked({ headers: { 'content-encoding': 'gzip', 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' } })).toBe(false);
    expect(withoutAwsChunked('aws-chunked')).toBeUndefined();
    expect(withoutAwsChunked('aws-chunked,gzip')).toBe('gzip');
    expect(withoutAwsChunked('gzip, aws-chunked')).toBe('gzip');
    expect(withoutAwsChunked(undefined)).toBeUndefined();
  });
});
