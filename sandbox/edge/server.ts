// The edge's single port: HTTP/1.1 and cleartext HTTP/2 (prior knowledge, told apart by the
// connection preface) on one TCP listener, every request normalised into an EdgeRequest.

import { createServer as createHttp1Server, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttp2Server, type Http2ServerRequest, type Http2ServerResponse } from 'node:http2';
import { createServer as createTcpServer, type Server, type Socket } from 'node:net';
import { Duplex } from 'node:stream';
import type { Dispatcher } from './dispatch.js';
import type { EdgeRequest } from './http-types.js';

/** Larger bodies are refused; the AWS CLI switches to multipart upload well before this. */
export const MAX_BODY_BYTES = 512 * 1024 * 1024;
const H2_WINDOW = 16 * 1024 * 1024;
const H2_PREFACE = Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n');

export interface EdgeServer {
  port: number;
  host: string;
  close(): Promise<void>;
}

type AnyRequest = IncomingMessage | Http2ServerRequest;
type AnyResponse = ServerResponse | Http2ServerResponse;

function normalise(req: AnyRequest, body: Buffer): EdgeRequest {
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (name.startsWith(':') || value === undefined) continue;
    headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  if (!headers.host && req.headers[':authority']) headers.host = String(req.headers[':authority']);
  return {
    method: (req.method ?? 'GET').toUpperCase(),
    rawPath: q >= 0 ? url.slice(0, q) : url,
    query: new URLSearchParams(q >= 0 ? url.slice(q + 1) : ''),
    headers,
    body,
    httpVersion: req.httpVersion,
    remoteAddress: req.socket?.remoteAddress ?? '',
  };
}

function readBody(req: AnyRequest): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(Object.assign(new Error('body too large'), { tooLarge: true }));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
    req.on('aborted', () => reject(new Error('aborted')));
  });
}

/** A duplex over `socket` whose readable side starts with `head`. */
function replaying(socket: Socket, head: Buffer): Duplex {
  const stream = new Duplex({
    read() {
      socket.resume();
    },
    write(chunk: Buffer, _encoding, callback) {
      socket.write(chunk, callback);
    },
    final(callback) {
      socket.end(callback);
    },
    destroy(err, callback) {
      socket.destroy();
      callback(err);
    },
  });
  stream.push(head);
  socket.on('data', (chunk: Buffer) => {
    if (!stream.push(chunk)) socket.pause();
  });
  socket.on('end', () => stream.push(null));
  socket.on('close', () => stream.destroy());
  // http2 reads these as it would from a net.Socket.
  Object.assign(stream, { remoteAddress: socket.remoteAddress, remotePort: socket.remotePort, setTimeout: () => stream, setNoDelay: () => stream, setKeepAlive: () => stream });
  return stream;
}

export function startEdgeServer(dispatch: Dispatcher, { port, host }: { port: number; host: string }): Promise<EdgeServer> {
  const onRequest = (req: AnyRequest, res: AnyResponse) => {
    readBody(req)
      .then((body) => dispatch(normalise(req, body)))
      .then((response) => {
        if (res.headersSent || (res as ServerResponse).destroyed) return;
        const body = typeof response.body === 'string' ? Buffer.from(response.body) : response.body;
        const headers: Record<string, string | number> = { ...response.headers };
        if (!('content-length' in headers)) headers['content-length'] = body.length;
        res.writeHead(response.status, headers);
        if (req.method === 'HEAD') res.end();
        else res.end(body);
      })
      .catch((err: { tooLarge?: boolean }) => {
        if (res.headersSent) return;
        try {
          res.writeHead(err?.tooLarge ? 413 : 400, { 'content-type': 'text/plain', connection: 'close' } as Record<string, string>);
          res.end(err?.tooLarge ? 'Request body too large' : 'Bad request');
        } catch {
          /* the client is gone */
        }
      });
  };

  const http1 = createHttp1Server({ keepAliveTimeout: 65_000, requestTimeout: 0 }, onRequest);
  http1.on('clientError', (_err, socket: Socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
    else socket.destroy();
  });
  // Large windows: with HTTP/2's 64 KiB default a 170 KB PutRecords body waits on WINDOW_UPDATE round trips.
  const http2 = createHttp2Server({ maxSessionMemory: 64, settings: { initialWindowSize: H2_WINDOW } }, onRequest as never);
  http2.on('sessionError', () => undefined);
  http2.on('session', (session) => {
    session.on('error', () => undefined);
    session.once('localSettings', () => session.setLocalWindowSize(H2_WINDOW));
  });
  http2.on('stream', (stream) => stream.on('error', () => undefined));

  const sockets = new Set<Socket>();
  const tcp: Server = createTcpServer((socket) => {
    sockets.add(socket);
    // Small responses must not wait for Nagle's algorithm (40 ms stalls against delayed ACKs).
    socket.setNoDelay(true);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    // Peek at the first bytes: the HTTP/2 preface starts with "PRI ", no HTTP/1 method does.
    let seen = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      seen = Buffer.concat([seen, chunk]);
      const n = Math.min(seen.length, H2_PREFACE.length);
      const maybeH2 = seen.subarray(0, n).equals(H2_PREFACE.subarray(0, n));
      if (maybeH2 && seen.length < H2_PREFACE.length) return;
      socket.off('data', onData);
      socket.pause();
      if (maybeH2) {
        // HTTP/2 reads the socket's native handle directly and would miss bytes already read, so it gets
        // a stream that replays them first.
        http2.emit('connection', replaying(socket, seen));
      } else {
        socket.unshift(seen);
        http1.emit('connection', socket);
        socket.resume();
      }
    };
    socket.on('data', onData);
  });

  return new Promise((resolve, reject) => {
    tcp.once('error', reject);
    tcp.listen(port, host, () => {
      tcp.off('error', reject);
      const address = tcp.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      resolve({
        port: actualPort,
        host,
        close: () =>
          new Promise<void>((done) => {
            tcp.close(() => done());
            http1.closeAllConnections?.();
            for (const s of sockets) s.destroy();
          }),
      });
    });
  });
}

