// The headers an object carries: read from a PutObject/CreateMultipartUpload/CopyObject request, and
// written back on GetObject/HeadObject (representation headers, user metadata, ETag, checksum).

import type { EdgeRequest } from '../../edge/http-types.js';
import type { RequestContext } from '../../edge/context.js';
import { withoutAwsChunked } from '../../protocols/aws-chunked.js';
import { checksumHeader } from './checksums.js';
import type { ObjectHeaders, StoredObject } from './store.js';

const META = 'x-amz-meta-';
/** What S3 records when a client sends no Content-Type. */
export const DEFAULT_CONTENT_TYPE = 'binary/octet-stream';

/** The object headers a request carries; the Content-Encoding is always stored without aws-chunked. */
export function headersFromRequest(http: EdgeRequest): ObjectHeaders {
  const h = http.headers;
  const metadata: Record<string, string> = {};
  for (const [name, value] of Object.entries(h)) if (name.startsWith(META)) metadata[name.slice(META.length)] = value;
  return {
    contentType: h['content-type'] ?? DEFAULT_CONTENT_TYPE,
    contentEncoding: withoutAwsChunked(h['content-encoding']),
    contentLanguage: h['content-language'],
    contentDisposition: h['content-disposition'],
    cacheControl: h['cache-control'],
    expires: h['expires'],
    metadata,
  };
}

/** The response headers every successful S3 answer has. */
export function baseHeaders(ctx: Pick<RequestContext, 'requestId'>): Record<string, string> {
  return { 'x-amz-request-id': ctx.requestId, 'x-amz-id-2': ctx.requestId };
}

export function objectHeaders(object: StoredObject, ctx: Pick<RequestContext, 'requestId'>, { checksum }: { checksum: boolean }): Record<string, string> {
  const headers: Record<string, string> = {
    ...baseHeaders(ctx),
    etag: object.etag,
    'last-modified': new Date(object.lastModified).toUTCString(),
    'accept-ranges': 'bytes',
    'content-type': object.contentType ?? DEFAULT_CONTENT_TYPE,
    // AWS encrypts every new object at rest (SSE-S3) and says so.
    'x-amz-server-side-encryption': 'AES256',
  };
  const optional: [string, string | undefined][] = [
    ['content-encoding', object.contentEncoding],
    ['content-language', object.contentLanguage],
    ['content-disposition', object.contentDisposition],
    ['cache-control', object.cacheControl],
    ['expires', object.expires],
  ];
  for (const [name, value] of optional) if (value !== undefined) headers[name] = value;
  for (const [name, value] of Object.entries(object.metadata)) headers[META + name] = value;
  if (checksum && object.checksum) {
    headers[checksumHeader(object.checksum.algorithm)] = object.checksum.value;
    headers['x-amz-checksum-type'] = object.checksum.type;
  }
  return headers;
}
