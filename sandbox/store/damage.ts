// What the start-up check of a data directory does with damage it finds. Without --repair a damaged store
// stops the start with one line naming the service and the file, and nothing is changed, so the evidence
// stays. With --repair what can be read is kept and the damaged files are moved, whole, into one dated
// folder beside them (`<data>/damaged-<time>/<same relative path>`); each step is told in a line.

import { cpSync, mkdirSync, renameSync } from 'node:fs';
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
    this.folder = join(dataDir, `damaged-${now.toISOString().replace(/[:.]/g, '-')}`);
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
}

/** "line 7" or "lines 7, 9 and 12" (at most a few numbers, then how many more). */
export function describeLines(lines: number[]): string {
  if (lines.length === 1) return `line ${lines[0]}`;
  const shown = lines.slice(0, 5);
  const more = lines.length - shown.length;
  return more > 0 ? `lines ${shown.join(', ')} and ${more} more` : `lines ${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

/**
 * Splits a line-per-record file into its lines and finds the damaged ones. A last line without its
 * newline was being written when the process died, so it was never acknowledged: it is `cutShort`, not
 * damage. `valid` tells whether a complete line is a readable record.
 */
export function scanLines(text: string, valid: (line: string) => boolean): { good: string[]; damaged: number[]; cutShort: boolean; total: number } {
  const lines = text.split('\n');
  const last = lines.pop()!; // '' when the text ends with a newline
  const good: string[] = [];
  const damaged: number[] = [];
  lines.forEach((line, i) => {
    if (line === '') return;
    if (valid(line)) good.push(line);
    else damaged.push(i + 1);
  });
  let cutShort = false;
  if (last !== '') {
    // A cut-short line may still parse (cut right before its newline): then its write had finished.
    if (valid(last)) good.push(last);
    else cutShort = true;
  }
  return { good, damaged, cutShort, total: lines.length + (last !== '' ? 1 : 0) };
}

/** `JSON.parse`, or undefined for text that is not JSON. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
