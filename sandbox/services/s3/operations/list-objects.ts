// ListObjects (v1): like ListObjectsV2 but paged by `marker`; NextMarker only comes with a delimiter, as in S3.

import { defineOperation } from '../../definition.js';
import { contentsEntry, listingParameters, listKeys } from '../listing.js';
import { callerBucket, ownerOf, refuseSubresources } from '../request.js';
import { s3Store } from '../store.js';

export const listObjects = defineOperation<{ Bucket: string }>({
  name: 'ListObjects',
  http: { method: 'GET', path: '/{Bucket}' },
  handler({ Bucket }, ctx) {
    refuseSubresources(ctx);
    callerBucket(ctx, Bucket);
    const { prefix, delimiter, maxKeys, encoding, encode } = listingParameters(ctx);
    const marker = ctx.http.query.get('marker') ?? '';
    const store = s3Store(ctx.sandbox);
    const page = listKeys(store.keys(Bucket), { prefix, delimiter, after: marker || undefined, maxKeys });
    const owner = ownerOf(ctx.accountId);
    return {
      ListBucketResult: {
        Name: Bucket,
        Prefix: encode(prefix),
        Marker: encode(marker),
        NextMarker: page.isTruncated && delimiter !== undefined && page.last !== undefined ? encode(page.last) : undefined,
        MaxKeys: maxKeys,
        Delimiter: delimiter === undefined ? undefined : encode(delimiter),
        EncodingType: encoding,
        IsTruncated: page.isTruncated,
        Contents: page.keys.map((key) => contentsEntry(store.object(Bucket, key)!, encode, owner)),
        CommonPrefixes: page.commonPrefixes.map((p) => ({ Prefix: encode(p) })),
      },
    };
  },
});
