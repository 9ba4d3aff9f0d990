// Zips function code at deploy time. Fixed timestamps make the zip (and so Lambda's CodeSha256) the
// same for the same code, which is how a second deploy knows there is nothing to update.

import { createHash } from 'node:crypto';
import { zipSync, type Zippable } from 'fflate';

const FIXED_TIME = new Date('2026-01-01T00:00:00Z');

export function zipFiles(files: Record<string, string | Uint8Array>): Uint8Array {
  const entries: Zippable = {};
  for (const name of Object.keys(files).sort()) {
    const content = files[name]!;
    entries[name] = [typeof content === 'string' ? new TextEncoder().encode(content) : content, { mtime: FIXED_TIME }];
  }
  return zipSync(entries, { level: 9 });
}

/** Lambda's CodeSha256: base64 of the SHA-256 of the zip. */
export function codeSha256(zip: Uint8Array): string {
  return createHash('sha256').update(zip).digest('base64');
}
