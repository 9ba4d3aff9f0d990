// `lab solve N`: deploys the lab's reference solution into the target (idempotent, tagged).

import { systemClock } from '../engine/clock.js';
import { WORKSHOP_TAGS } from '../engine/solution.js';
import { labLabel } from '../labs/catalog.js';
import { findLab, loadSolution } from '../labs/workbook.js';
import { connect, openSession, type GlobalOptions } from '../session.js';
import { headerLine } from '../target/target.js';
import { stdout, type Output } from '../output.js';
import { t } from '../i18n/index.js';

export interface SolveOptions extends GlobalOptions {
  /** Which language the lab's functions are deployed in, for labs that have functions. */
  runtime?: string;
}

export async function solveLab(labArg: string, options: SolveOptions, out: Output = stdout): Promise<void> {
  const session = await openSession(options);
  const entry = findLab(labArg);
  const solution = await loadSolution(session.workbook, entry);
  const { clients, target } = await connect(session);
  try {
    out.line(headerLine(target));
    out.line(t('solve.deploying', { lab: labLabel(entry) }));
    const result = await solution.deploy({
      clients,
      target,
      config: session.config,
      clock: systemClock,
      signal: new AbortController().signal,
      lab: { number: entry.number, slug: entry.slug },
      tags: WORKSHOP_TAGS,
      log: (message) => out.line(`  ${message}`),
      choices: { runtime: options.runtime },
    });
    for (const name of result?.created ?? []) out.line(t('solve.created', { name }));
    for (const name of result?.updated ?? []) out.line(t('solve.updated', { name }));
    for (const name of result?.unchanged ?? []) out.line(t('solve.unchanged', { name }));
    for (const note of result?.notes ?? []) out.line(t('solve.note', { note }));
    out.line(t('solve.done', { lab: entry.number }));
  } finally {
    clients.destroy();
  }
}
