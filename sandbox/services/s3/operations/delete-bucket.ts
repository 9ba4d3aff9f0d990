// DeleteBucket: only an empty bucket goes (BucketNotEmpty otherwise); unfinished multipart uploads go with it.

import { defineOperation } from '../../definition.js';
import { bucketNotEmpty } from '../errors.js';
import { callerBucket, refuseSubresources } from '../request.js';
import { s3Store } from '../store.js';

export const deleteBucket = defineOperation<{ Bucket: string }>({
  name: 'DeleteBucket',
  http: { method: 'DELETE', path: '/{Bucket}', status: 204 },
  handler({ Bucket }, ctx) {
    refuseSubresources(ctx);
    callerBucket(ctx, Bucket);
    const store = s3Store(ctx.sandbox);
    if (!store.isEmpty(Bucket)) throw bucketNotEmpty(Bucket);
    store.deleteBucket(Bucket);
    return {};
  },
});
