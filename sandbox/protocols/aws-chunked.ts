// The `aws-chunked` content encoding (SigV4 streaming uploads): the body arrives as
// `<hex size>[;chunk-signature=<sig>]\r\n<bytes>\r\n` chunks, a zero-size last chunk, then optional
// trailer lines (`x-amz-checksum-crc32:<base64>`, `x-amz-trailer-signature:<sig>`). This module only
// undoes the wire encoding; what the trailers mean is the service's business.

import type { EdgeRequest } from '../edge/http-types.js';

export interface AwsChunkedBody {
  /** The payload with the chunk framing removed. */
  data: Buffer;
  /** Trailer headers, names lower-cased (`x-amz-checksum-crc32`); the trailer signature is kept apart. */
  trailers: Record<string, string>;
  /** Each chunk's `chunk-signature`, in order, the final empty chunk's included (signed streaming only). */
  chunkSignatures: string[];
  trailerSignature?: string;
}

/** A body that does not follow the chunk grammar (the caller maps it to its service's error). */
export class AwsChunkedError extends Error {
  override readonly name = 'AwsChunkedError';
}

const CRLF = Buffer.from('\r\n');

/** Whether a request body is aws-chunked: by its Content-Encoding or a STREAMING-* payload hash. */
export function isAwsChunked(req: Pick<EdgeRequest, 'headers'>): boolean {
  const encoding = req.headers['content-encoding'];
  if (encoding && encoding.split(',').some((e) => e.trim().toLowerCase() === 'aws-chunked')) return true;
  return (req.headers['x-amz-content-sha256'] ?? '').startsWith('STREAMING-');
}

/** Content-Encoding with `aws-chunked` taken out (it describes the transfer, not the stored object); undefined when nothing is left. */
export function withoutAwsChunked(contentEncoding: string | undefined): string | undefined {
  if (contentEncoding === undefined) return undefined;
  const rest = contentEncoding
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '' && e.toLowerCase() !== 'aws-chunked');
  return rest.length > 0 ? rest.join(',') : undefined;
}

export function decodeAwsChunked(body: Buffer): AwsChunkedBody {
  const parts: Buffer[] = [];
  const chunkSignatures: string[] = [];
  let pos = 0;
  for (;;) {
    const eol = body.indexOf(CRLF, pos);
    if (eol < 0) throw new AwsChunkedError(pos >= body.length ? 'body ends before the last chunk' : 'chunk header is not terminated by CRLF');
    const [sizeText, ...extensions] = body.toString('latin1', pos, eol).split(';');
    if (!/^[0-9a-fA-F]{1,16}$/.test(sizeText.trim())) throw new AwsChunkedError(`invalid chunk size '${sizeText.slice(0, 20)}'`);
    const size = parseInt(sizeText.trim(), 16);
    for (const ext of extensions) {
      const [name, value] = ext.split('=');
      if (name.trim() === 'chunk-signature' && value !== undefined) chunkSignatures.push(value.trim());
    }
    pos = eol + 2;
    if (size === 0) break;
    if (pos + size > body.length) throw new AwsChunkedError('body ends inside a chunk');
    parts.push(body.subarray(pos, pos + size));
    pos += size;
    if (body[pos] !== 0x0d || body[pos + 1] !== 0x0a) throw new AwsChunkedError('chunk data is not followed by CRLF');
    pos += 2;
  }

  const trailers: Record<string, string> = {};
  let trailerSignature: string | undefined;
  while (pos < body.length) {
    const eol = body.indexOf(CRLF, pos);
    const end = eol < 0 ? body.length : eol;
    const line = body.toString('latin1', pos, end);
    pos = end + 2;
    // The blank line closes the trailer section.
    if (line === '') break;
    const colon = line.indexOf(':');
    if (colon <= 0) throw new AwsChunkedError(`invalid trailer line '${line.slice(0, 40)}'`);
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === 'x-amz-trailer-signature') trailerSignature = value;
    else trailers[name] = value;
  }
  const data = parts.length === 1 ? parts[0] : Buffer.concat(parts);
  return { data, trailers, chunkSignatures, trailerSignature };
}

/** Encodes `data` as aws-chunked, unsigned, with optional trailers: what SDKs send for a stream of unknown length. */
export function encodeAwsChunked(data: Buffer, { chunkSize = 64 * 1024, trailers = {} }: { chunkSize?: number; trailers?: Record<string, string> } = {}): Buffer {
  const pieces: Buffer[] = [];
  for (let i = 0; i < data.length; i += chunkSize) {
    const chunk = data.subarray(i, i + chunkSize);
    pieces.push(Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, CRLF);
  }
  pieces.push(Buffer.from('0\r\n'));
  for (const [name, value] of Object.entries(trailers)) pieces.push(Buffer.from(`${name}:${value}\r\n`));
  pieces.push(CRLF);
  return Buffer.concat(pieces);
}
