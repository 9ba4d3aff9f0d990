// GetBucketLocation: the bucket's region, empty for us-east-1 (S3's legacy answer).

import { defineOperation } from '../../definition.js';
import { callerBucket } from '../request.js';

export const getBucketLocation = defineOperation<{ Bucket: string }>({
  name: 'GetBucketLocation',
  http: { method: 'GET', path: '/{Bucket}?location', requiredQuery: ['location'] },
  handler({ Bucket }, ctx) {
    const { region } = callerBucket(ctx, Bucket);
    return { LocationConstraint: region === 'us-east-1' ? '' : region };
  },
});
