// ListParts: the parts uploaded so far, by number, paged by part-number-marker / max-parts.

import { defineOperation } from '../../definition.js';
import { checksumMember } from '../checksums.js';
import { invalidArgument } from '../errors.js';
import { callerBucket, maxParameter, ownerOf } from '../request.js';
import { s3Store } from '../store.js';

const MAX_PARTS_PER_PAGE = 1000;

export const listParts = defineOperation<{ Bucket: string; Key: string; UploadId: string }>({
  name: 'ListParts',
  http: { method: 'GET', path: '/{Bucket}/{Key+}?uploadId', requiredQuery: ['uploadId'], query: { UploadId: 'uploadId' } },
  handler({ Bucket, Key, UploadId }, ctx) {
    callerBucket(ctx, Bucket);
    const store = s3Store(ctx.sandbox);
    const upload = store.upload(Bucket, Key, UploadId);
    const rawMarker = ctx.http.query.get('part-number-marker') ?? '0';
    const marker = Number(rawMarker);
    if (!/^\d+$/.test(rawMarker)) throw invalidArgument('Provided part-number-marker not an integer or within integer range', 'part-number-marker', rawMarker);
    const maxParts = maxParameter(ctx, 'max-parts', MAX_PARTS_PER_PAGE);
    const after = store.uploadParts(UploadId).filter((p) => p.partNumber > marker);
    const page = after.slice(0, maxParts);
    const owner = ownerOf(upload.accountId);
    const algorithm = upload.checksumAlgorithm;
    return {
      ListPartsResult: {
        Bucket,
        Key,
        UploadId,
        PartNumberMarker: marker,
        NextPartNumberMarker: page.length > 0 ? page[page.length - 1].partNumber : marker,
        MaxParts: maxParts,
        IsTruncated: after.length > page.length,
        Part: page.map((p) => ({
          PartNumber: p.partNumber,
          LastModified: new Date(p.lastModified),
          ETag: p.etag,
          Size: p.size,
          ...(algorithm && p.checksum ? { [checksumMember(algorithm)]: p.checksum } : {}),
        })),
        Initiator: owner,
        Owner: owner,
        StorageClass: 'STANDARD',
        ChecksumAlgorithm: algorithm,
        ChecksumType: upload.checksumType,
      },
    };
  },
});
