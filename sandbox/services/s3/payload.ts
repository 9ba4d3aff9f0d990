// An object body as S3 receives it (PutObject, UploadPart): aws-chunked framing undone, then every
// integrity claim the client made verified before anything is stored: x-amz-content-sha256,
// x-amz-decoded-content-length, Content-MD5 and one x-amz-checksum-* (header or trailer).

import { createHash } from 'node:crypto';
import type { EdgeRequest } from '../../edge/http-types.js';
import { AwsChunkedError, decodeAwsChunked, isAwsChunked } from '../../protocols/aws-chunked.js';
import { CHECKSUM_ALGORITHMS, checksumHeader, computeChecksum, isWellFormed, type ChecksumAlgorithm } from './checksums.js';
import {
  badChecksum,
  badContentMd5,
  contentSha256Mismatch,
  decodedLengthMismatch,
  incompleteBody,
  invalidChecksumValue,
  invalidContentMd5,
  multipleChecksums,
} from './errors.js';

export interface ObjectPayload {
  data: Buffer;
  /** Hex MD5 of the data: the ETag of a single-part object. */
  md5: string;
  /** The verified checksum the client sent, if any. */
  checksum?: { algorithm: ChecksumAlgorithm; value: string };
}

const HEX_SHA256 = /^[0-9a-f]{64}$/;

export async function readPayload(http: EdgeRequest): Promise<ObjectPayload> {
  const headers = http.headers;
  let data = http.body;
  let trailers: Record<string, string> = {};
  if (isAwsChunked(http)) {
    try {
      ({ data, trailers } = decodeAwsChunked(http.body));
    } catch (err) {
      if (err instanceof AwsChunkedError) throw incompleteBody();
      throw err;
    }
    const declared = headers['x-amz-decoded-content-length'];
    if (declared !== undefined && Number(declared) !== data.length) throw decodedLengthMismatch();
  } else {
    const claimed = headers['x-amz-content-sha256'];
    if (claimed && HEX_SHA256.test(claimed)) {
      const computed = createHash('sha256').update(data).digest('hex');
      if (computed !== claimed) throw contentSha256Mismatch(claimed, computed);
    }
  }

  const md5 = createHash('md5').update(data);
  const md5Bytes = md5.digest();
  const contentMd5 = headers['content-md5'];
  if (contentMd5 !== undefined) {
    const claimed = Buffer.from(contentMd5, 'base64');
    if (claimed.length !== 16 || claimed.toString('base64') !== contentMd5.trim()) throw invalidContentMd5(contentMd5);
    if (!claimed.equals(md5Bytes)) throw badContentMd5(contentMd5, md5Bytes.toString('base64'));
  }

  const claims = CHECKSUM_ALGORITHMS.flatMap((algorithm) => {
    const name = checksumHeader(algorithm);
    const value = headers[name] ?? trailers[name];
    return value === undefined ? [] : [{ algorithm, name, value: value.trim() }];
  });
  if (claims.length > 1) throw multipleChecksums();
  let checksum: ObjectPayload['checksum'];
  if (claims.length === 1) {
    const { algorithm, name, value } = claims[0];
    if (!isWellFormed(algorithm, value)) throw invalidChecksumValue(name);
    if ((await computeChecksum(algorithm, data)) !== value) throw badChecksum(algorithm);
    checksum = { algorithm, value };
  }

  return { data, md5: md5Bytes.toString('hex'), checksum };
}
