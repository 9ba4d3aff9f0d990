// The real `lab` binary run against the real workbook (not the fixture one) and an in-process sandbox
// with its MQTT broker, each test with its own lab home.

import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, ROOT, assertBuilt, type LabRun } from '../cli/support.js';
import { startSandbox, type RunningSandbox } from '../../sandbox/index.js';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../src/target/local.js';

export { assertBuilt };

export async function startLabSandbox(): Promise<RunningSandbox> {
  return startSandbox({ port: 0, inMemory: true, verbose: false, mqttPort: 0, mqttsPort: 0 });
}

export function clientConfig(sandbox: RunningSandbox) {
  return { endpoint: sandbox.endpoint, region: LOCAL_REGION, credentials: { ...LOCAL_CREDENTIALS } };
}

export async function newHome(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'lab-labs-'));
}

function labEnv(home: string, endpoint: string): NodeJS.ProcessEnv {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('LAB_') && !k.startsWith('AWS_')));
  return { ...clean, LAB_HOME: home, LAB_ENDPOINT: endpoint, NO_COLOR: '1' };
}

/** Runs `lab ARGS` to completion; asynchronous so the in-process sandbox keeps answering meanwhile. */
export function lab(args: string[], home: string, endpoint: string, timeoutMs = 120_000): Promise<LabRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: ROOT, env: labEnv(home, endpoint), timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

/** Starts `lab ARGS` in the background (the device); `done` gives its output when it exits. */
export function labInBackground(args: string[], home: string, endpoint: string): { child: ChildProcess; done: Promise<LabRun> } {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: labEnv(home, endpoint), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const done = new Promise<LabRun>((resolve) => child.once('exit', (code) => resolve({ code: code ?? -1, stdout, stderr })));
  return { child, done };
}

/** The JSON report's checks by id. */
export function checksOf(run: LabRun): Record<string, { status: string; message: string; hint?: string }> {
  const doc = JSON.parse(run.stdout) as { labs: { checks: { id: string; status: string; message: string; hint?: string }[] }[] };
  return Object.fromEntries(doc.labs.flatMap((l) => l.checks).map((c) => [c.id, c]));
}

export async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
