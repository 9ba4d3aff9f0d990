// How each Lambda runtime starts: which executable, which bootstrap script of ours, which extra
// environment (the SDK v3 for Node.js from the sandbox's own node_modules; boto3 comes with python3),
// and the interpreter's own memory ceiling at the function's memory size (the sandbox also measures the
// processes and kills them past it; the ceiling stops a runaway allocation between two measurements).

import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const NODE_RUNTIMES = ['nodejs18.x', 'nodejs20.x', 'nodejs22.x', 'nodejs24.x'] as const;
export const PYTHON_RUNTIMES = ['python3.9', 'python3.10', 'python3.11', 'python3.12', 'python3.13', 'python3.14'] as const;
/** The runtimes the sandbox runs, newest first as AWS lists them. */
export const SUPPORTED_RUNTIMES: readonly string[] = [...[...NODE_RUNTIMES].reverse(), ...[...PYTHON_RUNTIMES].reverse()];

export type RuntimeFamily = 'node' | 'python';

export function runtimeFamily(runtime: string): RuntimeFamily | undefined {
  if ((NODE_RUNTIMES as readonly string[]).includes(runtime)) return 'node';
  if ((PYTHON_RUNTIMES as readonly string[]).includes(runtime)) return 'python';
  return undefined;
}

export interface LaunchCommand {
  command: string;
  args: string[];
  env: Record<string, string>;
}

/** A failure to start a runtime at all (python3 missing): reported as the invocation's error. */
export class RuntimeUnavailable extends Error {}

const here = dirname(fileURLToPath(import.meta.url));

/** Bootstrap scripts are not TypeScript: next to this file in the sources, or in the source tree from dist/. */
function bootstrapPath(file: string): string {
  const candidates = [join(here, 'bootstrap', file), join(here, '..', '..', '..', 'sandbox', 'runtime', 'bootstrap', file)];
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new RuntimeUnavailable(`the sandbox's Lambda bootstrap ${file} is missing (looked in ${candidates.join(', ')})`);
  return found;
}

let sdkNodeModules: string | null | undefined;

/** The node_modules folder that holds the sandbox's `@aws-sdk/*` packages, offered to functions as AWS's runtime does. */
function sdkModulesDir(): string | null {
  if (sdkNodeModules !== undefined) return sdkNodeModules;
  try {
    const manifest = createRequire(import.meta.url).resolve('@aws-sdk/client-lambda/package.json');
    sdkNodeModules = dirname(dirname(dirname(manifest)));
  } catch {
    sdkNodeModules = null;
  }
  return sdkNodeModules;
}

const pythonExecutables = new Map<string, string>();

/**
 * The real interpreter behind `python3` (or LAB_SANDBOX_PYTHON), resolved once: shims such as pyenv's
 * cost tens of milliseconds per start and need the user's HOME, which functions do not get.
 */
function pythonExecutable(): string {
  const wanted = process.env.LAB_SANDBOX_PYTHON || 'python3';
  let resolved = pythonExecutables.get(wanted);
  if (!resolved) {
    try {
      resolved = execFileSync(wanted, ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8', timeout: 15_000 }).trim();
    } catch {
      throw new RuntimeUnavailable(`Python functions run with ${wanted} (with boto3), which could not be started on this machine`);
    }
    pythonExecutables.set(wanted, resolved);
  }
  return resolved;
}

/** Python's data segment may grow to this many times the memory size before malloc fails (see python.py). */
const PYTHON_DATA_FACTOR = 2;

export function launchCommand(runtime: string, memoryMb: number): LaunchCommand {
  const family = runtimeFamily(runtime);
  if (family === 'node') {
    const modules = sdkModulesDir();
    const env: Record<string, string> = {};
    if (modules) {
      env.NODE_PATH = modules;
      env.LAMBDA_SANDBOX_SDK_PARENT = dirname(modules);
    }
    return { command: process.execPath, args: ['--disable-warning=ExperimentalWarning', `--max-old-space-size=${memoryMb}`, bootstrapPath('node.mjs')], env };
  }
  if (family === 'python') {
    const dataLimit = String(memoryMb * PYTHON_DATA_FACTOR * 1024 * 1024);
    return { command: pythonExecutable(), args: ['-B', bootstrapPath('python.py'), dataLimit], env: { PYTHONUNBUFFERED: '1', PYTHONIOENCODING: 'utf-8' } };
  }
  throw new RuntimeUnavailable(`The sandbox cannot run the runtime ${runtime}`);
}
