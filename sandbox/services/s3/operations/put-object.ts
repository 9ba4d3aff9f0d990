// PutObject: stores the body (aws-chunked undone, digests and checksums verified) with its headers and metadata.

import { defineOperation, RawResponse } from '../../definition.js';
import { checksumHeader } from '../checksums.js';
import { checkWriteConditions } from '../conditions.js';
import { checkKey } from '../object-key.js';
import { baseHeaders, headersFromRequest } from '../object-headers.js';
import { receivePayload } from '../payload.js';
import { callerBucket, refuseSubresources } from '../request.js';
import { s3Store } from '../store.js';

export const putObject = defineOperation<{ Bucket: string; Key: string }>({
  name: 'PutObject',
  http: { method: 'PUT', path: '/{Bucket}/{Key+}' },
  async handler({ Bucket, Key }, ctx) {
    refuseSubresources(ctx);
    callerBucket(ctx, Bucket);
    checkKey(Key);
    const payload = await receivePayload(ctx.http, ctx.sandbox.blobs);
    const store = s3Store(ctx.sandbox);
    try {
      // The upload took time: the bucket may have gone, and a condition is judged on the object as it is now.
      callerBucket(ctx, Bucket);
      checkWriteConditions(ctx.http, Key, store.object(Bucket, Key));
    } catch (err) {
      await payload.blob.discard();
      throw err;
    }
    const checksum = payload.checksum && { ...payload.checksum, type: 'FULL_OBJECT' as const };
    const object = await store.putReceived(Bucket, Key, payload.blob, {
      ...headersFromRequest(ctx.http),
      etag: `"${payload.md5}"`,
      lastModified: ctx.clock.now(),
      checksum,
    });
    const headers: Record<string, string> = { ...baseHeaders(ctx), etag: object.etag, 'x-amz-server-side-encryption': 'AES256' };
    if (checksum) {
      headers[checksumHeader(checksum.algorithm)] = checksum.value;
      headers['x-amz-checksum-type'] = checksum.type;
    }
    return new RawResponse(200, headers, '');
  },
});
