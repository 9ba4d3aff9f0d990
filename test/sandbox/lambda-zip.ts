// Deployment packages for Lambda tests and benchmarks: a folder of test/fixtures/lambda, or files given
// as text, zipped as a student's package looks. No test-runner imports, so the benchmarks can use it.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { zipSync } from 'fflate';

// From the sources (test/sandbox) or the build (dist/test/sandbox), where fixtures are not copied.
const FIXTURES = [join(import.meta.dirname, '../fixtures/lambda'), join(import.meta.dirname, '../../../test/fixtures/lambda')].find((dir) => existsSync(dir))!;

/** Files named by their path inside the zip. */
export function zipFiles(files: Record<string, string | Uint8Array>): Buffer {
  return Buffer.from(zipSync(Object.fromEntries(Object.entries(files).map(([path, body]) => [path, typeof body === 'string' ? Buffer.from(body) : body]))));
}

/** A fixture folder (subfolders included), plus or over it the extra files (settings.json...). */
export function zipFixture(name: string, extra: Record<string, string> = {}): Buffer {
  const root = join(FIXTURES, name);
  const files: Record<string, Uint8Array> = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(root, path)] = readFileSync(path);
    }
  };
  walk(root);
  return zipFiles({ ...files, ...extra });
}
