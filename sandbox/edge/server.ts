// The edge's single port: HTTP/1.1 and cleartext HTTP/2 (prior knowledge, told apart by the
// connection preface) on one TCP listener, every request normalised into an EdgeRequest.

import { createServer as createHttp1Server, STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttp2Server, type Http2ServerRequest, type Http2ServerResponse } from 'node:http2';
import { createServer as createTcpServer, type Server, type Socket } from 'node:net';
import { Duplex, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { constants as http2Constants } from 'node:http2';
import { bodyPolicy, type BodyPolicy } from './body-limits.js';
import type { Dispatcher } from './dispatch.js';
import type { EdgeRequest, EdgeResponse } from './http-types.js';

const H2_WINDOW = 16 * 1024 * 1024;
const H2_PREFACE = Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n');

export interface EdgeServer {
  port: number;
  host: string;
  close(): Promise<void>;
}

export interface EdgeServerOptions {
  port: number;
  host: string;
  /**
   * How long a connection may keep the sandbox waiting: silent (no byte from the client while the client
   * owes one: before a request's headers, inside a body, idle between requests) or slow (a request's
   * headers not complete within this time of their first byte). Default 20 s; tests shorten it.
   */
  connectionTimeoutMs?: number;
}

export const DEFAULT_CONNECTION_TIMEOUT_MS = 20_000;
/** How long the rest of a refused body is read and thrown away, so the client sees the answer rather than a reset. */
const REFUSED_BODY_DRAIN_MS = 5_000;

type AnyRequest = IncomingMessage | Http2ServerRequest;
type AnyResponse = ServerResponse | Http2ServerResponse;

const NO_BODY = Buffer.alloc(0);

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

class BodyTooLarge extends Error {}

/** The whole body, unless it grows past `limit`: then the rest is read and thrown away, never kept. */
function readBody(req: AnyRequest, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        chunks.length = 0;
        req.off('data', onData);
        // Keep the stream flowing so what follows is discarded as it arrives.
        req.resume();
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
    req.on('aborted', () => reject(new Error('aborted')));
  });
}

/** The request as the dispatcher sees it: the body buffered within the service's limit, or streamed. */
function receive(req: AnyRequest, policy: BodyPolicy): Promise<EdgeRequest> {
  if (policy.stream) return Promise.resolve({ ...normalise(req, NO_BODY), bodyStream: req });
  // A declared length over the limit is refused before a byte of the body is read.
  const declared = Number(req.headers['content-length']);
  if (declared > policy.limit) return Promise.reject(new BodyTooLarge());
  return readBody(req, policy.limit).then((body) => normalise(req, body));
}

/**
 * What follows a refused body: the rest is read and thrown away, never kept. HTTP/1 answers at once and
 * closes the connection if the body still flows after a while (closing at once would reset it before the
 * client reads the answer). HTTP/2 answers once the body has ended: a client still holding a large body
 * in its session refuses a response's HEADERS (ENHANCE_YOUR_CALM) and never sees it; a stream still
 * sending after a while is cancelled. Resolves when the answer may go out.
 */
function drainRefusedBody(req: AnyRequest): Promise<void> {
  req.resume();
  if (req.complete) return Promise.resolve();
  const h2 = 'stream' in req && req.stream ? req.stream : undefined;
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      if (h2) h2.close(http2Constants.NGHTTP2_CANCEL);
      else req.socket?.destroy();
    }, REFUSED_BODY_DRAIN_MS);
    timer.unref();
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    if (!h2) resolve();
    req.once('end', done);
    req.once('close', done);
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

/** Where a connection stands, for the watchdog: who owes the next byte. */
type ConnectionPhase =
  | 'opening' // accepted, protocol not known yet: the client owes its first bytes
  | 'idle' // HTTP/1 keep-alive between requests: the server's keepAliveTimeout governs
  | 'headers' // bytes of a request arrived, its headers are not complete
  | 'body' // the request is being read: the client owes the rest of its body
  | 'serving' // the body is in, the sandbox works on the answer: no timeout
  | 'upgraded' // an HTTP/1.1 upgrade (WebSocket) whose own protocol keeps it alive: no timeout
  | 'h2'; // handed to HTTP/2, which times sessions out itself

interface WatchedConnection {
  phase: ConnectionPhase;
  since: number;
  lastBytes: number;
  lastActivity: number;
}

/**
 * Closes connections that keep the sandbox waiting. The HTTP/1 server's own headersTimeout and
 * requestTimeout never run here (it checks only connections it accepted from a listen() of its own, and
 * this edge hands it sockets), so the edge watches bytesRead itself.
 */
class ConnectionWatchdog {
  private readonly connections = new Map<Socket, WatchedConnection>();
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly timeoutMs: number) {
    this.timer = setInterval(() => this.sweep(), Math.max(25, Math.min(1000, Math.floor(timeoutMs / 4))));
    this.timer.unref();
  }

  add(socket: Socket): void {
    const now = Date.now();
    this.connections.set(socket, { phase: 'opening', since: now, lastBytes: socket.bytesRead, lastActivity: now });
    socket.once('close', () => this.connections.delete(socket));
  }

  set(socket: Socket | undefined, phase: ConnectionPhase): void {
    const watched = socket && this.connections.get(socket);
    if (!watched) return;
    const now = Date.now();
    Object.assign(watched, { phase, since: now, lastActivity: now, lastBytes: socket.bytesRead });
  }

  /** Follows one HTTP/1 exchange: body owed, then the sandbox's turn, then idle again. */
  follow(req: IncomingMessage, res: ServerResponse): void {
    const socket = req.socket;
    this.set(socket, req.complete ? 'serving' : 'body');
    req.once('end', () => this.set(socket, 'serving'));
    res.once('finish', () => this.set(socket, 'idle'));
  }

  private sweep(): void {
    const now = Date.now();
    for (const [socket, watched] of this.connections) {
      const bytes = socket.bytesRead;
      if (bytes !== watched.lastBytes) {
        watched.lastBytes = bytes;
        watched.lastActivity = now;
        // The first bytes of a new request on a kept-alive connection: its headers' clock starts.
        if (watched.phase === 'idle') Object.assign(watched, { phase: 'headers', since: now });
      }
      const silent = now - watched.lastActivity > this.timeoutMs;
      const slowHeaders = (watched.phase === 'opening' || watched.phase === 'headers') && now - watched.since > this.timeoutMs;
      const waitingOnClient = watched.phase === 'opening' || watched.phase === 'headers' || watched.phase === 'body';
      if (waitingOnClient && (silent || slowHeaders)) socket.destroy();
    }
  }

  close(): void {
    clearInterval(this.timer);
  }
}

