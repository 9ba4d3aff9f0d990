// The answer GetObject and HeadObject share: conditions, Range (206 / 416), response-* header
// overrides, the checksum when x-amz-checksum-mode is ENABLED and the whole object is returned.

import type { RequestContext } from '../../edge/context.js';
import { RawResponse } from '../definition.js';
import { checkReadConditions } from './conditions.js';
import { invalidRange, noSuchKey } from './errors.js';
import { objectHeaders } from './object-headers.js';
import { callerBucket } from './request.js';
import { s3Store } from './store.js';

/** `response-content-type=...` and friends replace the stored header in this one answer. */
const OVERRIDES = ['content-type', 'content-language', 'expires', 'cache-control', 'content-disposition', 'content-encoding'];

/** The byte range asked for, or undefined for the whole object; S3 ignores ranges it cannot parse and multi-ranges. */
function byteRange(header: string | undefined, size: number): { start: number; end: number } | undefined {
  const m = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!m || (m[1] === '' && m[2] === '')) return undefined;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0 || size === 0) throw invalidRange(header!, size);
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (m[2] !== '' && Number(m[2]) < start) return undefined;
  if (start >= size) throw invalidRange(header!, size);
  return { start, end };
}

export function readObject(ctx: RequestContext, bucket: string, key: string, { body }: { body: boolean }): RawResponse {
  callerBucket(ctx, bucket);
  const store = s3Store(ctx.sandbox);
  const object = store.object(bucket, key);
  if (!object) throw noSuchKey(key);
  const range = byteRange(ctx.http.headers['range'], object.size);
  const checksumMode = ctx.http.headers['x-amz-checksum-mode']?.toUpperCase() === 'ENABLED';
  const headers = objectHeaders(object, ctx, { checksum: checksumMode && !range });
  const notModified = checkReadConditions(ctx.http, object, headers);
  if (notModified) return notModified;
  for (const name of OVERRIDES) {
    const value = ctx.http.query.get(`response-${name}`);
    if (value !== null) headers[name] = value;
  }
  // The bytes are streamed from the blob store as they are sent: a large object is never whole in memory.
  if (range) {
    headers['content-range'] = `bytes ${range.start}-${range.end}/${object.size}`;
    headers['content-length'] = String(range.end - range.start + 1);
    return new RawResponse(206, headers, body ? store.readStream(object, range) : '');
  }
  headers['content-length'] = String(object.size);
  return new RawResponse(200, headers, body && object.size > 0 ? store.readStream(object) : '');
}
