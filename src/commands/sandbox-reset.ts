// `lab sandbox reset`: empties the local sandbox in one step. A sandbox started from this lab home is
// stopped, its data directory removed, and started again in the background with the same options and
// ports, so its endpoint stays the same; with none running, the data directory is removed. Only the
// local target: an AWS account is emptied with `lab reset`.

import { existsSync, readdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { EnvironmentError, UsageError } from '../errors.js';
import { openSession, type GlobalOptions } from '../session.js';
import { stdout, type Output } from '../output.js';
import { alive, fetchStatus, readRunFile, sandboxStop, startDetached, type RunFile } from './sandbox.js';
import { t } from '../i18n/index.js';

/** What a sandbox's data directory holds (see sandbox/store): nothing else is ever removed. */
const SANDBOX_FILES = ['state.json', 'state.journal', 'files'];
const silent: Output = { line: () => undefined };

export async function sandboxResetCommand(options: GlobalOptions & { data?: string }, out: Output = stdout): Promise<void> {
  const session = await openSession(options);
  if (session.settings.kind !== 'local') throw new UsageError(t('sandbox.resetLocalOnly'));
  const home = session.home;
  const running = await readRunFile(home);
  const status = running && alive(running.pid) ? await fetchStatus(running.endpoint) : undefined;
  if (running && status) return restartEmpty(home, running, status, out);

  const endpoint = session.settings.endpoint!;
  const stranger = await fetchStatus(endpoint);
  if (stranger) {
    throw new EnvironmentError(
      t('sandbox.notOurs', { endpoint, pid: String(stranger.pid), home }),
      t('sandbox.notOursHint'),
    );
  }
  const dataDir = options.data ? resolve(options.data) : (running?.dataDir ?? join(home, 'sandbox'));
  out.line((await wipe(dataDir)) ? t('sandbox.emptiedData', { dir: dataDir }) : t('sandbox.nothingToEmpty', { dir: dataDir }));
}

async function restartEmpty(home: string, running: RunFile, status: Record<string, unknown>, out: Output): Promise<void> {
  if (!running.args) {
    throw new EnvironmentError(
      t('sandbox.noRecordedOptions', { endpoint: running.endpoint }),
      t('sandbox.noRecordedOptionsHint'),
    );
  }
  if (running.dataDir) assertSandboxData(running.dataDir);
  // Same ports as now, so the endpoint and the brokers stay where clients look for them.
  let args = withOption(running.args, '--port', String(running.port ?? new URL(running.endpoint).port));
  for (const [key, flag] of [['mqtt', '--mqtt-port'], ['mqtts', '--mqtts-port']] as const) {
    const port = typeof status[key] === 'string' ? /:(\d+)/.exec((status[key] as string).replace(/^\w+:\/\//, ''))?.[1] : undefined;
    if (port) args = withOption(args, flag, port);
  }
  await sandboxStop(home, silent);
  if (running.dataDir) await wipe(running.dataDir);
  await startDetached(home, args, silent);
  out.line(running.dataDir ? t('sandbox.emptiedWithData', { endpoint: running.endpoint, dir: running.dataDir }) : t('sandbox.emptied', { endpoint: running.endpoint }));
}

function withOption(args: string[], flag: string, value: string): string[] {
  const i = args.indexOf(flag);
  return i >= 0 ? [...args.slice(0, i + 1), value, ...args.slice(i + 2)] : [...args, flag, value];
}

function assertSandboxData(dir: string): void {
  if (!existsSync(dir)) return;
  const entries = readdirSync(dir);
  if (entries.length > 0 && !entries.some((e) => SANDBOX_FILES.includes(e))) {
    throw new EnvironmentError(t('sandbox.notSandboxData', { dir, files: SANDBOX_FILES.join(', ') }));
  }
}

/** Removes a sandbox data directory; false when there was nothing to remove. */
async function wipe(dir: string): Promise<boolean> {
  if (!existsSync(dir)) return false;
  assertSandboxData(dir);
  await rm(dir, { recursive: true, force: true });
  return true;
}
