// CreateMultipartUpload: an upload id under which parts arrive; the object's headers, metadata and
// checksum algorithm are fixed now.

import { randomBytes } from 'node:crypto';
import { defineOperation } from '../../definition.js';
import { parseAlgorithm, type ChecksumType } from '../checksums.js';
import { invalidRequest } from '../errors.js';
import { checkKey } from '../object-key.js';
import { headersFromRequest } from '../object-headers.js';
import { callerBucket } from '../request.js';
import { s3Store } from '../store.js';

export const createMultipartUpload = defineOperation<{ Bucket: string; Key: string }>({
  name: 'CreateMultipartUpload',
  readOnly: false,
  http: {
    method: 'POST',
    path: '/{Bucket}/{Key+}?uploads',
    requiredQuery: ['uploads'],
    responseHeaders: { ChecksumAlgorithm: 'x-amz-checksum-algorithm', ChecksumType: 'x-amz-checksum-type', ServerSideEncryption: 'x-amz-server-side-encryption' },
  },
  handler({ Bucket, Key }, ctx) {
    callerBucket(ctx, Bucket);
    checkKey(Key);
    const h = ctx.http.headers;
    const rawAlgorithm = h['x-amz-checksum-algorithm'];
    const checksumAlgorithm = parseAlgorithm(rawAlgorithm);
    if (rawAlgorithm !== undefined && !checksumAlgorithm) throw invalidRequest('Checksum algorithm provided is unsupported. Please try again with any of the valid types: [CRC32, CRC32C, CRC64NVME, SHA1, SHA256]');
    const rawType = h['x-amz-checksum-type']?.toUpperCase();
    if (rawType !== undefined && rawType !== 'COMPOSITE' && rawType !== 'FULL_OBJECT') throw invalidRequest('Value for x-amz-checksum-type header is invalid.');
    // CRC64NVME exists only as a whole-object checksum; the SHAs only as composite ones.
    const checksumType: ChecksumType | undefined = checksumAlgorithm ? ((rawType as ChecksumType | undefined) ?? (checksumAlgorithm === 'CRC64NVME' ? 'FULL_OBJECT' : 'COMPOSITE')) : undefined;
    if (checksumAlgorithm && ((checksumAlgorithm === 'CRC64NVME' && checksumType === 'COMPOSITE') || (checksumAlgorithm.startsWith('SHA') && checksumType === 'FULL_OBJECT'))) {
      throw invalidRequest(`The ${checksumType} checksum type cannot be used with the ${checksumAlgorithm.toLowerCase()} checksum algorithm.`);
    }
    const uploadId = randomBytes(48).toString('base64url');
    s3Store(ctx.sandbox).uploads.set(uploadId, {
      ...headersFromRequest(ctx.http),
      uploadId,
      bucket: Bucket,
      key: Key,
      accountId: ctx.accountId,
      initiated: ctx.clock.now(),
      checksumAlgorithm,
      checksumType,
    });
    return {
      ChecksumAlgorithm: checksumAlgorithm,
      ChecksumType: checksumType,
      ServerSideEncryption: 'AES256',
      InitiateMultipartUploadResult: { Bucket, Key, UploadId: uploadId },
    };
  },
});
