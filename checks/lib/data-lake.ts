// Reads what Firehose stored in an S3 data lake, bounded: only the last hours' `YYYY/MM/DD/HH/` folders
// under the delivery stream's prefix, the newest few objects, and at most a byte cap of each. Used by
// lab 2's checks and by `lab trace`; every call here is a read.

import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { constants, gunzipSync } from 'node:zlib';
import type { ClientFactory } from '../../src/target/clients.js';

export interface LakeReader {
  clients: ClientFactory;
  signal?: AbortSignal;
}

export interface StoredObject {
  key: string;
  lastModified: number;
  size: number;
}

export interface DecodedObject extends StoredObject {
  /** The body started with GZIP's magic bytes 1f 8b. */
  gzip: boolean;
  /** The decoded text (of the first `capBytes` stored bytes). */
  text: string;
  /** Only the first `capBytes` bytes were read. */
  truncated: boolean;
}

export const DEFAULT_OBJECT_CAP = 1024 * 1024;

const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY/MM/DD/HH/` of an instant, in UTC as Firehose writes it. */
export function hourFolder(at: number): string {
  const d = new Date(at);
  return `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}/${pad(d.getUTCHours())}/`;
}

/**
 * The folders to list for the last `hours` hours, newest first. A prefix with Firehose expressions
 * (`!{timestamp:...}`) has its own layout: then only its literal start is listed.
 */
export function recentFolders(prefix: string, now: number, hours: number): string[] {
  const expression = prefix.indexOf('!{');
  if (expression >= 0) return [prefix.slice(0, expression)];
  return Array.from({ length: hours }, (_, i) => prefix + hourFolder(now - i * 3_600_000));
}

/** The newest objects under the recent folders (newest first), at most `limit`. */
export async function recentObjects(
  reader: LakeReader,
  bucket: string,
  prefix: string,
  now: number,
  options: { hours?: number; limit?: number } = {},
): Promise<StoredObject[]> {
  const s3 = reader.clients.get(S3Client);
  const limit = options.limit ?? 5;
  const found: StoredObject[] = [];
  for (const folder of recentFolders(prefix, now, options.hours ?? 3)) {
    let token: string | undefined;
    do {
      const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: folder, ContinuationToken: token }), { abortSignal: reader.signal });
      for (const o of page.Contents ?? []) if (o.Key) found.push({ key: o.Key, lastModified: o.LastModified?.getTime() ?? 0, size: o.Size ?? 0 });
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    // Folders are newest first: once enough objects are found, older hours cannot hold newer ones.
    if (found.length >= limit) break;
  }
  return found.sort((a, b) => b.lastModified - a.lastModified || (a.key < b.key ? 1 : -1)).slice(0, limit);
}

export function isGzip(body: Uint8Array): boolean {
  return body.length >= 2 && body[0] === 0x1f && body[1] === 0x8b;
}

/** Reads the first `capBytes` of an object and decodes it (GZIP by its magic bytes, a cut-off stream tolerated). */
export async function readObject(reader: LakeReader, bucket: string, object: StoredObject, capBytes = DEFAULT_OBJECT_CAP): Promise<DecodedObject> {
  const truncated = object.size > capBytes;
  const out = await reader.clients
    .get(S3Client)
    .send(new GetObjectCommand({ Bucket: bucket, Key: object.key, ...(truncated ? { Range: `bytes=0-${capBytes - 1}` } : {}) }), { abortSignal: reader.signal });
  const body = Buffer.from((await out.Body?.transformToByteArray()) ?? []);
  const gzip = isGzip(body);
  // A cut-off GZIP stream decodes as far as it goes with a sync flush instead of failing.
  const bytes = gzip ? gunzipSync(body, { finishFlush: constants.Z_SYNC_FLUSH }) : body;
  return { ...object, gzip, text: bytes.toString('utf8'), truncated };
}

export interface JsonStream {
  values: unknown[];
  /** How many neighbouring values touch with nothing between them (`}{`): records glued without separator. */
  glued: number;
  /** Non-empty lines: one per record when every record ends with a newline. */
  lines: number;
  /** Pieces of text that are not JSON (a device's malformed messages land in the lake as sent). */
  malformed: { excerpt: string; reason: string }[];
}

/**
 * Parses text as Firehose concatenates records: a stream of JSON values, `{..}{..}`, `{..}\n{..}` or
 * anything between. Text that is not JSON is collected, and reading resumes at the next line or the
 * next `{`. With `cutOff` (a byte cap) the unfinished last line is ignored.
 */
export function parseJsonStream(text: string, cutOff = false): JsonStream {
  const result: JsonStream = { values: [], glued: 0, lines: 0, malformed: [] };
  const lines = text.split('\n');
  if (cutOff && !text.endsWith('\n')) lines.pop();
  for (const line of lines) {
    if (line.trim() === '') continue;
    result.lines++;
    let i = 0;
    let previousEnd = -1;
    while (i < line.length) {
      while (i < line.length && /\s/.test(line[i]!)) i++;
      if (i >= line.length) break;
      const end = valueEnd(line, i);
      const piece = line.slice(i, end ?? line.length);
      let value: unknown;
      let reason: string | undefined = end === undefined ? 'unterminated JSON value' : undefined;
      if (!reason) {
        try {
          value = JSON.parse(piece);
        } catch (err) {
          reason = (err as Error).message;
        }
      }
      if (reason) {
        result.malformed.push({ excerpt: piece.slice(0, 80), reason });
        const next = line.indexOf('{', i + 1);
        if (next < 0) break;
        previousEnd = -1;
        i = next;
        continue;
      }
      if (previousEnd === i) result.glued++;
      result.values.push(value);
      previousEnd = end!;
      i = end!;
    }
  }
  return result;
}

/** Where the JSON value starting at `start` ends (exclusive), or undefined when the text ends first. */
function valueEnd(text: string, start: number): number | undefined {
  const first = text[start]!;
  if (first !== '{' && first !== '[' && first !== '"') {
    // A scalar runs to the next structural character or whitespace.
    let i = start;
    while (i < text.length && !/[\s{}[\],"]/.test(text[i]!)) i++;
    return i;
  }
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') {
        inString = false;
        if (depth === 0) return i + 1;
      }
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return undefined;
}

/** AWS's object name for a delivery stream: `<stream>-<version>-YYYY-MM-DD-HH-MM-SS-<uuid>`, then the extension. */
export function firehoseObjectName(streamName: string): RegExp {
  const escaped = streamName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escaped}-\\d+-\\d{4}-\\d{2}-\\d{2}-\\d{2}-\\d{2}-\\d{2}-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(\\.[A-Za-z0-9]+)?$`);
}
