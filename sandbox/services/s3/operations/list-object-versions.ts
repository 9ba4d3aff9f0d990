// ListObjectVersions: the sandbox's buckets are never versioned, so every object is its one version,
// `VersionId` "null" and latest, as S3 lists an unversioned bucket; no delete markers. Paged by
// key-marker (a version-id-marker can only be "null", so the marker key is always done).

import { defineOperation } from '../../definition.js';
import { listingParameters, listKeys } from '../listing.js';
import { callerBucket, ownerOf } from '../request.js';
import { s3Store } from '../store.js';

/** What S3 calls the version of an object stored while versioning was never enabled. */
const NULL_VERSION = 'null';

export const listObjectVersions = defineOperation<{ Bucket: string }>({
  name: 'ListObjectVersions',
  http: { method: 'GET', path: '/{Bucket}?versions', requiredQuery: ['versions'] },
  handler({ Bucket }, ctx) {
    callerBucket(ctx, Bucket);
    const query = ctx.http.query;
    const { prefix, delimiter, maxKeys, encoding, encode } = listingParameters(ctx);
    const keyMarker = query.get('key-marker') ?? '';
    const versionIdMarker = query.get('version-id-marker') ?? '';
    const store = s3Store(ctx.sandbox);
    const page = listKeys(store.keys(Bucket), { prefix, delimiter, after: keyMarker || undefined, maxKeys });
    const owner = ownerOf(ctx.accountId);
    return {
      ListVersionsResult: {
        Name: Bucket,
        Prefix: encode(prefix),
        KeyMarker: encode(keyMarker),
        VersionIdMarker: versionIdMarker,
        NextKeyMarker: page.isTruncated && page.last !== undefined ? encode(page.last) : undefined,
        NextVersionIdMarker: page.isTruncated && page.last !== undefined ? NULL_VERSION : undefined,
        MaxKeys: maxKeys,
        Delimiter: delimiter === undefined ? undefined : encode(delimiter),
        EncodingType: encoding,
        IsTruncated: page.isTruncated,
        Version: page.keys.map((key) => {
          const object = store.object(Bucket, key)!;
          return {
            ETag: object.etag,
            ChecksumAlgorithm: object.checksum?.algorithm,
            ChecksumType: object.checksum?.type,
            Size: object.size,
            StorageClass: 'STANDARD',
            Key: encode(object.key),
            VersionId: NULL_VERSION,
            IsLatest: true,
            LastModified: new Date(object.lastModified),
            Owner: owner,
          };
        }),
        CommonPrefixes: page.commonPrefixes.map((p) => ({ Prefix: encode(p) })),
      },
    };
  },
});
