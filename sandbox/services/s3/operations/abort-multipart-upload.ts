// AbortMultipartUpload: forgets the upload and its parts.

import { defineOperation } from '../../definition.js';
import { callerBucket } from '../request.js';
import { s3Store } from '../store.js';

export const abortMultipartUpload = defineOperation<{ Bucket: string; Key: string; UploadId: string }>({
  name: 'AbortMultipartUpload',
  http: { method: 'DELETE', path: '/{Bucket}/{Key+}?uploadId', requiredQuery: ['uploadId'], query: { UploadId: 'uploadId' }, status: 204 },
  handler({ Bucket, Key, UploadId }, ctx) {
    callerBucket(ctx, Bucket);
    const store = s3Store(ctx.sandbox);
    store.upload(Bucket, Key, UploadId);
    store.removeUpload(UploadId);
    return {};
  },
});
