// `lab list`: the labs in order with the latest result on the configured target. Never calls AWS.

import { t } from '../i18n/index.js';
import { LABS } from '../labs/catalog.js';
import { hasChecks, labTitle } from '../labs/workbook.js';
import { loadProgress, latestFor } from '../progress.js';
import { configuredHeader, openSession, type GlobalOptions } from '../session.js';
import { stdout, type Output } from '../output.js';

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
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((r) => displayWidth(r[i]!))));
  for (const row of [header, ...rows]) out.line('  ' + row.map((cell, i) => (i === row.length - 1 ? cell : pad(cell, widths[i]!))).join('  '));
  out.line();
  out.line(t('list.next'));
}


/** Columns on a terminal: Hangul and other wide characters take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return width;
}

const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - displayWidth(text)));

function formatWhen(iso: string): string {
  return iso.slice(0, 16).replace('T', ' ') + ' UTC';
}
