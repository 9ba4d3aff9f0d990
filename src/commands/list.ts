// `lab list`: the labs in order with the latest result on the configured target. Never calls AWS.

import { t } from '../i18n/index.js';
import { LABS } from '../labs/catalog.js';
import { hasChecks, labTitle } from '../labs/workbook.js';
import { loadProgress, latestFor } from '../progress.js';
import { configuredHeader, openSession, type GlobalOptions } from '../session.js';
import { alignColumns, stdout, type Output } from '../output.js';

export async function listLabs(options: GlobalOptions, out: Output = stdout): Promise<void> {
  const session = await openSession(options);
  const progress = await loadProgress(session.home);
  out.line(configuredHeader(session.settings));
  out.line();
  const rows = await Promise.all(
    LABS.map(async (lab) => {
      const latest = latestFor(progress, session.settings.kind, lab.number);
      const checks = await hasChecks(session.workbook, lab);
      const status = latest ? `${t(`list.status.${latest.status}`)} ${latest.score}/${latest.maxScore}` : t(checks ? 'list.notStarted' : 'list.noChecks');
      const when = latest ? formatWhen(latest.status === 'passed' && latest.passedAt ? latest.passedAt : latest.checkedAt) : '';
      return [String(lab.number), lab.slug, status, when, await labTitle(session.workbook, lab, session.language)];
    }),
  );
  const header = (['number', 'lab', 'status', 'when', 'title'] as const).map((c) => t(`list.columns.${c}`));
  for (const line of alignColumns([header, ...rows]).lines) out.line('  ' + line);
  out.line();
  out.line(t('list.next'));
}



function formatWhen(iso: string): string {
  return iso.slice(0, 16).replace('T', ' ') + ' UTC';
}
