// The listing walk shared by ListObjectsV2, ListObjects (v1) and ListMultipartUploads: keys in S3
// order after a marker, under a prefix, rolled up into CommonPrefixes at the delimiter, cut at max-keys.

import type { RequestContext } from '../../edge/context.js';
import { encodingType, maxParameter } from './request.js';
import { compareKeys, type StoredObject } from './store.js';

/** The most keys one listing page returns. */
export const MAX_KEYS = 1000;

export interface ListRequest {
  prefix: string;
  delimiter?: string;
  /** Exclusive: only keys after this one (start-after, marker, or the decoded continuation token). */
  after?: string;
  maxKeys: number;
}

export interface ListPage {
  keys: string[];
  commonPrefixes: string[];
  isTruncated: boolean;
  /** The last key or common prefix returned: where the next page starts. */
  last?: string;
}

/** Index of the first key in `sorted` that sorts after `after` (or at/after `prefix`). */
function firstIndex(sorted: string[], prefix: string, after: string | undefined): number {
  const bound = after !== undefined && compareKeys(after, prefix) >= 0 ? after : prefix;
  const inclusive = bound !== after;
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const c = compareKeys(sorted[mid], bound);
    if (c < 0 || (c === 0 && !inclusive)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function listKeys(sorted: string[], { prefix, delimiter, after, maxKeys }: ListRequest): ListPage {
  const page: ListPage = { keys: [], commonPrefixes: [], isTruncated: false };
  let count = 0;
  for (let i = firstIndex(sorted, prefix, after); i < sorted.length; i++) {
    const key = sorted[i];
    if (!key.startsWith(prefix)) break;
    const cut = delimiter ? key.indexOf(delimiter, prefix.length) : -1;
    const rollup = cut >= 0 ? key.slice(0, cut + delimiter!.length) : undefined;
    // A common prefix already returned (or used as the marker) is not returned again.
    if (rollup !== undefined && (rollup === page.commonPrefixes[page.commonPrefixes.length - 1] || after?.startsWith(rollup))) continue;
    if (count === maxKeys) {
      page.isTruncated = true;
      break;
    }
    count++;
    if (rollup !== undefined) page.commonPrefixes.push(rollup);
    else page.keys.push(key);
    page.last = rollup ?? key;
  }
  return page;
}

/** S3's `encoding-type=url`: form-style percent-encoding that keeps `/` readable. */
export function urlEncodeKey(value: string): string {
  return encodeURIComponent(value).replace(/%20/g, '+').replace(/%2F/g, '/');
}

/** One <Contents> entry of a listing. */
export function contentsEntry(object: StoredObject, encode: (s: string) => string, owner?: { ID: string; DisplayName: string }) {
  return {
    Key: encode(object.key),
    LastModified: new Date(object.lastModified),
    ETag: object.etag,
    ChecksumAlgorithm: object.checksum?.algorithm,
    ChecksumType: object.checksum?.type,
    Size: object.size,
    Owner: owner,
    StorageClass: 'STANDARD',
  };
}

/** Listing parameters every object listing reads the same way. */
export function listingParameters(ctx: RequestContext) {
  const query = ctx.http.query;
  const encoding = encodingType(ctx);
  return {
    prefix: query.get('prefix') ?? '',
    delimiter: query.get('delimiter') || undefined,
    maxKeys: maxParameter(ctx, 'max-keys', MAX_KEYS),
    encoding,
    encode: encoding === 'url' ? urlEncodeKey : (s: string) => s,
  };
}
