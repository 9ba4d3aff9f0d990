// ListMultipartUploads: the bucket's unfinished uploads by key then start time, with prefix,
// delimiter, key-marker / upload-id-marker and max-uploads.

import { defineOperation } from '../../definition.js';
import { listingParameters } from '../listing.js';
import { callerBucket, maxParameter, ownerOf } from '../request.js';
import { compareKeys, s3Store, type Upload } from '../store.js';

const MAX_UPLOADS = 1000;

export const listMultipartUploads = defineOperation<{ Bucket: string }>({
  name: 'ListMultipartUploads',
  http: { method: 'GET', path: '/{Bucket}?uploads', requiredQuery: ['uploads'] },
  handler({ Bucket }, ctx) {
    callerBucket(ctx, Bucket);
    const query = ctx.http.query;
    const { prefix, delimiter, encoding, encode } = listingParameters(ctx);
    const maxUploads = maxParameter(ctx, 'max-uploads', MAX_UPLOADS);
    const keyMarker = query.get('key-marker') ?? '';
    const uploadIdMarker = query.get('upload-id-marker') ?? '';
    const all = s3Store(ctx.sandbox)
      .uploads.values()
      .filter((u) => u.bucket === Bucket && u.key.startsWith(prefix))
      .sort((a, b) => compareKeys(a.key, b.key) || a.initiated - b.initiated);
    const uploads: Upload[] = [];
    const commonPrefixes: string[] = [];
    let truncated = false;
    let passedMarker = uploadIdMarker === '';
    for (const upload of all) {
      const order = keyMarker ? compareKeys(upload.key, keyMarker) : 1;
      if (order < 0) continue;
      if (order === 0) {
        // Within the marker key, only uploads after upload-id-marker (none without one).
        if (!passedMarker) passedMarker = upload.uploadId === uploadIdMarker;
        if (uploadIdMarker === '' || upload.uploadId === uploadIdMarker || !passedMarker) continue;
      }
      const cut = delimiter ? upload.key.indexOf(delimiter, prefix.length) : -1;
      const rollup = cut >= 0 ? upload.key.slice(0, cut + delimiter!.length) : undefined;
      if (rollup !== undefined && (commonPrefixes.includes(rollup) || keyMarker.startsWith(rollup))) continue;
      if (uploads.length + commonPrefixes.length === maxUploads) {
        truncated = true;
        break;
      }
      if (rollup !== undefined) commonPrefixes.push(rollup);
      else uploads.push(upload);
    }
    const last = uploads[uploads.length - 1];
    const owner = ownerOf(ctx.accountId);
    return {
      ListMultipartUploadsResult: {
        Bucket,
        KeyMarker: encode(keyMarker),
        UploadIdMarker: uploadIdMarker,
        NextKeyMarker: truncated && last ? encode(last.key) : undefined,
        NextUploadIdMarker: truncated && last ? last.uploadId : undefined,
        Prefix: encode(prefix),
        Delimiter: delimiter === undefined ? undefined : encode(delimiter),
        MaxUploads: maxUploads,
        EncodingType: encoding,
        IsTruncated: truncated,
        Upload: uploads.map((u) => ({
          Key: encode(u.key),
          UploadId: u.uploadId,
          Initiator: owner,
          Owner: owner,
          StorageClass: 'STANDARD',
          Initiated: new Date(u.initiated),
          ChecksumAlgorithm: u.checksumAlgorithm,
          ChecksumType: u.checksumType,
        })),
        CommonPrefixes: commonPrefixes.map((p) => ({ Prefix: encode(p) })),
      },
    };
  },
});
