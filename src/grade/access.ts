// How one student's account is reached: the row's own target, endpoint, region and credentials over
// the command's. A row that cannot work as written is that student's error, not the class's.

import { DEFAULT_PREFIX } from '../config.js';
import { assumeRoleCredentials } from '../target/assume-role.js';
import { LOCAL_ENDPOINT, LOCAL_REGION } from '../target/local.js';
import { parseEndpoint, parseKind } from '../target/resolve.js';
import type { TargetSettings } from '../target/target.js';
import { inEnglish, type GradeText } from './messages.js';
import type { Student } from './roster.js';

/** A row that cannot work as written: its message in English (the class files keep it), `text` for a person. */
export class RowError extends Error {
  override readonly name = 'RowError';
  readonly #text: GradeText | string;

  constructor(reason: GradeText | string) {
    super(typeof reason === 'string' ? reason : inEnglish(reason));
    this.#text = reason;
  }

  /** The reason as the catalogue has it (or as another part said it), for the workbook's language. */
  get text(): GradeText | string {
    return this.#text;
  }
}

const PREFIX_PATTERN = /^[a-z][a-z0-9-]{0,19}$/;

export function prefixOf(student: Student, fallback: string = DEFAULT_PREFIX): string {
  const prefix = student.prefix ?? fallback;
  if (!PREFIX_PATTERN.test(prefix)) throw new RowError({ key: 'row.prefix', values: { prefix } });
  return prefix;
}

export function settingsFor(student: Student, global: TargetSettings): TargetSettings {
  let kind;
  let endpoint;
  try {
    kind = student.target ? parseKind(student.target) : student.endpoint ? 'local' : global.kind;
    endpoint = kind === 'local' ? parseEndpoint(student.endpoint ?? global.endpoint ?? LOCAL_ENDPOINT) : undefined;
  } catch (err) {
    throw new RowError((err as Error).message);
  }
  if (kind === 'aws' && student.endpoint) throw new RowError({ key: 'row.endpointOnAws' });
  const region = student.region ?? global.region ?? (kind === 'local' ? LOCAL_REGION : undefined);
  const place: TargetSettings = { kind, ...(region ? { region } : {}), ...(endpoint ? { endpoint } : {}) };

  if (Boolean(student.accessKeyId) !== Boolean(student.secretAccessKey)) throw new RowError({ key: 'row.keysTogether' });
  if (student.accessKeyId && (student.roleArn || student.profile)) throw new RowError({ key: 'row.severalIdentities' });
  if (student.accessKeyId) return { ...place, credentials: { accessKeyId: student.accessKeyId, secretAccessKey: student.secretAccessKey! } };
  // The row's profile, else the command's identity, is what assumes the role or reaches the account.
  const own: TargetSettings = student.profile ? { ...place, profile: student.profile } : { ...place, ...(global.profile ? { profile: global.profile } : {}), ...(global.credentials ? { credentials: global.credentials } : {}) };
  if (student.roleArn) {
    if (!/^arn:aws[\w-]*:iam::\d{12}:role\/.+/.test(student.roleArn)) throw new RowError({ key: 'row.roleArn', values: { roleArn: student.roleArn } });
    return { ...place, credentials: assumeRoleCredentials(own, { roleArn: student.roleArn, externalId: student.externalId, sessionName: `lab-grade-${student.id}`.slice(0, 64) }) };
  }
  return own;
}
