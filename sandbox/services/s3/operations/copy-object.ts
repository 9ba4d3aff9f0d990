// CopyObject: a new object from `x-amz-copy-source`, keeping the source's headers and metadata
// (COPY, the default) or taking the request's (REPLACE).

import { createHash } from 'node:crypto';
import { defineOperation } from '../../definition.js';
import { computeChecksum, parseAlgorithm, checksumMember, type ObjectChecksum } from '../checksums.js';
import { copyToItself, invalidArgument, noSuchKey } from '../errors.js';
import { checkKey } from '../object-key.js';
import { headersFromRequest } from '../object-headers.js';
import { callerBucket } from '../request.js';
import { s3Store, type StoredObject } from '../store.js';

/** `/bucket/key?versionId=...` or `bucket/key`, the key percent-encoded. */
function copySource(raw: string): { bucket: string; key: string } {
  const [path] = raw.split('?');
  const trimmed = path.startsWith('/') ? path.slice(1) : path;
  const slash = trimmed.indexOf('/');
  if (slash <= 0 || slash === trimmed.length - 1) throw invalidArgument('Invalid copy source object key', 'x-amz-copy-source', raw);
  let key: string;
  try {
    key = decodeURIComponent(trimmed.slice(slash + 1));
  } catch {
    throw invalidArgument('Invalid copy source encoding', 'x-amz-copy-source', raw);
  }
  return { bucket: decodeURIComponent(trimmed.slice(0, slash)), key };
}

/** The copy keeps a whole-object checksum; a composite one (or a requested algorithm) is computed afresh. */
async function copiedChecksum(source: StoredObject, data: Buffer, requested: string | undefined): Promise<ObjectChecksum | undefined> {
  const algorithm = parseAlgorithm(requested) ?? source.checksum?.algorithm;
  if (!algorithm) return undefined;
  if (source.checksum?.algorithm === algorithm && source.checksum.type === 'FULL_OBJECT') return source.checksum;
  return { algorithm, value: await computeChecksum(algorithm, data), type: 'FULL_OBJECT' };
}

export const copyObject = defineOperation<{ Bucket: string; Key: string }>({
  name: 'CopyObject',
  http: { method: 'PUT', path: '/{Bucket}/{Key+}', requiredHeaders: ['x-amz-copy-source'] },
  async handler({ Bucket, Key }, ctx) {
    const h = ctx.http.headers;
    callerBucket(ctx, Bucket);
    checkKey(Key);
    const source = copySource(h['x-amz-copy-source']);
    callerBucket(ctx, source.bucket);
    const store = s3Store(ctx.sandbox);
    const original = store.object(source.bucket, source.key);
    if (!original) throw noSuchKey(source.key);
    const directive = (h['x-amz-metadata-directive'] ?? 'COPY').toUpperCase();
    if (directive !== 'COPY' && directive !== 'REPLACE') throw invalidArgument('Unknown metadata directive.', 'x-amz-metadata-directive', directive);
    if (source.bucket === Bucket && source.key === Key && directive === 'COPY' && !h['x-amz-checksum-algorithm'] && !h['x-amz-storage-class']) throw copyToItself();
    const data = store.read(original);
    const headers = directive === 'REPLACE' ? headersFromRequest(ctx.http) : { ...original, metadata: { ...original.metadata } };
    const checksum = await copiedChecksum(original, data, h['x-amz-checksum-algorithm']);
    const copy = store.putObject(Bucket, Key, data, {
      contentType: headers.contentType,
      contentEncoding: headers.contentEncoding,
      contentLanguage: headers.contentLanguage,
      contentDisposition: headers.contentDisposition,
      cacheControl: headers.cacheControl,
      expires: headers.expires,
      metadata: headers.metadata,
      etag: `"${createHash('md5').update(data).digest('hex')}"`,
      lastModified: ctx.clock.now(),
      checksum,
    });
    return {
      CopyObjectResult: {
        ETag: copy.etag,
        LastModified: new Date(copy.lastModified),
        ChecksumType: checksum?.type,
        ...(checksum ? { [checksumMember(checksum.algorithm)]: checksum.value } : {}),
      },
    };
  },
});
