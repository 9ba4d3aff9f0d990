// CopyObject: a new object from `x-amz-copy-source`, keeping the source's headers and metadata
// (COPY, the default) or taking the request's (REPLACE).

import { createHash } from 'node:crypto';
import { defineOperation } from '../../definition.js';
import { checksumHasher, parseAlgorithm, checksumMember, type ChecksumAlgorithm, type ObjectChecksum } from '../checksums.js';
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

/** The checksum algorithm the copy is computed in, when the source's own whole-object checksum cannot be kept. */
function recomputedAlgorithm(source: StoredObject, requested: string | undefined): ChecksumAlgorithm | undefined {
  const algorithm = parseAlgorithm(requested) ?? source.checksum?.algorithm;
  if (!algorithm) return undefined;
  // A whole-object checksum in the same algorithm is kept; a composite one (or another algorithm) is computed afresh.
  if (source.checksum?.algorithm === algorithm && source.checksum.type === 'FULL_OBJECT') return undefined;
  return algorithm;
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
    const headers = directive === 'REPLACE' ? headersFromRequest(ctx.http) : { ...original, metadata: { ...original.metadata } };
    // The bytes are copied a piece at a time (a copy may be 5 GB), hashed on the way.
    const algorithm = recomputedAlgorithm(original, h['x-amz-checksum-algorithm']);
    const hasher = algorithm && checksumHasher(algorithm);
    const md5 = createHash('md5');
    const blob = ctx.sandbox.blobs.receive();
    let checksum: ObjectChecksum | undefined;
    try {
      for await (const piece of store.readStream(original)) {
        md5.update(piece as Buffer);
        if (hasher) hasher.update(piece as Buffer);
        await blob.write(piece as Buffer);
      }
      checksum = algorithm && hasher ? { algorithm, value: await hasher.digest(), type: 'FULL_OBJECT' } : original.checksum?.type === 'FULL_OBJECT' ? original.checksum : undefined;
    } catch (err) {
      await blob.discard();
      throw err;
    }
    const copy = await store.putReceived(Bucket, Key, blob, {
      contentType: headers.contentType,
      contentEncoding: headers.contentEncoding,
      contentLanguage: headers.contentLanguage,
      contentDisposition: headers.contentDisposition,
      cacheControl: headers.cacheControl,
      expires: headers.expires,
      metadata: headers.metadata,
      etag: `"${md5.digest('hex')}"`,
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
