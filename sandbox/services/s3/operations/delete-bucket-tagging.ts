// DeleteBucketTagging: removes the whole tag set (204 whether or not there was one).

import { defineOperation } from '../../definition.js';
import { callerBucket } from '../request.js';
import { s3Store } from '../store.js';

export const deleteBucketTagging = defineOperation<{ Bucket: string }>({
  name: 'DeleteBucketTagging',
  http: { method: 'DELETE', path: '/{Bucket}?tagging', requiredQuery: ['tagging'], status: 204 },
  handler({ Bucket }, ctx) {
    const bucket = callerBucket(ctx, Bucket);
    s3Store(ctx.sandbox).buckets.set(Bucket, { ...bucket, tags: undefined });
    return {};
  },
});
