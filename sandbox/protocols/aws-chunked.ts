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
  const decoder = new AwsChunkedDecoder();
  const parts = decoder.push(body);
  const { trailers, chunkSignatures, trailerSignature } = decoder.end();
  const data = parts.length === 1 ? parts[0] : Buffer.concat(parts);
  return { data, trailers, chunkSignatures, trailerSignature };
}

/** Longest chunk header or trailer line accepted: they are a size, a signature and a checksum. */
const MAX_LINE = 8 * 1024;
const EMPTY = Buffer.alloc(0);

/**
 * Undoes aws-chunked framing as the bytes arrive, so a body of any size passes through a little at a
 * time: `push` returns the payload bytes each piece completes, `end` checks the body finished properly.
 */
export class AwsChunkedDecoder {
  private state: 'header' | 'data' | 'data-end' | 'trailers' | 'done' = 'header';
  /** Bytes of a line (or of the CRLF after a chunk) not complete yet. */
  private pending = EMPTY;
  private remaining = 0;
  private readonly trailers: Record<string, string> = {};
  private readonly chunkSignatures: string[] = [];
  private trailerSignature?: string;

  push(piece: Buffer): Buffer[] {
    const out: Buffer[] = [];
    const buf = this.pending.length > 0 ? Buffer.concat([this.pending, piece]) : piece;
    this.pending = EMPTY;
    let pos = 0;
    while (pos < buf.length && this.state !== 'done') {
      if (this.state === 'data') {
        const n = Math.min(this.remaining, buf.length - pos);
        out.push(buf.subarray(pos, pos + n));
        pos += n;
        this.remaining -= n;
        if (this.remaining === 0) this.state = 'data-end';
        continue;
      }
      if (this.state === 'data-end') {
        if (buf.length - pos < 2) break;
        if (buf[pos] !== 0x0d || buf[pos + 1] !== 0x0a) throw new AwsChunkedError('chunk data is not followed by CRLF');
        pos += 2;
        this.state = 'header';
        continue;
      }
      const eol = buf.indexOf(CRLF, pos);
      if (eol < 0) {
        if (buf.length - pos > MAX_LINE) throw new AwsChunkedError(this.state === 'header' ? 'chunk header is not terminated by CRLF' : 'trailer line is too long');
        break;
      }
      const line = buf.toString('latin1', pos, eol);
      pos = eol + 2;
      if (this.state === 'header') this.header(line);
      else this.trailer(line);
    }
    // Only a partial line or CRLF is kept: copy it, so the caller's buffer is not held.
    if (this.state !== 'done' && pos < buf.length) this.pending = Buffer.from(buf.subarray(pos));
    return out;
  }

  /** Checks the body ended where the grammar allows and returns the trailers and signatures. */
  end(): Omit<AwsChunkedBody, 'data'> {
    if (this.state === 'header') throw new AwsChunkedError(this.pending.length === 0 ? 'body ends before the last chunk' : 'chunk header is not terminated by CRLF');
    if (this.state === 'data') throw new AwsChunkedError('body ends inside a chunk');
    if (this.state === 'data-end') throw new AwsChunkedError('chunk data is not followed by CRLF');
    // A last trailer line without its CRLF still counts.
    if (this.state === 'trailers' && this.pending.length > 0) this.trailer(this.pending.toString('latin1'));
    this.state = 'done';
    return { trailers: this.trailers, chunkSignatures: this.chunkSignatures, trailerSignature: this.trailerSignature };
  }

  private header(line: string): void {
    const [sizeText, ...extensions] = line.split(';');
    if (!/^[0-9a-fA-F]{1,16}$/.test(sizeText.trim())) throw new AwsChunkedError(`invalid chunk size '${sizeText.slice(0, 20)}'`);
    const size = parseInt(sizeText.trim(), 16);
    for (const ext of extensions) {
      const [name, value] = ext.split('=');
      if (name.trim() === 'chunk-signature' && value !== undefined) this.chunkSignatures.push(value.trim());
    }
    if (size === 0) this.state = 'trailers';
    else {
      this.remaining = size;
      this.state = 'data';
    }
  }

  private trailer(line: string): void {
    // The blank line closes the trailer section.
    if (line === '') {
      this.state = 'done';
      return;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) throw new AwsChunkedError(`invalid trailer line '${line.slice(0, 40)}'`);
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === 'x-amz-trailer-signature') this.trailerSignature = value;
    else this.trailers[name] = value;
  }
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
