// A lab function's code in each language, zipped at deploy time. The Python source ships as is; the
// Node.js one is our TypeScript, compiled by the build like the rest of the workbook.

import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../../src/errors.js';
import { zipFiles } from './zip.js';
import { ts } from './messages.js';

/** Supported Lambda runtimes only: AWS refuses new functions on deprecated ones. */
export const RUNTIMES = {
  python: { runtime: 'python3.12', handler: 'lambda_function.lambda_handler', source: ['python', 'lambda_function.py'], entry: 'lambda_function.py' },
  node: { runtime: 'nodejs22.x', handler: 'index.handler', source: ['node', 'index.js'], entry: 'index.mjs' },
} as const;

export type RuntimeChoice = keyof typeof RUNTIMES;

/** `--runtime`, python by default; anything else is a usage error. */
export function runtimeChoice(choices: Readonly<Record<string, string | undefined>>): RuntimeChoice {
  const runtime = choices.runtime ?? 'python';
  if (!(runtime in RUNTIMES)) throw new UsageError(ts('refusals.runtime', { runtimes: Object.keys(RUNTIMES).join(' or '), runtime }));
  return runtime as RuntimeChoice;
}

const here = dirname(fileURLToPath(import.meta.url));

/** Runs from dist/solutions/… (the CLI) or from the sources (tests): look in both trees. */
function findSource(labId: string, parts: readonly string[]): string {
  const root = existsSync(join(here, '..', '..', 'package.json')) ? join(here, '..', '..') : join(here, '..', '..', '..');
  const dir = join('solutions', labId, 'function');
  const candidates = [join(root, dir, ...parts), join(root, 'dist', dir, ...parts)];
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(ts('refusals.sourceMissing', { places: candidates.join(', ') }));
  return found;
}

/** The runtime, handler and zip of lab `labId`'s function (`solutions/<labId>/function/{python,node}`). */
export async function functionCode(labId: string, choice: RuntimeChoice): Promise<{ runtime: string; handler: string; zip: Uint8Array }> {
  const spec = RUNTIMES[choice];
  let source = await readFile(findSource(labId, spec.source), 'utf8');
  // The compiled file points at a source map that is not in the zip.
  source = source.replace(/\n\/\/# sourceMappingURL=.*\s*$/, '\n');
  return { runtime: spec.runtime, handler: spec.handler, zip: zipFiles({ [spec.entry]: source }) };
}
