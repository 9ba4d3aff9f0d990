// The class roster: a CSV with a header row. `id` is required (and unique); `name`, `prefix` (classes
// sharing one account), `home` (the student's lab home, where lab 0 keeps the device's certificate) and
// how to reach the account: `profile`, or `role_arn` (+ `external_id`) assumed through STS, or
// `access_key_id` + `secret_access_key` (in the sandbox a 12-digit key id is that account); optionally
// `target`, `endpoint` and `region` per row, else the command's own.

import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { parseCsv } from './csv.js';
import { tg } from './messages.js';

export const ROSTER_COLUMNS = ['id', 'name', 'prefix', 'profile', 'role_arn', 'external_id', 'access_key_id', 'secret_access_key', 'target', 'endpoint', 'region', 'home'] as const;
export type RosterColumn = (typeof ROSTER_COLUMNS)[number];

export interface Student {
  id: string;
  name: string;
  /** Line in the roster file, for messages. */
  line: number;
  prefix?: string;
  profile?: string;
  roleArn?: string;
  externalId?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  target?: string;
  endpoint?: string;
  region?: string;
  home?: string;
}

/** Ids become file names: keep them to what every file system takes. */
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;

export async function readRoster(file: string): Promise<Student[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new UsageError(tg('roster.unreadable', { file, reason: (err as NodeJS.ErrnoException).code === 'ENOENT' ? tg('roster.noFile') : (err as Error).message }));
  }
  return parseRoster(text, dirname(resolve(file)));
}

export function parseRoster(text: string, baseDir: string): Student[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) throw new UsageError(tg('roster.empty'));
  const columns = header.map((h) => h.trim().toLowerCase());
  const unknown = columns.filter((c) => !(ROSTER_COLUMNS as readonly string[]).includes(c));
  if (unknown.length) throw new UsageError(tg('roster.unknownColumns', { columns: unknown.join(', '), known: ROSTER_COLUMNS.join(', ') }));
  if (!columns.includes('id')) throw new UsageError(tg('roster.noIdColumn'));
  if (rows.length === 0) throw new UsageError(tg('roster.noStudents'));
  const seen = new Set<string>();
  return rows.map((cells, i) => {
    const line = i + 2;
    const get = (c: RosterColumn) => {
      const value = cells[columns.indexOf(c)]?.trim();
      return columns.includes(c) && value ? value : undefined;
    };
    const id = get('id');
    if (!id || !ID_PATTERN.test(id)) throw new UsageError(tg('roster.badId', { line, id: id ?? '' }));
    if (seen.has(id)) throw new UsageError(tg('roster.twice', { line, id }));
    seen.add(id);
    const home = get('home');
    return {
      id,
      name: get('name') ?? id,
      line,
      prefix: get('prefix'),
      profile: get('profile'),
      roleArn: get('role_arn'),
      externalId: get('external_id'),
      accessKeyId: get('access_key_id'),
      secretAccessKey: get('secret_access_key'),
      target: get('target'),
      endpoint: get('endpoint'),
      region: get('region'),
      home: home === undefined ? undefined : isAbsolute(home) ? home : resolve(baseDir, home),
    };
  });
}
