// What a deploy did, step by step: created, updated or left alone. Turned into `lab solve`'s summary;
// a second deploy of the same solution must record only "unchanged".

import type { SolutionContext, SolutionResult } from '../../src/engine/solution.js';
import { ts } from './messages.js';

export type StepOutcome = 'created' | 'updated' | 'unchanged';

export class Ledger {
  private readonly created: string[] = [];
  private readonly unchanged: string[] = [];
  private readonly updated: string[] = [];
  private readonly notes: string[] = [];

  constructor(private readonly ctx: Pick<SolutionContext, 'log'>) {}

  record(what: string, outcome: StepOutcome): void {
    if (outcome === 'created') this.created.push(what);
    else if (outcome === 'unchanged') this.unchanged.push(what);
    else {
      this.updated.push(what);
      this.ctx.log(ts('progress.updated', { what }));
    }
  }

  note(text: string): void {
    this.notes.push(text);
  }

  result(): SolutionResult {
    return { created: this.created, unchanged: this.unchanged, updated: this.updated, notes: this.notes };
  }
}

/** Whether a result changed anything: what `lab selftest` asserts of a second deploy. */
export function changedAnything(result: SolutionResult | void): boolean {
  return Boolean(result && ((result.created?.length ?? 0) > 0 || (result.updated?.length ?? 0) > 0));
}
