// Reading one object as a crawler's classifier does: GZIP detected by its magic bytes (1f 8b) whatever the
// key says, the start of the text (up to a cap) read as a stream of JSON values; records of the rest of a
// longer object are estimated from the share that was read.

import { gunzip } from 'node:zlib';
import { promisify } from 'node:util';
import { scanJson } from './json-schema.js';
import type { FileSample } from './layout.js';

const gunzipAsync = promisify(gunzip);

/** How much uncompressed text one object contributes to the schema. */
export const SAMPLE_CHARS = 4 * 1024 * 1024;

export const isGzip = (body: Buffer) => body.length >= 2 && body[0] === 0x1f && body[1] === 0x8b;

export async function sampleObject(body: Buffer): Promise<FileSample> {
  const gzip = isGzip(body);
  let raw: Buffer;
  try {
    raw = gzip ? await gunzipAsync(body) : body;
  } catch {
    return { json: false, gzip, fields: [], records: 0, rawBytes: body.length, glued: 0 };
  }
  const complete = raw.length <= SAMPLE_CHARS;
  const text = (complete ? raw : raw.subarray(0, SAMPLE_CHARS)).toString('utf8');
  const scan = scanJson(text, complete);
  const readBytes = complete ? raw.length : Buffer.byteLength(text.slice(0, scan.consumed));
  const records = complete || readBytes === 0 ? scan.records : Math.round((scan.records * raw.length) / readBytes);
  return { json: scan.json, gzip, fields: scan.fields, records, rawBytes: raw.length, glued: scan.glued };
}
