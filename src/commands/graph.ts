// `lab graph`: finds lab 3's API and stage the way the checks do, serves the graph page on 127.0.0.1
// with the invoke URL and the device in its query string, and prints the address (`--open` also opens
// the system browser). Ctrl-C stops it.

import { spawn } from 'node:child_process';
import { EnvironmentError, UsageError } from '../errors.js';
import { systemClock } from '../engine/clock.js';
import type { CheckContext } from '../engine/types.js';
import { startGraphServer } from '../graph/server.js';
import { connect, openSession, type GlobalOptions } from '../session.js';
import { headerLine } from '../target/target.js';
import { stdout, type Output } from '../output.js';
import { invokeUrl, locateApi, locateApiFunction, locateStage } from '../../checks/lib/api-pipeline.js';
import { deviceName } from '../../checks/lib/device.js';
import { tg } from '../graph/messages.js';

export interface GraphOptions extends GlobalOptions {
  device?: string;
  port?: string;
  every?: string;
  open?: boolean;
}

/** `stopped` ends the serving (tests); by default Ctrl-C does. */
export async function graphCommand(options: GraphOptions, out: Output = stdout, stopped?: Promise<unknown>): Promise<void> {
  const port = options.port === undefined ? 0 : portNumber(options.port);
  const every = options.every === undefined ? undefined : seconds(options.every);
  const session = await openSession(options);
  const { clients, target } = await connect(session);
  const controller = new AbortController();
  let settings: URLSearchParams;
  try {
    out.line(headerLine(target));
    const ctx: CheckContext = { clients, target, config: session.config, clock: systemClock, signal: controller.signal, lab: { number: 3, slug: 'api-and-graph' } };
    const page = await graphPage(ctx, options.device);
    settings = page.settings;
    if (every !== undefined) settings.set('every', String(every));
    out.line(page.describe);
  } finally {
    clients.destroy();
  }

  const server = await startGraphServer({ port }).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'EADDRINUSE') throw new UsageError(tg('command.portInUse', { port }));
    throw err;
  });
  try {
    const url = `${server.origin}/?${settings.toString()}`;
    out.line(tg('command.graphOf', { device: String(settings.get('device')), url }));
    if (options.open) openBrowser(url, out);
    out.line(tg('command.serving'));
    await (stopped ?? interrupted());
  } finally {
    await server.close();
  }
}

/** The page's query string for lab 3's API as the checks locate it, and a line saying what it shows. */
export async function graphPage(ctx: CheckContext, device?: string): Promise<{ settings: URLSearchParams; describe: string }> {
  const { api, via } = await locateApi(ctx);
  if (!api) throw new EnvironmentError(tg('command.noApi', { via }), tg('command.noApiHint'));
  const stage = await locateStage(ctx, api.id!);
  if (!stage) throw new EnvironmentError(tg('command.notDeployed', { name: String(api.name), id: String(api.id) }), tg('command.notDeployedHint'));
  const address = invokeUrl(ctx, api.id!, stage.stageName!);
  const fn = (await locateApiFunction(ctx)).name;
  const settings = new URLSearchParams({ api: address, device: device ?? (await deviceName(ctx)), fn });
  return { settings, describe: tg('command.describe', { name: String(api.name), id: String(api.id), stage: String(stage.stageName), url: address }) };
}

/** Resolves on Ctrl-C (or a polite kill). */
export function interrupted(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.removeListener('SIGINT', stop);
      process.removeListener('SIGTERM', stop);
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

/** The system's browser; failing to open one is not an error, the URL is printed anyway. */
function openBrowser(url: string, out: Output): void {
  const [command, args] =
    process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url.replace(/&/g, '^&')]] : ['xdg-open', [url]];
  try {
    const child = spawn(command, args as string[], { stdio: 'ignore', detached: true, windowsHide: true });
    child.once('error', () => out.line(tg('command.noBrowser')));
    child.unref();
  } catch {
    out.line(tg('command.noBrowser'));
  }
}

function portNumber(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 65535) throw new UsageError(tg('command.badPort', { value }));
  return n;
}

function seconds(value: string): number {
  const n = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value) || !(n >= 1) || n > 3600) throw new UsageError(tg('command.badEvery', { value }));
  return n;
}
