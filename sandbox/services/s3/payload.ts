// An object body as S3 receives it (PutObject, UploadPart): read as it arrives, aws-chunked framing
// undone, written piece by piece to the blob store (a 5 GB upload never sits in memory), and every
// integrity claim the client made verified before anything is stored: x-amz-content-sha256,
// x-amz-decoded-content-length, Content-MD5 and one x-amz-checksum-* (header or trailer).

import { createHash } from 'node:crypto';
import type { EdgeRequest } from '../../edge/http-types.js';
import { AwsChunkedDecoder, AwsChunkedError, isAwsChunked } from '../../protocols/aws-chunked.js';
import { MemoryBlobStore, type BlobStore, type BlobWriter } from '../../store/blob-store.js';
import { CHECKSUM_ALGORITHMS, checksumHasher, checksumHeader, isWellFormed, parseAlgorithm, type ChecksumAlgorithm, type ChecksumHasher } from './checksums.js';
import {
  badChecksum,
  badContentMd5,
  contentSha256Mismatch,
  decodedLengthMismatch,
  entityTooLarge,
  incompleteBody,
  invalidChecksumValue,
  invalidContentMd5,
  multipleChecksums,
} from './errors.js';

/** S3's largest single PUT (PutObject, UploadPart): 5 GiB. */
export const MAX_PUT_BYTES = 5 * 1024 ** 3;

export interface ReceivedPayload {
  /** The bytes, received but not yet stored: commit or discard. */
  blob: BlobWriter;
  size: number;
  /** Hex MD5 of the data: the ETag of a single-part object. */
  md5: string;
  /** The verified checksum the client sent, if any. */
  checksum?: { algorithm: ChecksumAlgorithm; value: string };
  /** The checksum of `alsoCompute`, when asked for. */
  computed?: string;
}

const HEX_SHA256 = /^[0-9a-f]{64}$/;

/** The algorithms a body's checksum may be in: the headers, the announced trailer, the SDK's hint, and what the caller wants. */
function expectedAlgorithms(headers: Record<string, string>, also: ChecksumAlgorithm | undefined): Set<ChecksumAlgorithm> {
  const wanted = new Set<ChecksumAlgorithm>();
  for (const algorithm of CHECKSUM_ALGORITHMS) if (headers[checksumHeader(algorithm)] !== undefined) wanted.add(algorithm);
  for (const name of (headers['x-amz-trailer'] ?? '').split(',')) {
    const algorithm = parseAlgorithm(name.trim().toLowerCase().replace(/^x-amz-checksum-/, ''));
    if (algorithm) wanted.add(algorithm);
  }
  const hinted = parseAlgorithm(headers['x-amz-sdk-checksum-algorithm']);
  if (hinted) wanted.add(hinted);
  if (also) wanted.add(also);
  return wanted;
}

/** The request body's pieces as they arrive (the edge streams S3 uploads), or the buffered body. */
async function* bodyPieces(http: EdgeRequest): AsyncGenerator<Buffer> {
  if (!http.bodyStream) {
    yield http.body;
    return;
  }
  try {
    for await (const piece of http.bodyStream) yield piece as Buffer;
  } catch {
    // The client went away mid-body.
    throw incompleteBody();
  }
}

/** A digest of a stored blob, for a checksum no one announced before the body (rare: read the bytes again). */
async function digestOf(blob: BlobWriter, algorithm: ChecksumAlgorithm): Promise<string> {
  const hasher = checksumHasher(algorithm);
  for await (const piece of blob.readBack()) hasher.update(piece as Buffer);
  return hasher.digest();
}

