// CompleteMultipartUpload: joins the listed parts (ascending, ETags matching, all but the last at least
// 5 MiB) into the object; its ETag is the MD5 of the parts' MD5s followed by `-<parts>`.

import { createHash } from 'node:crypto';
import { defineOperation } from '../../definition.js';
import { asArray } from '../../../protocols/xml.js';
import { checksumHasher, checksumHeader, checksumMember, compositeChecksum, type ChecksumHasher, type ObjectChecksum } from '../checksums.js';
import { badChecksum, entityTooSmall, invalidPart, invalidPartOrder, invalidRequest, malformedXml } from '../errors.js';
import { callerBucket, xmlBody } from '../request.js';
import { s3Store, type Part, type S3Store, type Upload } from '../store.js';
import type { BlobWriter } from '../../../store/blob-store.js';

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

async function objectChecksum(upload: Upload, parts: Part[], fullObject: ChecksumHasher | undefined, claimed: string | undefined): Promise<ObjectChecksum | undefined> {
  const algorithm = upload.checksumAlgorithm;
  if (!algorithm) return undefined;
  if (fullObject) {
    const value = await fullObject.digest();
    if (claimed !== undefined && claimed !== value) throw badChecksum(algorithm);
    return { algorithm, value, type: 'FULL_OBJECT' };
  }
  return { algorithm, value: await compositeChecksum(algorithm, parts.map((p) => p.checksum ?? '')), type: 'COMPOSITE' };
}

/** Copies the parts' bytes, in order, into `blob` a piece at a time (an object of 10,000 parts is never whole in memory). */
async function joinParts(store: S3Store, parts: Part[], blob: BlobWriter, hasher: ChecksumHasher | undefined): Promise<void> {
  for (const part of parts) {
    for await (const piece of store.readStream(part)) {
      hasher?.update(piece as Buffer);
      await blob.write(piece as Buffer);
    }
  }
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
    const md5s = Buffer.concat(parts.map((p) => Buffer.from(unquote(p.etag), 'hex')));
    const etag = `"${createHash('md5').update(md5s).digest('hex')}-${parts.length}"`;
    const claimed = upload.checksumAlgorithm ? ctx.http.headers[checksumHeader(upload.checksumAlgorithm)] : undefined;
    const fullObject = upload.checksumAlgorithm && upload.checksumType === 'FULL_OBJECT' ? checksumHasher(upload.checksumAlgorithm) : undefined;
    const blob = ctx.sandbox.blobs.receive();
    let checksum: ObjectChecksum | undefined;
    try {
      await joinParts(store, parts, blob, fullObject);
      checksum = await objectChecksum(upload, parts, fullObject, claimed);
    } catch (err) {
      await blob.discard();
      throw err;
    }
    const { uploadId: _u, bucket: _b, key: _k, accountId: _a, initiated: _i, checksumAlgorithm: _c, checksumType: _t, ...headers } = upload;
    await store.putReceived(Bucket, Key, blob, { ...headers, etag, lastModified: ctx.clock.now(), checksum });
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
