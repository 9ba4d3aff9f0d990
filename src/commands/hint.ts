// `lab hint N [check-id]`: reveals the next tier of a check's hints and remembers how far you got.

import { UsageError } from '../errors.js';
import type { Check } from '../engine/types.js';
import { labLabel } from '../labs/catalog.js';
import { findLab, loadLab, resolveWorkbook } from '../labs/workbook.js';
import { hintsRevealed, loadProgress, recordHintRevealed, type ProgressFile } from '../progress.js';
import { labHome } from '../lab-home.js';
import { stdout, type Output } from '../output.js';
import { t } from '../i18n/index.js';

export async function revealHint(labArg: string, checkId: string | undefined, out: Output = stdout): Promise<void> {
  const entry = findLab(labArg);
  const lab = await loadLab(resolveWorkbook(), entry);
  const home = labHome();
  const progress = await loadProgress(home);
  const check = checkId ? lab.checks.find((c) => c.id === checkId) : pickCheck(lab.checks, progress, entry.number);
  if (!check) {
    throw new UsageError(t('hint.noCheck', { lab: labLabel(entry), id: String(checkId), ids: lab.checks.map((c) => c.id).join(', ') }));
  }
  const hints = check.hints ?? [];
  if (hints.length === 0) {
    out.line(t('hint.none', { title: check.title, id: check.id, lab: entry.number }));
    return;
  }
  const revealed = Math.min(hints.length, hintsRevealed(progress, entry.number, check.id) + 1);
  await recordHintRevealed(home, entry.number, check.id, revealed);
  out.line(`${check.title} (${check.id})`);
  hints.slice(0, revealed).forEach((hint, i) => out.line(t('hint.line', { n: i + 1, total: hints.length, hint })));
  if (revealed < hints.length) out.line(t('hint.more', { lab: entry.number, id: check.id }));
}

// Without an id: the first check that did not pass last time and still has hints to give, else the first with hints.
function pickCheck(checks: Check[], progress: ProgressFile, lab: number): Check | undefined {
  const notPassed = new Set(Object.values(progress.targets).flatMap((t) => t.labs[lab]?.notPassed ?? []));
  const withHints = checks.filter((c) => (c.hints?.length ?? 0) > 0);
  const unfinished = (c: Check) => hintsRevealed(progress, lab, c.id) < (c.hints?.length ?? 0);
  return (
    withHints.find((c) => notPassed.has(c.id) && unfinished(c)) ??
    withHints.find((c) => notPassed.has(c.id)) ??
    withHints.find(unfinished) ??
    withHints[0] ??
    checks[0]
  );
}
