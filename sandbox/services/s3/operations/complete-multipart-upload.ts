// CompleteMultipartUpload: joins the listed parts (ascending, ETags matching, all but the last at least
// 5 MiB) into the object; its ETag is the MD5 of the parts' MD5s followed by `-<parts>`.

import { createHash } from 'node:crypto';
import { defineOperation } from '../../definition.js';
import { asArray } from '../../../protocols/xml.js';
import { checksumHeader, checksumMember, compositeChecksum, computeChecksum, type ObjectChecksum } from '../checksums.js';
import { badChecksum, entityTooSmall, invalidPart, invalidPartOrder, invalidRequest, malformedXml } from '../errors.js';
import { callerBucket, xmlBody } from '../request.js';
import { s3Store, type Part, type Upload } from '../store.js';

export const MIN_PART_BYTES = 5 * 1024 * 1024;

interface ListedPart {
  PartNumber?: string;
  ETag?: string;
  [checksum: string]: string | undefined;
}

const unquote = (etag: string) => etag.trim().replace(/^"|"$/g, '');

/** The stored parts the request lists, in order, each checked against what was uploaded. */
function chosenParts(upload: Upload, listed: ListedPart[], stored: Map<number, Part>): Part[] {
  if (listed.length === 0) throw invalidRequest('You must specify at least one part');
  let previous = 0;
  return listed.map((entry) => {
    const partNumber = Number(entry.PartNumber);
    if (!Number.isInteger(partNumber) || entry.ETag === undefined) throw malformedXml();
    if (partNumber <= previous) throw invalidPartOrder(upload.uploadId);
    previous = partNumber;
    const part = stored.get(partNumber);
    if (!part || unquote(part.etag) !== unquote(entry.ETag)) throw invalidPart(upload.uploadId, partNumber, entry.ETag);
    const claimed = upload.checksumAlgorithm ? entry[checksumMember(upload.checksumAlgorithm)] : undefined;
    if (claimed !== undefined && claimed.trim() !== part.checksum) throw invalidPart(upload.uploadId, partNumber, entry.ETag);
    return part;
  });
}

async function objectChecksum(upload: Upload, parts: Part[], data: Buffer, claimed: string | undefined): Promise<ObjectChecksum | undefined> {
  const algorithm = upload.checksumAlgorithm;
  if (!algorithm) return undefined;
  if (upload.checksumType === 'FULL_OBJECT') {
    const value = await computeChecksum(algorithm, data);
    if (claimed !== undefined && claimed !== value) throw badChecksum(algorithm);
    return { algorithm, value, type: 'FULL_OBJECT' };
  }
  return { algorithm, value: await compositeChecksum(algorithm, parts.map((p) => p.checksum ?? '')), type: 'COMPOSITE' };
}

export const completeMultipartUpload = defineOperation<{ Bucket: string; Key: string; UploadId: string }>({
  name: 'CompleteMultipartUpload',
  readOnly: false,
  http: {
    method: 'POST',
    path: '/{Bucket}/{Key+}?uploadId',
    requiredQuery: ['uploadId'],
    query: { UploadId: 'uploadId' },
    responseHeaders: { ServerSideEncryption: 'x-amz-server-side-encryption' },
  },
  async handler({ Bucket, Key, UploadId }, ctx) {
    callerBucket(ctx, Bucket);
    const store = s3Store(ctx.sandbox);
    const upload = store.upload(Bucket, Key, UploadId);
    const listed = asArray(xmlBody(ctx.http.body, 'CompleteMultipartUpload').Part as ListedPart | ListedPart[] | undefined);
    const stored = new Map(store.uploadParts(UploadId).map((p) => [p.partNumber, p]));
    const parts = chosenParts(upload, listed, stored);
    parts.forEach((part, i) => {
      if (i < parts.length - 1 && part.size < MIN_PART_BYTES) throw entityTooSmall(part.size, MIN_PART_BYTES);
    });
    const data = Buffer.concat(parts.map((p) => store.read(p)));
    const md5s = Buffer.concat(parts.map((p) => Buffer.from(unquote(p.etag), 'hex')));
    const etag = `"${createHash('md5').update(md5s).digest('hex')}-${parts.length}"`;
    const claimed = upload.checksumAlgorithm ? ctx.http.headers[checksumHeader(upload.checksumAlgorithm)] : undefined;
    const checksum = await objectChecksum(upload, parts, data, claimed);
    const { uploadId: _u, bucket: _b, key: _k, accountId: _a, initiated: _i, checksumAlgorithm: _c, checksumType: _t, ...headers } = upload;
    store.putObject(Bucket, Key, data, { ...headers, etag, lastModified: ctx.clock.now(), checksum });
    store.removeUpload(UploadId);
    return {
      ServerSideEncryption: 'AES256',
      CompleteMultipartUploadResult: {
        Location: `${ctx.sandbox.endpoint}/${Bucket}/${Key.split('/').map(encodeURIComponent).join('/')}`,
        Bucket,
        Key,
        ETag: etag,
        ...(checksum ? { [checksumMember(checksum.algorithm)]: checksum.value, ChecksumType: checksum.type } : {}),
      },
    };
  },
});
