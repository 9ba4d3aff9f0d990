// `lab sandbox start|stop|status`: runs the embedded local AWS in the foreground or detached, and
// reports what it is doing (endpoint, services, calls seen, calls it lacks).

import { spawn } from 'node:child_process';
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EnvironmentError, UsageError } from '../errors.js';
import type { Output } from '../output.js';
import { LOCAL_CREDENTIALS, LOCAL_ENDPOINT, LOCAL_REGION, SANDBOX_START_COMMAND } from '../target/local.js';
import type { GlobalOptions } from '../session.js';
import { generateSecret, needsGeneratedSecret } from '../../sandbox/edge/exposure.js';
import { t } from '../i18n/index.js';

export interface SandboxStartOptions {
  home: string;
  port?: string;
  host?: string;
  data?: string;
  inMemory?: boolean;
  /** Start on a damaged data directory, keeping what can be read and moving the damaged parts aside. */
  repair?: boolean;
  detach?: boolean;
  verifySignatures?: boolean;
  /** The secret clients sign with; generated when the sandbox listens beyond loopback and none is given. */
  secretAccessKey?: string;
  enforceLimits?: boolean;
  iamEnforcement?: string;
  metricDelay?: string;
  provisioningDelay?: string;
  iamPropagationDelay?: string;
  firehoseIntervalScale?: string;
  mqttPort?: string;
  mqttsPort?: string;
}

export interface RunFile {
  pid: number;
  endpoint: string;
  port?: number;
  dataDir: string | null;
  /** The sandbox process's own arguments (recorded since `lab sandbox reset` restarts it with them). */
  args?: string[];
}

interface StatusDocument {
  endpoint: string;
  pid: number;
  dataDir: string | null;
  services: { name: string; operations: number }[];
  calls: Record<string, number>;
  unimplemented: Record<string, number>;
  [extra: string]: unknown;
}

const SANDBOX_MAIN = fileURLToPath(new URL('../../sandbox/main.js', import.meta.url));

export const runFilePath = (home: string) => join(home, 'sandbox.json');

export async function readRunFile(home: string): Promise<RunFile | undefined> {
  const { readJsonFile } = await import('../lab-home.js');
  return readJsonFile<RunFile | undefined>(runFilePath(home), undefined);
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function fetchStatus(endpoint: string): Promise<StatusDocument | undefined> {
  try {
    const res = await fetch(`${endpoint}/_sandbox/status`, { signal: AbortSignal.timeout(3000) });
    return res.ok ? ((await res.json()) as StatusDocument) : undefined;
  } catch {
    return undefined;
  }
}

function argsFor(options: SandboxStartOptions): string[] {
  const args = ['--data', options.data ?? join(options.home, 'sandbox'), '--run-file', runFilePath(options.home)];
  if (options.port !== undefined) args.push('--port', options.port);
  if (options.host !== undefined) args.push('--host', options.host);
  if (options.inMemory) args.push('--in-memory');
  if (options.repair) args.push('--repair');
  if (options.verifySignatures) args.push('--verify-signatures');
  if (options.secretAccessKey !== undefined) args.push('--secret-access-key', options.secretAccessKey);
  if (options.enforceLimits) args.push('--enforce-limits');
  if (options.iamEnforcement !== undefined) args.push('--iam-enforcement', options.iamEnforcement);
  if (options.metricDelay !== undefined) args.push('--metric-delay', options.metricDelay);
  if (options.provisioningDelay !== undefined) args.push('--provisioning-delay', options.provisioningDelay);
  if (options.iamPropagationDelay !== undefined) args.push('--iam-propagation-delay', options.iamPropagationDelay);
  if (options.firehoseIntervalScale !== undefined) args.push('--firehose-interval-scale', options.firehoseIntervalScale);
  if (options.mqttPort !== undefined) args.push('--mqtt-port', options.mqttPort);
  if (options.mqttsPort !== undefined) args.push('--mqtts-port', options.mqttsPort);
  return args;
}

function printHowToUse(out: Output, endpoint: string, secretAccessKey: string = LOCAL_CREDENTIALS.secretAccessKey): void {
  out.line(t('sandbox.running', { endpoint }));
  out.line(t('sandbox.pointClients'));
  out.line(`  export AWS_ENDPOINT_URL=${endpoint} AWS_ACCESS_KEY_ID=${LOCAL_CREDENTIALS.accessKeyId} AWS_SECRET_ACCESS_KEY=${secretAccessKey} AWS_REGION=${LOCAL_REGION}`);
  out.line(t('sandbox.gradeAgainst'));
}

export async function sandboxStart(options: SandboxStartOptions, out: Output): Promise<number> {
  const running = await readRunFile(options.home);
  if (running && alive(running.pid) && (await fetchStatus(running.endpoint))) {
    throw new UsageError(t('sandbox.alreadyRunning', { endpoint: running.endpoint, pid: running.pid }));
  }
  // Beyond loopback the public default secret will not do: one is made here, so a restart keeps it and it is shown once.
  const secretAccessKey = options.secretAccessKey ?? (needsGeneratedSecret(options) ? generateSecret() : undefined);
  const args = argsFor({ ...options, secretAccessKey });
  if (options.detach) return startDetached(options.home, args, out, secretAccessKey);

  const { optionsFromArgs, runSandboxProcess } = await import('../../sandbox/main.js');
  let sandbox;
  try {
    sandbox = await runSandboxProcess({ ...optionsFromArgs(args), args });
  } catch (err) {
    throw startFailure(err, options);
  }
  printHowToUse(out, sandbox.endpoint, secretAccessKey);
  out.line(t('sandbox.pressCtrlC'));
  // The sandbox's own signal handlers stop it and exit; until then this command keeps running.
  return new Promise<number>(() => undefined);
}

function startFailure(err: unknown, options: SandboxStartOptions): Error {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') {
    return new EnvironmentError(t('sandbox.portInUse', { port: options.port ?? 4566 }), t('sandbox.portInUseHint'));
  }
  if (err instanceof Error && /must be a non-negative number|must be on or off/.test(err.message)) return new UsageError(err.message);
  if (code === 'SANDBOX_UNSAFE_EXPOSURE') return new UsageError((err as Error).message);
  // A damaged data directory (sandbox/store/damage.ts): its one-line reason, then the choices.
  const damaged = err as { code?: string; reason?: string; choices?: string };
  if (damaged.code === 'SANDBOX_STORE_DAMAGED' && damaged.reason) return new EnvironmentError(damaged.reason, damaged.choices);
  return err instanceof Error ? err : new Error(String(err));
}

