// The sandbox as a separate process for tests that need what only a process shows (kill -9, restart on the
// same data directory): the compiled `dist/sandbox/main.js`, as `lab sandbox start` runs it.

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll } from 'vitest';
import type { SandboxOptions } from '../../sandbox/index.js';

/** Built by `npm test` (and `npm run build`); tests read the sources, the child runs the build. */
export const SANDBOX_MAIN = resolve(import.meta.dirname, '../../dist/sandbox/main.js');

export interface ChildSandbox {
  readonly child: ChildProcess;
  readonly endpoint: string;
}

export interface ChildSandboxOptions {
  /** More flags of `sandbox/main.ts` after `--port 0 --data <dir> --quiet`. */
  args?: string[];
  /** Settings main.ts has no flag for; given, the child imports main.js and adds them to the parsed flags. */
  settings?: Pick<SandboxOptions, 'provisioningDelayMs'>;
  /** How long to wait for the "listening on" line. */
  timeoutMs?: number;
}

// The same start as main.ts's own, plus the settings (JSON in SANDBOX_TEST_SETTINGS).
const WITH_SETTINGS = [
  `const { optionsFromArgs, runSandboxProcess } = await import(${JSON.stringify(pathToFileURL(SANDBOX_MAIN).href)});`,
  `const running = await runSandboxProcess({ ...optionsFromArgs(process.argv.slice(1)), ...JSON.parse(process.env.SANDBOX_TEST_SETTINGS) });`,
  'process.stdout.write(`sandbox listening on ${running.endpoint}\\n`);',
].join('\n');

/** Starts the sandbox process on a data directory and resolves once it prints its endpoint. */
export function startChildSandbox(dataDir: string, options: ChildSandboxOptions = {}): Promise<ChildSandbox> {
  if (!existsSync(SANDBOX_MAIN)) return Promise.reject(new Error(`${SANDBOX_MAIN} is missing: run \`npm run build\` first`));
  const flags = ['--port', '0', '--data', dataDir, '--quiet', ...(options.args ?? [])];
  const child = options.settings
    ? spawn(process.execPath, ['--input-type=module', '-e', WITH_SETTINGS, '--', ...flags], {
        env: { ...process.env, SANDBOX_TEST_SETTINGS: JSON.stringify(options.settings) },
        stdio: ['ignore', 'pipe', 'pipe'],
      })
    : spawn(process.execPath, [SANDBOX_MAIN, ...flags], { stdio: ['ignore', 'pipe', 'pipe'] });
  const timeoutMs = options.timeoutMs ?? 30_000;
  return new Promise((resolvePromise, reject) => {
    let out = '';
    let err = '';
    const fail = (why: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`sandbox process (${flags.join(' ')}) ${why}${err ? `; stderr:\n${err}` : ''}`));
    };
    const timer = setTimeout(() => fail(`printed no "listening on" line within ${timeoutMs} ms`), timeoutMs);
    // Both pipes keep draining after the start, so a chatty child never blocks on a full pipe.
    child.stderr!.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-8192)));
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolvePromise({ child, endpoint: m[1] });
      }
    });
    child.once('error', (e) => fail(`could not be spawned: ${e.message}`));
    child.once('exit', (code, signal) => fail(`exited (${signal ?? code}) before listening`));
  });
}

const running = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;

/** kill -9, resolved once the process is gone. */
export function killHard(child: ChildProcess): Promise<void> {
  if (!running(child)) return Promise.resolve();
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGKILL');
  return exited;
}

/**
 * For one describe block: starts child sandboxes and makes temp data directories; after the block, kills
 * the children still running and removes the directories.
 */
export function useChildSandboxes(): { start(dataDir: string, options?: ChildSandboxOptions): Promise<ChildSandbox>; tempDir(prefix: string): string } {
  const children: ChildProcess[] = [];
  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.all(children.map(killHard));
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });
  return {
    async start(dataDir, options) {
      const started = await startChildSandbox(dataDir, options);
      children.push(started.child);
      return started;
    },
    tempDir(prefix) {
      const dir = mkdtempSync(join(tmpdir(), prefix));
      dirs.push(dir);
      return dir;
    },
  };
}
