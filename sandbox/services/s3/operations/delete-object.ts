// DeleteObject: 204 whether or not the key existed (S3 does not say).

import { defineOperation } from '../../definition.js';
import { callerBucket, refuseSubresources } from '../request.js';
import { s3Store } from '../store.js';

export const deleteObject = defineOperation<{ Bucket: string; Key: string }>({
  name: 'DeleteObject',
  http: { method: 'DELETE', path: '/{Bucket}/{Key+}', status: 204 },
  handler({ Bucket, Key }, ctx) {
    refuseSubresources(ctx);
    callerBucket(ctx, Bucket);
    s3Store(ctx.sandbox).deleteObject(Bucket, Key);
    return {};
  },
});