export async function startDetached(home: string, args: string[], out: Output, secretAccessKey?: string): Promise<number> {
  const { mkdir } = await import('node:fs/promises');
  await mkdir(home, { recursive: true });
  const logFile = join(home, 'sandbox.log');
  const log = openSync(logFile, 'a');
  const logStart = fstatSync(log).size;
  const child = spawn(process.execPath, [SANDBOX_MAIN, ...args], { detached: true, stdio: ['ignore', log, log] });
  closeSync(log);
  child.unref();
  const exited = new Promise<number>((resolve) => child.once('exit', (code) => resolve(code ?? 1)));
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const state = await readRunFile(home);
    if (state && state.pid === child.pid && (await fetchStatus(state.endpoint))) {
      printHowToUse(out, state.endpoint, secretAccessKey);
      out.line(t('sandbox.detached', { pid: state.pid, log: logFile }));
      return 0;
    }
    const code = await Promise.race([exited, new Promise<undefined>((r) => setTimeout(r, 100))]);
    if (code !== undefined) {
      // The process's own one-line reason (sandbox/main.ts), from what this start wrote to the log.
      const reason = /^sandbox could not start: (.*)$/m.exec(readFileSync(logFile).subarray(logStart).toString('utf8'))?.[1];
      throw new EnvironmentError(reason ? t('sandbox.couldNotStart', { reason }) : t('sandbox.exitedAtStart', { code }), t('sandbox.seeLog', { log: logFile }));
    }
  }
  throw new EnvironmentError(t('sandbox.noAnswer'), t('sandbox.seeLogWhy', { log: logFile }));
}

export async function sandboxStop(home: string, out: Output): Promise<number> {
  const running = await readRunFile(home);
  if (!running || !alive(running.pid)) {
    out.line(t('sandbox.noneRunning'));
    return 0;
  }
  process.kill(running.pid, 'SIGTERM');
  const deadline = Date.now() + 10_000;
  while (alive(running.pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  if (alive(running.pid)) process.kill(running.pid, 'SIGKILL');
  out.line(t('sandbox.stopped', { endpoint: running.endpoint, pid: running.pid }));
  return 0;
}

export async function sandboxStatus(home: string, fallbackEndpoint: string, out: Output, { json = false } = {}): Promise<number> {
  const running = await readRunFile(home);
  const endpoint = running && alive(running.pid) ? running.endpoint : fallbackEndpoint;
  const status = await fetchStatus(endpoint);
  if (!status) throw new EnvironmentError(t('sandbox.noneAnswers', { endpoint }), t('sandbox.noneAnswersHint', { command: SANDBOX_START_COMMAND }));
  if (json) {
    out.line(JSON.stringify(status, null, 2));
    return 0;
  }
  const { endpoint: at, pid, dataDir, services, calls, unimplemented, ...extras } = status;
  out.line(t('sandbox.at', { endpoint: at, pid }));
  out.line(t('sandbox.data', { dir: dataDir ?? t('sandbox.inMemory') }));
  out.line(t('sandbox.services', { services: services.map((s) => `${s.name} (${s.operations})`).join(', ') }));
  const total = Object.values(calls).reduce((a, b) => a + b, 0);
  out.line(t('sandbox.answered', { total }));
  for (const [name, count] of Object.entries(calls).sort((a, b) => b[1] - a[1]).slice(0, 10)) out.line(`  ${name}: ${count}`);
  const missing = Object.entries(unimplemented);
  out.line(missing.length ? t('sandbox.unimplemented') : t('sandbox.noneUnimplemented'));
  for (const [name, count] of missing) out.line(`  ${name}: ${count}`);
  for (const [key, value] of Object.entries(extras)) out.line(`${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`);
  return 0;
}

/** The CLI's entry points: global options in, the sandbox's run file under the lab home. */
export async function startCommand(options: GlobalOptions & Omit<SandboxStartOptions, 'home'>): Promise<void> {
  const { labHome } = await import('../lab-home.js');
  const { stdout } = await import('../output.js');
  await sandboxStart({ ...options, home: labHome() }, stdout);
}

export async function stopCommand(): Promise<void> {
  const { labHome } = await import('../lab-home.js');
  const { stdout } = await import('../output.js');
  await sandboxStop(labHome(), stdout);
}

export async function statusCommand(options: GlobalOptions & { json?: boolean }): Promise<void> {
  const { openSession } = await import('../session.js');
  const { stdout } = await import('../output.js');
  const session = await openSession(options);
  await sandboxStatus(session.home, session.settings.endpoint ?? LOCAL_ENDPOINT, stdout, { json: options.json });
}
