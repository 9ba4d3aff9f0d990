// `lab list`: the labs in order with the latest result on the configured target. Never calls AWS.

import { LABS } from '../labs/catalog.js';
import { hasChecks } from '../labs/workbook.js';
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
      const status = latest ? `${latest.status} ${latest.score}/${latest.maxScore}` : checks ? 'not started' : 'no checks yet';
      const when = latest ? formatWhen(latest.status === 'passed' && latest.passedAt ? latest.passedAt : latest.checkedAt) : '';
      return [String(lab.number), lab.slug, status, when, lab.title];
    }),
  );
  const header = ['#', 'lab', 'status', 'when', 'title'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  for (const row of [header, ...rows]) out.line('  ' + row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]))).join('  '));
  out.line();
  out.line('Read a lab with `lab open N`, grade it with `lab check N`.');
}

function formatWhen(iso: string): string {
  return iso.slice(0, 16).replace('T', ' ') + ' UTC';
}
