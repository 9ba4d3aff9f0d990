// UploadPart: one numbered part of a multipart upload, verified like a PutObject body.

import { defineOperation, RawResponse } from '../../definition.js';
import { checksumHeader } from '../checksums.js';
import { invalidPartNumber, invalidRequest } from '../errors.js';
import { baseHeaders } from '../object-headers.js';
import { receivePayload } from '../payload.js';
import { callerBucket } from '../request.js';
import { s3Store } from '../store.js';

export const MAX_PARTS = 10000;

export const uploadPart = defineOperation<{ Bucket: string; Key: string; PartNumber: string; UploadId: string }>({
  name: 'UploadPart',
  http: {
    method: 'PUT',
    path: '/{Bucket}/{Key+}?partNumber&uploadId',
    requiredQuery: ['partNumber', 'uploadId'],
    query: { PartNumber: 'partNumber', UploadId: 'uploadId' },
  },
  async handler({ Bucket, Key, PartNumber, UploadId }, ctx) {
    callerBucket(ctx, Bucket);
    const partNumber = Number(PartNumber);
    if (!/^\d+$/.test(PartNumber) || partNumber < 1 || partNumber > MAX_PARTS) throw invalidPartNumber(PartNumber);
    const store = s3Store(ctx.sandbox);
    const upload = store.upload(Bucket, Key, UploadId);
    const algorithm = upload.checksumAlgorithm;
    const payload = await receivePayload(ctx.http, ctx.sandbox.blobs, { alsoCompute: algorithm });
    if (algorithm && payload.checksum && payload.checksum.algorithm !== algorithm) {
      await payload.blob.discard();
      throw invalidRequest(`Checksum Type mismatch occurred, expected checksum Type: ${algorithm.toLowerCase()}, actual checksum Type: ${payload.checksum.algorithm.toLowerCase()}`);
    }
    // A part of an upload with an algorithm always has that checksum: the client's, or ours.
    const checksum = algorithm ? payload.computed : payload.checksum?.value;
    const part = await store.putPart(UploadId, { partNumber, etag: `"${payload.md5}"`, size: payload.size, lastModified: ctx.clock.now(), checksum }, payload.blob);
    const headers: Record<string, string> = { ...baseHeaders(ctx), etag: part.etag, 'x-amz-server-side-encryption': 'AES256' };
    const reported = algorithm ?? payload.checksum?.algorithm;
    if (reported && checksum) headers[checksumHeader(reported)] = checksum;
    return new RawResponse(200, headers, '');
  },
});
