// The ingest function's code in each language, zipped at deploy time. The Python source ships as is;
// the Node.js one is our TypeScript, compiled by the build like the rest of the workbook.

import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipFiles } from '../lib/zip.js';

export const RUNTIMES = {
  python: { runtime: 'python3.12', handler: 'lambda_function.lambda_handler', source: ['python', 'lambda_function.py'], entry: 'lambda_function.py' },
  node: { runtime: 'nodejs20.x', handler: 'index.handler', source: ['node', 'index.js'], entry: 'index.mjs' },
} as const;

export type RuntimeChoice = keyof typeof RUNTIMES;

const here = dirname(fileURLToPath(import.meta.url));
const LAB_DIR = join('solutions', '01-stream-to-dynamo', 'function');

/** Runs from dist/solutions/… (the CLI) or from the sources (tests): look in both trees. */
function findSource(parts: readonly string[]): string {
  const root = existsSync(join(here, '..', '..', 'package.json')) ? join(here, '..', '..') : join(here, '..', '..', '..');
  const candidates = [join(here, 'function', ...parts), join(root, LAB_DIR, ...parts), join(root, 'dist', LAB_DIR, ...parts)];
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`The ingest function's source is missing (looked in ${candidates.join(', ')}); run \`npm run build\`.`);
  return found;
}

export async function ingestFunctionCode(choice: RuntimeChoice): Promise<{ runtime: string; handler: string; zip: Uint8Array }> {
  const spec = RUNTIMES[choice];
  let source = await readFile(findSource(spec.source), 'utf8');
  // The compiled file points at a source map that is not in the zip.
  source = source.replace(/\n\/\/# sourceMappingURL=.*\s*$/, '\n');
  return { runtime: spec.runtime, handler: spec.handler, zip: zipFiles({ [spec.entry]: source }) };
}