export function startEdgeServer(dispatch: Dispatcher, { port, host, connectionTimeoutMs = DEFAULT_CONNECTION_TIMEOUT_MS }: EdgeServerOptions): Promise<EdgeServer> {
  const send = (req: AnyRequest, res: AnyResponse, response: EdgeResponse) => {
    if (res.headersSent || (res as ServerResponse).destroyed) return;
    const body = typeof response.body === 'string' ? Buffer.from(response.body) : response.body;
    const headers: Record<string, string | number> = { ...response.headers };
    if (Buffer.isBuffer(body)) {
      if (!('content-length' in headers)) headers['content-length'] = body.length;
      res.writeHead(response.status, headers);
      if (req.method === 'HEAD') res.end();
      else res.end(body);
      return;
    }
    // A body read from disk as it is sent (its content-length is the handler's to set).
    res.writeHead(response.status, headers);
    pipeline(Readable.from(body), res as NodeJS.WritableStream).catch(() => (res as ServerResponse).destroy());
  };

  const watchdog = new ConnectionWatchdog(connectionTimeoutMs);

  const onRequest = (req: AnyRequest, res: AnyResponse) => {
    if (!('stream' in req)) watchdog.follow(req, res as ServerResponse);
    const policy = bodyPolicy(normalise(req, NO_BODY));
    receive(req, policy)
      .then((request) => dispatch(request))
      .then((response) => send(req, res, response))
      .catch((err: unknown) => {
        if (res.headersSent) return;
        try {
          if (err instanceof BodyTooLarge) {
            void drainRefusedBody(req).then(() => send(req, res, policy.tooLarge(normalise(req, NO_BODY))));
            return;
          }
          res.writeHead(400, { 'content-type': 'text/plain', connection: 'close' } as Record<string, string>);
          res.end('Bad request');
        } catch {
          /* the client is gone */
        }
      });
  };

  const http1 = createHttp1Server({ keepAliveTimeout: 65_000, requestTimeout: 0 }, onRequest);
  // Upgrades (MQTT over WebSocket) go through the dispatcher like any request; the handler that takes the
  // socket over answers 101, anything else is written back as a plain HTTP answer.
  http1.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    watchdog.set(socket, 'upgraded');
    dispatch({ ...normalise(req, NO_BODY), upgrade: { request: req, socket, head } })
      .then(({ status, headers, body }) => {
        if (status === 101) return;
        const bytes = Buffer.isBuffer(body) || typeof body === 'string' ? Buffer.from(body) : NO_BODY;
        const lines = Object.entries({ ...headers, 'content-length': String(bytes.length), connection: 'close' }).map(([k, v]) => `${k}: ${v}\r\n`);
        socket.end(Buffer.concat([Buffer.from(`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n${lines.join('')}\r\n`), bytes]));
      })
      .catch(() => socket.destroy());
  });
  http1.on('clientError', (_err, socket: Socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
    else socket.destroy();
  });
  // Large windows: with HTTP/2's 64 KiB default a 170 KB PutRecords body waits on WINDOW_UPDATE round trips.
  const http2 = createHttp2Server({ maxSessionMemory: 64, settings: { initialWindowSize: H2_WINDOW } }, onRequest as never);
  http2.on('sessionError', () => undefined);
  http2.on('session', (session) => {
    session.on('error', () => undefined);
    // A session with nothing in flight that stays silent is closed; one whose streams stalled mid-request too.
    let serving = 0;
    session.on('stream', (stream) => {
      let counted = false;
      const done = () => {
        if (counted) serving--;
        counted = false;
      };
      stream.once('end', () => {
        serving++;
        counted = true;
      });
      stream.once('close', done);
    });
    session.setTimeout(connectionTimeoutMs, () => {
      if (serving > 0) return;
      // GOAWAY first, so a client about to reuse the session opens a new one; streams stalled mid-body go with it.
      session.close();
      setTimeout(() => session.destroy(), 1000).unref();
    });
    session.once('localSettings', () => session.setLocalWindowSize(H2_WINDOW));
  });
  http2.on('stream', (stream) => stream.on('error', () => undefined));

  const sockets = new Set<Socket>();
  const tcp: Server = createTcpServer((socket) => {
    sockets.add(socket);
    watchdog.add(socket);
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
        watchdog.set(socket, 'h2');
        http2.emit('connection', replaying(socket, seen));
      } else {
        socket.unshift(seen);
        watchdog.set(socket, 'headers');
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
            watchdog.close();
            tcp.close(() => done());
            http1.closeAllConnections?.();
            for (const s of sockets) s.destroy();
          }),
      });
    });
  });
}

