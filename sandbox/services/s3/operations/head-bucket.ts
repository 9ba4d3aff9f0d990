// HeadBucket: whether the bucket exists and the caller may use it; says its region.

import { defineOperation } from '../../definition.js';
import { callerBucket } from '../request.js';

export const headBucket = defineOperation<{ Bucket: string }>({
  name: 'HeadBucket',
  http: { method: 'HEAD', path: '/{Bucket}', responseHeaders: { BucketRegion: 'x-amz-bucket-region', AccessPointAlias: 'x-amz-access-point-alias' } },
  handler({ Bucket }, ctx) {
    const bucket = callerBucket(ctx, Bucket);
    return { BucketRegion: bucket.region, AccessPointAlias: 'false' };
  },
});
