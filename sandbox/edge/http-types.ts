// The edge's view of one HTTP exchange, the same for HTTP/1.1 and HTTP/2.

import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';

export interface EdgeRequest {
  method: string;
  /** The raw path, still percent-encoded (S3 keys need the exact bytes). */
  rawPath: string;
  query: URLSearchParams;
  /** Lower-case header names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  body: Buffer;
  /** Set instead of `body` for uploads the edge streams (S3 object bodies): read it once, as it arrives. */
  bodyStream?: AsyncIterable<Buffer>;
  httpVersion: string;
  remoteAddress: string;
  /** An HTTP/1.1 upgrade (WebSocket): the handler that takes the socket over answers with status 101 and writes nothing more. */
  upgrade?: { request: IncomingMessage; socket: Duplex; head: Buffer };
}

export interface EdgeResponse {
  status: number;
  headers: Record<string, string>;
  /** A stream for large bodies read from disk (S3 GetObject), with its content-length header set. */
  body: Buffer | string | AsyncIterable<Buffer>;
}

export function header(req: EdgeRequest, name: string): string | undefined {
  return req.headers[name.toLowerCase()];
}
