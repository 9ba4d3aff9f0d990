// GetBucketTagging: the bucket's tag set, or NoSuchTagSet when it has none.

import { defineOperation } from '../../definition.js';
import { noSuchTagSet } from '../errors.js';
import { callerBucket } from '../request.js';

export const getBucketTagging = defineOperation<{ Bucket: string }>({
  name: 'GetBucketTagging',
  http: { method: 'GET', path: '/{Bucket}?tagging', requiredQuery: ['tagging'] },
  handler({ Bucket }, ctx) {
    const { tags } = callerBucket(ctx, Bucket);
    if (!tags) throw noSuchTagSet(Bucket);
    return { Tagging: { TagSet: { Tag: tags } } };
  },
});
