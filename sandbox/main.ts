// The sandbox as a process: `node dist/sandbox/main.js --port 4566 --data .lab/sandbox`. `lab sandbox start`
// runs it in the foreground or detached; it writes a run file (pid, endpoint) so `lab sandbox stop` and
// `status` can find it, and shuts down cleanly on SIGINT/SIGTERM.

import { parseArgs } from 'node:util';
import { mkdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RunningSandbox } from './index.js';
import { prefetchRsaKeys } from './iot/rsa-keys.js';
import { SANDBOX_CREDENTIALS, type SandboxOptions } from './settings.js';
import { generateSecret, needsGeneratedSecret } from './edge/exposure.js';

export interface RunFile {
  pid: number;
  endpoint: string;
  port: number;
  dataDir: string | null;
  startedAt: string;
  /** The arguments it was started with, so `lab sandbox reset` can start it again the same way. */
  args?: string[];
}

export const SANDBOX_OPTIONS = {
  port: { type: 'string' },
  host: { type: 'string' },
  data: { type: 'string' },
  'in-memory': { type: 'boolean' },
  repair: { type: 'boolean' },
  'verify-signatures': { type: 'boolean' },
  'secret-access-key': { type: 'string' },
  'enforce-limits': { type: 'boolean' },
  'iam-enforcement': { type: 'string' },
  'metric-delay': { type: 'string' },
  'provisioning-delay': { type: 'string' },
  'iam-propagation-delay': { type: 'string' },
  'firehose-interval-scale': { type: 'string' },
  'mqtt-port': { type: 'string' },
  'mqtts-port': { type: 'string' },
  'run-file': { type: 'string' },
  quiet: { type: 'boolean' },
} as const;

function number(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a non-negative number, got "${value}"`);
  return n;
}

function onOff(name: string, value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  if (value === 'on' || value === 'off') return value === 'on';
  throw new Error(`--${name} must be on or off, got "${value}"`);
}

export function optionsFromArgs(argv: string[]): SandboxOptions & { runFile?: string; generatedSecret?: boolean } {
  const { values } = parseArgs({ args: argv, options: SANDBOX_OPTIONS, strict: true });
  const exposed = { host: values.host, verifySignatures: values['verify-signatures'], secretAccessKey: values['secret-access-key'] };
  const generatedSecret = needsGeneratedSecret(exposed);
  return {
    secretAccessKey: generatedSecret ? generateSecret() : exposed.secretAccessKey,
    generatedSecret,
    port: number('port', values.port),
    host: values.host,
    dataDir: values.data,
    inMemory: values['in-memory'],
    repair: values.repair,
    verifySignatures: values['verify-signatures'],
    enforceLimits: values['enforce-limits'],
    iamEnforcement: onOff('iam-enforcement', values['iam-enforcement']),
    metricDelayMs: number('metric-delay', values['metric-delay']),
    provisioningDelayMs: number('provisioning-delay', values['provisioning-delay']),
    iamPropagationDelayMs: number('iam-propagation-delay', values['iam-propagation-delay']),
    firehoseIntervalScale: number('firehose-interval-scale', values['firehose-interval-scale']),
    mqttPort: number('mqtt-port', values['mqtt-port']),
    mqttsPort: number('mqtts-port', values['mqtts-port']),
    verbose: !values.quiet,
    runFile: values['run-file'],
  };
}

export function readRunFile(path: string): RunFile | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as RunFile;
  } catch {
    return undefined;
  }
}

/** Starts the sandbox, records the run file, and stops cleanly on SIGINT/SIGTERM. */
export async function runSandboxProcess(options: SandboxOptions & { runFile?: string; args?: string[] }): Promise<RunningSandbox> {
  // Loaded here rather than imported at the top, so that a process started from this file can set its
  // RSA keys generating on the thread pool while the main thread loads the services.
  const { startSandbox } = await import('./index.js');
  const running = await startSandbox(options);
  const { runFile } = options;
  if (runFile) {
    mkdirSync(dirname(runFile), { recursive: true });
    const info: RunFile = {
      pid: process.pid,
      endpoint: running.endpoint,
      port: running.port,
      dataDir: running.sandbox.dataDir,
      startedAt: new Date().toISOString(),
      ...(options.args ? { args: options.args } : {}),
    };
    // It may hold the sandbox's secret (its arguments): for this user only.
    writeFileSync(runFile, JSON.stringify(info, null, 2), { mode: 0o600 });
  }
  const shutdown = async () => {
    await running.stop();
    if (runFile && readRunFile(runFile)?.pid === process.pid) rmSync(runFile, { force: true });
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  return running;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  prefetchRsaKeys(2); // the CA's (unless kept in the data directory) and the MQTT broker's TLS key
  try {
    const options = optionsFromArgs(process.argv.slice(2));
    const running = await runSandboxProcess({ ...options, args: process.argv.slice(2) });
    process.stdout.write(`sandbox listening on ${running.endpoint}\n`);
    // Shown once, here: it is not kept anywhere else.
    if (options.generatedSecret) process.stdout.write(`signatures are checked; sign with access key ${SANDBOX_CREDENTIALS.accessKeyId} (or any 12-digit account id) and secret ${options.secretAccessKey}\n`);
  } catch (err) {
    process.stderr.write(`sandbox could not start: ${(err as Error).message}\n`);
    process.exit(2);
  }
}
