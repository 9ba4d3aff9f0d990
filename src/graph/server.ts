// Serves lab 3's graph page (assets/graph/) on 127.0.0.1, and /probe: the page's way to learn what the API
// really answered when the browser refused to show it (a missing CORS header hides a wrong stage's 403
// and a malformed answer's 502 alike). Only the page itself may ask /probe (custom header, own host).

import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { createRequire } from 'node:module';
import { language, type Language } from '../i18n/index.js';
import { pageText, tg } from './messages.js';

const here = import.meta.dirname;
/** assets/ sits at the package root: two levels up from src/graph, three from dist/src/graph. */
export const GRAPH_ASSETS = [join(here, '..', '..', 'assets', 'graph'), join(here, '..', '..', '..', 'assets', 'graph')].find((p) => existsSync(join(p, 'index.html')));

/** The chart library as the page loads it, and where npm keeps it when the build has not copied it yet. */
const LIBRARY_FILES: Record<string, string> = {
  'vendor/uPlot.iife.min.js': 'dist/uPlot.iife.min.js',
  'vendor/uPlot.min.css': 'dist/uPlot.min.css',
};

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

const PROBE_TIMEOUT_MS = 10_000;
const PROBE_BODY_CHARS = 2_000;

export interface GraphServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  port: number;
  close(): Promise<void>;
}

export interface GraphServerOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Where the page's files are (tests); default assets/graph of this installation. */
  root?: string;
  /** The language of the page's words; default the workbook's. */
  language?: Language;
}

export async function startGraphServer(options: GraphServerOptions = {}): Promise<GraphServer> {
  const root = options.root ?? GRAPH_ASSETS;
  if (!root) throw new Error(tg('server.noAssets'));
  const lng = options.language ?? language();
  let origin = '';
  const server = createServer((req, res) => {
    handle(req, res, root, origin, lng).catch((err: unknown) => send(res, 500, 'text/plain; charset=utf-8', `graph server: ${(err as Error)?.message ?? String(err)}`));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function handle(req: IncomingMessage, res: ServerResponse, root: string, origin: string, lng: Language): Promise<void> {
  // Another site's page in the same browser must not use this server (DNS rebinding): only our own host.
  const port = origin.slice(origin.lastIndexOf(':') + 1);
  if (req.headers.host !== `127.0.0.1:${port}` && req.headers.host !== `localhost:${port}`) return send(res, 421, 'text/plain; charset=utf-8', 'wrong host');
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'GET only');
  const url = new URL(req.url ?? '/', origin);
  if (url.pathname === '/probe') return probe(req, res, url.searchParams.get('url'), lng);
  const name = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname.slice(1));
  const file = normalize(join(root, name));
  if (!file.startsWith(root + sep)) return send(res, 404, 'text/plain; charset=utf-8', 'not found');
  const body = await readFile(file).catch(() => libraryFromNpm(name));
  if (!body) return send(res, 404, 'text/plain; charset=utf-8', 'not found');
  send(res, 200, TYPES[extname(name)] ?? 'application/octet-stream', name === 'index.html' ? inLanguage(body.toString('utf8'), lng) : body);
}

/**
 * The page with its words in `lng`: they go in as `window.labGraphText` before graph.js, which shows
 * them (opened as a file, without them, the page speaks the English it carries).
 */
export function inLanguage(html: string, lng: Language): string {
  // `<` escaped: no text of the catalogue can close the script element.
  const words = JSON.stringify(pageText(lng)).replace(/</g, '\\u003c');
  // Functions as replacements: a `$` in the words is no replacement pattern.
  return html
    .replace(/<html lang="[^"]*">/, () => `<html lang="${lng}">`)
    .replace('<script src="graph.js"></script>', () => `<script>window.labGraphText = ${words};</script>\n  <script src="graph.js"></script>`);
}

/** A checkout built with tsc alone has no vendor/ copy yet: serve the library from node_modules. */
async function libraryFromNpm(name: string): Promise<Buffer | undefined> {
  const inPackage = LIBRARY_FILES[name];
  if (!inPackage) return undefined;
  try {
    const dir = dirname(createRequire(import.meta.url).resolve('uplot/package.json'));
    return await readFile(join(dir, inPackage));
  } catch {
    return undefined;
  }
}

/** What the API answers outside the browser: status, its CORS header, the start of the body. */
async function probe(req: IncomingMessage, res: ServerResponse, target: string | null, lng: Language): Promise<void> {
  // A custom header cannot be sent cross-origin without a preflight, which this server never allows.
  if (req.headers['x-lab-graph'] !== '1') return send(res, 403, 'text/plain; charset=utf-8', 'the graph page only');
  if (!target || !/^https?:\/\//i.test(target)) return send(res, 400, 'text/plain; charset=utf-8', 'url must be http(s)');
  let answer: Record<string, unknown>;
  try {
    const reply = await fetch(target, { redirect: 'manual', signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    const body = await reply.text();
    answer = { status: reply.status, allowOrigin: reply.headers.get('access-control-allow-origin'), body: body.slice(0, PROBE_BODY_CHARS) };
  } catch (err) {
    answer = { unreachable: reasonOf(err, lng) };
  }
  send(res, 200, 'application/json', JSON.stringify(answer));
}

function reasonOf(err: unknown, lng: Language): string {
  const cause = (err as { cause?: { code?: string; message?: string } })?.cause;
  if ((err as Error)?.name === 'TimeoutError') return tg('server.probeTimeout', { seconds: PROBE_TIMEOUT_MS / 1000 }, lng);
  return cause?.code ?? cause?.message ?? (err as Error)?.message ?? String(err);
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  if (res.headersSent) return void res.end();
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}
