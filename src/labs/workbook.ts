// Where a workbook's files live (lab texts, compiled checks and solutions) and how a lab's
// modules are loaded: lazily, only for the lab a command needs.

import { access, readFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { UsageError } from '../errors.js';
import type { LabChecks, RunnableLab } from '../engine/types.js';
import type { Solution } from '../engine/solution.js';
import { LABS, labId, labLabel, type LabEntry } from './catalog.js';
import type { Language } from '../i18n/language.js';
import { language as currentLanguage, t } from '../i18n/index.js';

export interface Workbook {
  /** Holds `labs/NN-slug.md`. */
  textDir: string;
  /** Holds the compiled `checks/NN-slug.js` and `solutions/NN-slug/index.js`. */
  codeDir: string;
}

// This file compiles to dist/src/labs/workbook.js; the package root is three levels up.
const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/**
 * The package's own workbook, or `$LAB_WORKBOOK_DIR` (tests point it at a fixture workbook).
 * A directory inside the package finds its compiled code at the same place under dist/.
 */
export function resolveWorkbook(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Workbook {
  if (!env.LAB_WORKBOOK_DIR) return { textDir: PACKAGE_ROOT, codeDir: join(PACKAGE_ROOT, 'dist') };
  const dir = resolve(cwd, env.LAB_WORKBOOK_DIR);
  const inside = relative(PACKAGE_ROOT, dir);
  const underPackage = inside !== '' && !inside.startsWith('..') && !isAbsolute(inside) && !inside.startsWith('dist');
  return { textDir: dir, codeDir: underPackage ? join(PACKAGE_ROOT, 'dist', inside) : dir };
}

export function findLab(arg: string): LabEntry {
  const number = /^\d+$/.test(arg) ? Number(arg) : NaN;
  const entry = LABS.find((l) => l.number === number || l.slug === arg);
  if (!entry) throw new UsageError(t('usage.unknownLab', { lab: arg, last: LABS.length - 1 }));
  return entry;
}

/** `labs/NN-slug.md`; a translation lives beside it under the language's folder, `labs/ko/NN-slug.md`. */
export function labTextFile(workbook: Workbook, entry: LabEntry, language: Language = 'en'): string {
  return language === 'en' ? join(workbook.textDir, 'labs', `${labId(entry)}.md`) : join(workbook.textDir, 'labs', language, `${labId(entry)}.md`);
}

export async function hasChecks(workbook: Workbook, entry: LabEntry): Promise<boolean> {
  return exists(checksFile(workbook, entry));
}

/** A lab's title in `language`: its translated text's front matter, else the catalogue's English. */
export async function labTitle(workbook: Workbook, entry: LabEntry, language: Language): Promise<string> {
  if (language === 'en') return entry.title;
  const text = await readFile(labTextFile(workbook, entry, language), 'utf8').catch(() => '');
  return /^---\r?\n[\s\S]*?^title:\s*(.+?)\s*$/m.exec(text)?.[1] ?? entry.title;
}

export async function loadLab(workbook: Workbook, entry: LabEntry): Promise<RunnableLab> {
  const file = checksFile(workbook, entry);
  if (!(await exists(file))) throw new UsageError(t('usage.noChecks', { lab: labLabel(entry) }));
  const definition = (await importDefault(file)) as LabChecks | undefined;
  if (!definition || !Array.isArray(definition.checks)) {
    throw new Error(`${file} must export default a LabChecks definition ({ checks: [...] }).`);
  }
  return { ...entry, title: await labTitle(workbook, entry, currentLanguage()), checks: definition.checks };
}

export async function loadSolution(workbook: Workbook, entry: LabEntry): Promise<Solution> {
  const file = join(workbook.codeDir, 'solutions', labId(entry), 'index.js');
  if (!(await exists(file))) throw new UsageError(t('usage.noSolution', { lab: labLabel(entry) }));
  const solution = (await importDefault(file)) as Solution | undefined;
  if (!solution || typeof solution.deploy !== 'function') throw new Error(`${file} must export default a Solution ({ deploy(ctx) }).`);
  return solution;
}

function checksFile(workbook: Workbook, entry: LabEntry): string {
  return join(workbook.codeDir, 'checks', `${labId(entry)}.js`);
}

async function importDefault(file: string): Promise<unknown> {
  const mod = (await import(pathToFileURL(file).href)) as { default?: unknown };
  return mod.default;
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}
