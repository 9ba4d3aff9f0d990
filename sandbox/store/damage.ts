// What the start-up check of a data directory does with damage it finds. Without --repair a damaged store
// stops the start with one line naming the service and the file, and nothing is changed, so the evidence
// stays. With --repair what can be read is kept and the damaged files are moved, whole, into one dated
// folder beside them (`<data>/damaged-<time>/<same relative path>`); each step is told in a line.

import { cpSync, existsSync, mkdirSync, renameSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/** The next step a damaged store offers, in the words of the CLI. */
export const DAMAGE_CHOICES =
  'Run `lab sandbox start --repair` to keep what can be read and move the damaged parts aside, or `lab sandbox reset` to start empty.';

/**
 * A damaged store. `reason` is the one line naming the service and the file; the message adds the
 * choices, so whoever prints only the message (the sandbox process's own log) still shows the next step.
 */
export class StoreDamagedError extends Error {
  override readonly name = 'StoreDamagedError';
  readonly code = 'SANDBOX_STORE_DAMAGED';
  readonly reason: string;
  readonly choices = DAMAGE_CHOICES;
  constructor(
    readonly service: string,
    readonly file: string,
    readonly problem: string,
  ) {
    const reason = `${service} data is damaged: ${file} ${problem}.`;
    super(`${reason} ${DAMAGE_CHOICES}`);
    this.reason = reason;
  }
}

/** Where --repair puts what it moves aside, and what it tells. */
export class DamageRepair {
  readonly folder: string;
  /** One line per step taken, in order. */
  readonly steps: string[] = [];

  constructor(
    readonly dataDir: string,
    now = new Date(),
    private readonly tell: (line: string) => void = (line) => process.stderr.write(`[sandbox] repair: ${line}\n`),
  ) {
    const base = join(dataDir, `damaged-${now.toISOString().replace(/[:.]/g, '-')}`);
    // Never into the folder of an earlier repair (a clock held still in tests): nothing moved is overwritten.
    let folder = base;
    for (let n = 2; existsSync(folder); n++) folder = `${base}-${n}`;
    this.folder = folder;
  }

  /** Moves a file (or a folder) of the data directory into the dated folder, under the same relative path. */
  moveAside(path: string): string {
    const target = join(this.folder, relative(this.dataDir, path));
    mkdirSync(dirname(target), { recursive: true });
    renameSync(path, target);
    return target;
  }

  /** Copies a file or folder into the dated folder (kept as it was before a repair in place). */
  copyAside(path: string): string {
    const target = join(this.folder, relative(this.dataDir, path));
    mkdirSync(dirname(target), { recursive: true });
    cpSync(path, target, { recursive: true });
    return target;
  }

  note(line: string): void {
    this.steps.push(line);
    this.tell(line);
  }

  /** Called once every store was checked: a repair that found nothing says so. */
  finish(): void {
    if (this.steps.length === 0) this.tell(`nothing in ${this.dataDir} was damaged`);
  }
}

/** "line 7" or "lines 7, 9 and 12" (at most a few numbers, then how many more). */
export function describeLines(lines: number[]): string {
  if (lines.length === 1) return `line ${lines[0]}`;
  const shown = lines.slice(0, 5);
  const more = lines.length - shown.length;
  return more > 0 ? `lines ${shown.join(', ')} and ${more} more` : `lines ${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

/**
 * Splits a line-per-record file into its records and finds the damaged lines. A last line without its
 * newline was being written when the process died, so it was never acknowledged: it is `cutShort`, not
 * damage. `parse` turns a complete line into its record, or undefined when the line is not one.
 */
export function scanLines<T>(text: string, parse: (line: string) => T | undefined): LineScan<T> {
  const lines = text.split('\n');
  const last = lines.pop()!; // '' when the text ends with a newline
  const scan: LineScan<T> = { good: [], damaged: [], damagedText: [], cutShort: false, total: lines.length + (last !== '' ? 1 : 0) };
  const take = (line: string, number: number, isLast: boolean) => {
    const value = parse(line);
    if (value !== undefined) scan.good.push({ line, value });
    // A cut-short line may still parse (cut right before its newline): then its write had finished.
    else if (isLast) scan.cutShort = true;
    else {
      scan.damaged.push(number);
      scan.damagedText.push(line);
    }
  };
  lines.forEach((line, i) => line !== '' && take(line, i + 1, false));
  if (last !== '') take(last, lines.length + 1, true);
  return scan;
}

export interface LineScan<T> {
  /** Readable lines in order, with their records. */
  good: { line: string; value: T }[];
  /** 1-based numbers of the damaged lines, and their text. */
  damaged: number[];
  damagedText: string[];
  cutShort: boolean;
  total: number;
}

/** `JSON.parse`, or undefined for text that is not JSON. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
