// The `.lab/` state directory (or $LAB_HOME) and crash-safe JSON files inside it.

import { mkdir, readFile, rename, writeFile, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { UsageError } from './errors.js';
import { t } from './i18n/index.js';

export function labHome(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): string {
  return env.LAB_HOME ? resolve(cwd, env.LAB_HOME) : join(cwd, '.lab');
}

export async function readJsonFile<T>(file: string, fallback: T): Promise<T> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return fallback;
    throw err;
  }
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new UsageError(t('usage.badJson', { file }));
  }
}

/** Writes a temp file beside the target and renames it over: a reader (or Ctrl-C) never sees half a file. */
export async function writeJsonFileAtomic(file: string, value: unknown): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temp, JSON.stringify(value, null, 2) + '\n', 'utf8');
    await rename(temp, file);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
}
