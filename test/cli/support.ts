// Runs the real `lab` binary (bin/lab.js over the compiled dist/) in a child process with its own
// state directory, pointed at the fixture workbook.

import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const BIN = join(ROOT, 'bin', 'lab.js');
export const FIXTURE_WORKBOOK = join(ROOT, 'test', 'fixtures', 'workbook');

export interface LabRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function assertBuilt(): void {
  if (!existsSync(join(ROOT, 'dist', 'src', 'cli', 'main.js')) || !existsSync(join(ROOT, 'dist', 'test', 'fixtures', 'workbook', 'checks'))) {
    throw new Error('The CLI tests run the compiled binary: run `npm run build` first (`npm test` does).');
  }
}

export async function newHome(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'lab-cli-'));
}

/** Asynchronous on purpose: an in-process sandbox must keep answering while the child runs. */
export function lab(args: string[], env: Record<string, string | undefined> = {}): Promise<LabRun> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('LAB_') && !k.startsWith('AWS_')));
  return new Promise((resolvePromise) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd: env.LAB_HOME ?? ROOT, env: { ...clean, LAB_WORKBOOK_DIR: FIXTURE_WORKBOOK, NO_COLOR: '1', ...env }, timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolvePromise({ code, stdout, stderr });
      },
    );
  });
}
