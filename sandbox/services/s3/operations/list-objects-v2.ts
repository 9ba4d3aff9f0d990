// ListObjectsV2: keys in UTF-8 order with prefix, delimiter (CommonPrefixes), start-after, max-keys and
// opaque continuation tokens.

import { defineOperation } from '../../definition.js';
import { invalidArgument } from '../errors.js';
import { contentsEntry, listingParameters, listKeys } from '../listing.js';
import { callerBucket, ownerOf, refuseSubresources } from '../request.js';
import { s3Store } from '../store.js';

const TOKEN_MARK = 'v2:';

const encodeToken = (after: string) => Buffer.from(TOKEN_MARK + after).toString('base64');

function decodeToken(token: string): string {
  const text = Buffer.from(token, 'base64').toString();
  if (!text.startsWith(TOKEN_MARK)) throw invalidArgument('The continuation token provided is incorrect', 'continuation-token', token);
  return text.slice(TOKEN_MARK.length);
}

export const listObjectsV2 = defineOperation<{ Bucket: string }>({
  name: 'ListObjectsV2',
  http: { method: 'GET', path: '/{Bucket}?list-type=2', requiredQuery: ['list-type=2'] },
  handler({ Bucket }, ctx) {
    refuseSubresources(ctx);
    callerBucket(ctx, Bucket);
    const query = ctx.http.query;
    const { prefix, delimiter, maxKeys, encoding, encode } = listingParameters(ctx);
    const token = query.get('continuation-token');
    const startAfter = query.get('start-after') ?? undefined;
    const after = token !== null ? decodeToken(token) : startAfter;
    const store = s3Store(ctx.sandbox);
    const page = listKeys(store.keys(Bucket), { prefix, delimiter, after, maxKeys });
    const owner = query.get('fetch-owner') === 'true' ? ownerOf(ctx.accountId) : undefined;
    return {
      ListBucketResult: {
        Name: Bucket,
        Prefix: encode(prefix),
        Delimiter: delimiter === undefined ? undefined : encode(delimiter),
        MaxKeys: maxKeys,
        EncodingType: encoding,
        KeyCount: page.keys.length + page.commonPrefixes.length,
        IsTruncated: page.isTruncated,
        ContinuationToken: token ?? undefined,
        NextContinuationToken: page.isTruncated && page.last !== undefined ? encodeToken(page.last) : undefined,
        StartAfter: startAfter === undefined ? undefined : encode(startAfter),
        Contents: page.keys.map((key) => contentsEntry(store.object(Bucket, key)!, encode, owner)),
        CommonPrefixes: page.commonPrefixes.map((p) => ({ Prefix: encode(p) })),
      },
    };
  },
});
