// `lab selftest [N|all]`: proves the workbook's labs on a fresh in-memory sandbox. Before a lab's
// solution no check passes; after it (with the device running) every check passes; a second deploy
// changes nothing; grading makes no state-changing call. Any surprise means exit 1.

import { UsageError } from '../errors.js';
import { LABS, type LabEntry } from '../labs/catalog.js';
import { findLab, hasChecks, resolveWorkbook, type Workbook } from '../labs/workbook.js';
import { openWorkbench } from '../local-run/workbench.js';
import { rehearse } from '../local-run/rehearsal.js';
import { stdout, type Output } from '../output.js';
import { headerLine } from '../target/target.js';
import type { GlobalOptions } from '../session.js';
import { seconds } from '../cli/option-values.js';
import { t } from '../i18n/index.js';

export interface SelftestOptions extends GlobalOptions {
  runtime?: string;
  wait?: string;
}

export async function selftest(labArg: string | undefined, options: SelftestOptions, out: Output = stdout): Promise<{ passed: boolean }> {
  const workbook = resolveWorkbook();
  const labs = await labsToTest(labArg ?? 'all', workbook);
  const waitMs = options.wait === undefined ? 90_000 : seconds('--wait', options.wait);
  const started = Date.now();
  const bench = await openWorkbench();
  try {
    out.line(t('selftest.header', { target: headerLine(bench.target) }));
    out.line(t('selftest.runtime', { runtime: options.runtime ?? 'python' }));
    const { surprises } = await rehearse({ bench, workbook, labs, choices: { runtime: options.runtime }, strict: true, waitMs, say: (line) => out.line(line) });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    out.line(surprises.length === 0 ? t('selftest.passed', { labs: labs.map((l) => l.number).join(', '), seconds }) : t('selftest.failed', { count: surprises.length, seconds }));
    return { passed: surprises.length === 0 };
  } finally {
    await bench.close();
  }
}

async function labsToTest(arg: string, workbook: Workbook): Promise<LabEntry[]> {
  if (arg !== 'all') {
    const entry = findLab(arg);
    if (!(await hasChecks(workbook, entry))) throw new UsageError(t('selftest.noChecks', { lab: entry.number }));
    return [entry];
  }
  const ready: LabEntry[] = [];
  for (const entry of LABS) if (await hasChecks(workbook, entry)) ready.push(entry);
  return ready;
}