export async function receivePayload(http: EdgeRequest, blobs: BlobStore, { alsoCompute }: { alsoCompute?: ChecksumAlgorithm } = {}): Promise<ReceivedPayload> {
  const headers = http.headers;
  const chunked = isAwsChunked(http);
  const decoder = chunked ? new AwsChunkedDecoder() : undefined;
  const claimedSha256 = !chunked && HEX_SHA256.test(headers['x-amz-content-sha256'] ?? '') ? headers['x-amz-content-sha256'] : undefined;
  const sha256 = claimedSha256 ? createHash('sha256') : undefined;
  const md5 = createHash('md5');
  const hashers = new Map<ChecksumAlgorithm, ChecksumHasher>([...expectedAlgorithms(headers, alsoCompute)].map((a) => [a, checksumHasher(a)]));
  // A declared size over the limit is refused before a byte is stored.
  const declared = Number(chunked ? headers['x-amz-decoded-content-length'] : headers['content-length']);
  if (declared > MAX_PUT_BYTES) throw entityTooLarge(declared, MAX_PUT_BYTES);
  const blob = blobs.receive();
  try {
    let size = 0;
    for await (const raw of bodyPieces(http)) {
      let pieces: Buffer[];
      try {
        pieces = decoder ? decoder.push(raw) : [raw];
      } catch (err) {
        if (err instanceof AwsChunkedError) throw incompleteBody();
        throw err;
      }
      for (const piece of pieces) {
        size += piece.length;
        if (size > MAX_PUT_BYTES) throw entityTooLarge(size, MAX_PUT_BYTES);
        md5.update(piece);
        sha256?.update(piece);
        for (const hasher of hashers.values()) hasher.update(piece);
        await blob.write(piece);
      }
    }

    let trailers: Record<string, string> = {};
    if (decoder) {
      try {
        ({ trailers } = decoder.end());
      } catch (err) {
        if (err instanceof AwsChunkedError) throw incompleteBody();
        throw err;
      }
      const declared = headers['x-amz-decoded-content-length'];
      if (declared !== undefined && Number(declared) !== size) throw decodedLengthMismatch();
    } else if (sha256 && claimedSha256) {
      const computed = sha256.digest('hex');
      if (computed !== claimedSha256) throw contentSha256Mismatch(claimedSha256, computed);
    }

    const md5Bytes = md5.digest();
    const contentMd5 = headers['content-md5'];
    if (contentMd5 !== undefined) {
      const claimed = Buffer.from(contentMd5, 'base64');
      if (claimed.length !== 16 || claimed.toString('base64') !== contentMd5.trim()) throw invalidContentMd5(contentMd5);
      if (!claimed.equals(md5Bytes)) throw badContentMd5(contentMd5, md5Bytes.toString('base64'));
    }

    const digest = (algorithm: ChecksumAlgorithm) => hashers.get(algorithm)?.digest() ?? digestOf(blob, algorithm);
    const claims = CHECKSUM_ALGORITHMS.flatMap((algorithm) => {
      const name = checksumHeader(algorithm);
      const value = headers[name] ?? trailers[name];
      return value === undefined ? [] : [{ algorithm, name, value: value.trim() }];
    });
    if (claims.length > 1) throw multipleChecksums();
    let checksum: ReceivedPayload['checksum'];
    if (claims.length === 1) {
      const { algorithm, name, value } = claims[0];
      if (!isWellFormed(algorithm, value)) throw invalidChecksumValue(name);
      if ((await digest(algorithm)) !== value) throw badChecksum(algorithm);
      checksum = { algorithm, value };
    }
    const computed = alsoCompute && (checksum?.algorithm === alsoCompute ? checksum.value : await digest(alsoCompute));
    return { blob, size, md5: md5Bytes.toString('hex'), checksum, computed };
  } catch (err) {
    await blob.discard();
    throw err;
  }
}

/** A small verified body whole in memory (the XML of PutBucketTagging, DeleteObjects). */
export async function readPayload(http: EdgeRequest): Promise<{ data: Buffer; md5: string }> {
  const payload = await receivePayload(http, new MemoryBlobStore());
  const pieces: Buffer[] = [];
  for await (const piece of payload.blob.readBack()) pieces.push(piece);
  return { data: Buffer.concat(pieces), md5: payload.md5 };
}
