// CSV: one row per check, for spreadsheets and gradebooks.

import type { LabReport } from '../engine/report.js';
import type { TargetInfo } from '../target/target.js';

const COLUMNS = ['target', 'account_id', 'region', 'lab', 'slug', 'check_id', 'title', 'status', 'score', 'max_score', 'message'];

export function renderCsv(reports: LabReport[], target: TargetInfo): string {
  const rows = reports.flatMap((r) =>
    r.checks.map((c) => [target.kind, target.accountId, target.region, r.lab.number, r.lab.slug, c.id, c.title, c.status, c.score, c.points, c.message]),
  );
  return [COLUMNS, ...rows].map((row) => row.map((v) => cell(String(v))).join(',')).join('\r\n') + '\r\n';
}

// RFC 4180 quoting; a leading = + - @ is neutralised so spreadsheets do not run it as a formula.
function cell(value: string): string {
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
