// Conditional requests on objects (If-Match, If-None-Match, If-Modified-Since, If-Unmodified-Since):
// 412 PreconditionFailed, or 304 Not Modified for reads, as S3 evaluates them.

import type { EdgeRequest } from '../../edge/http-types.js';
import { RawResponse } from '../definition.js';
import { noSuchKey, preconditionFailed } from './errors.js';
import type { StoredObject } from './store.js';

const matches = (condition: string, etag: string) => condition.split(',').some((c) => c.trim() === '*' || c.trim() === etag || `"${c.trim()}"` === etag);
/** HTTP dates have second precision. */
const seconds = (ms: number) => Math.floor(ms / 1000);

/** A 304 response when a read's conditions say "not modified"; throws PreconditionFailed when they fail. */
export function checkReadConditions(http: EdgeRequest, object: StoredObject, headers: Record<string, string>): RawResponse | undefined {
  const h = http.headers;
  const ifMatch = h['if-match'];
  const ifNoneMatch = h['if-none-match'];
  if (ifMatch !== undefined && !matches(ifMatch, object.etag)) throw preconditionFailed('If-Match');
  const unmodified = h['if-unmodified-since'];
  if (ifMatch === undefined && unmodified && seconds(object.lastModified) > seconds(Date.parse(unmodified))) throw preconditionFailed('If-Unmodified-Since');
  const notModified = () => new RawResponse(304, { etag: headers.etag, 'last-modified': headers['last-modified'], 'x-amz-request-id': headers['x-amz-request-id'] }, '');
  if (ifNoneMatch !== undefined) return matches(ifNoneMatch, object.etag) ? notModified() : undefined;
  const modified = h['if-modified-since'];
  if (modified && seconds(object.lastModified) <= seconds(Date.parse(modified))) return notModified();
  return undefined;
}

/** Conditional writes: `If-None-Match: *` (only if absent) and `If-Match: <etag>` (only if unchanged). */
export function checkWriteConditions(http: EdgeRequest, key: string, existing: StoredObject | undefined): void {
  const ifNoneMatch = http.headers['if-none-match'];
  if (ifNoneMatch === '*' && existing) throw preconditionFailed('If-None-Match');
  const ifMatch = http.headers['if-match'];
  if (ifMatch === undefined) return;
  if (!existing) throw noSuchKey(key);
  if (!matches(ifMatch, existing.etag)) throw preconditionFailed('If-Match');
}
