// The flexible checksums S3 verifies and returns (x-amz-checksum-crc32/crc32c/crc64nvme/sha1/sha256),
// computed with the AWS SDK's own CRC implementations (Node 20's zlib has no crc32) and node:crypto.

import { createHash } from 'node:crypto';
import { onFirstUse } from '../../on-first-use.js';

const crcs = onFirstUse<typeof import('@aws-sdk/checksums/crc')>('@aws-sdk/checksums/crc');

export const CHECKSUM_ALGORITHMS = ['CRC32', 'CRC32C', 'CRC64NVME', 'SHA1', 'SHA256'] as const;
export type ChecksumAlgorithm = (typeof CHECKSUM_ALGORITHMS)[number];
export type ChecksumType = 'FULL_OBJECT' | 'COMPOSITE';

export interface ObjectChecksum {
  algorithm: ChecksumAlgorithm;
  /** Base64; a composite multipart checksum ends in `-<parts>`. */
  value: string;
  type: ChecksumType;
}

const DIGEST_BYTES: Record<ChecksumAlgorithm, number> = { CRC32: 4, CRC32C: 4, CRC64NVME: 8, SHA1: 20, SHA256: 32 };

export const checksumHeader = (algorithm: ChecksumAlgorithm) => `x-amz-checksum-${algorithm.toLowerCase()}`;

/** The output member name of a checksum (ChecksumCRC32, ...), as S3's XML documents spell it. */
export const checksumMember = (algorithm: ChecksumAlgorithm) => `Checksum${algorithm}`;

export function parseAlgorithm(value: string | undefined): ChecksumAlgorithm | undefined {
  const upper = value?.toUpperCase();
  return CHECKSUM_ALGORITHMS.find((a) => a === upper);
}

/** Whether `value` is base64 of exactly the digest size of `algorithm`. */
export function isWellFormed(algorithm: ChecksumAlgorithm, value: string): boolean {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value)) return false;
  const bytes = Buffer.from(value, 'base64');
  return bytes.length === DIGEST_BYTES[algorithm] && bytes.toString('base64') === value;
}

/** A checksum computed piece by piece, for bodies that are never whole in memory. */
export interface ChecksumHasher {
  update(data: Buffer): void;
  /** Base64, as on the wire. */
  digest(): Promise<string>;
}

export function checksumHasher(algorithm: ChecksumAlgorithm): ChecksumHasher {
  if (algorithm === 'SHA1' || algorithm === 'SHA256') {
    const hash = createHash(algorithm === 'SHA1' ? 'sha1' : 'sha256');
    return { update: (data) => void hash.update(data), digest: async () => hash.digest('base64') };
  }
  const { Crc32, Crc32c, Crc64Nvme } = crcs();
  const crc = algorithm === 'CRC32' ? new Crc32() : algorithm === 'CRC32C' ? new Crc32c() : new Crc64Nvme();
  return { update: (data) => crc.update(data), digest: async () => Buffer.from(await crc.digest()).toString('base64') };
}

export async function computeChecksum(algorithm: ChecksumAlgorithm, data: Buffer): Promise<string> {
  const hasher = checksumHasher(algorithm);
  hasher.update(data);
  return hasher.digest();
}

/** A multipart object's composite checksum: the checksum of the parts' raw checksums, then `-<parts>`. */
export async function compositeChecksum(algorithm: ChecksumAlgorithm, partChecksums: string[]): Promise<string> {
  const joined = Buffer.concat(partChecksums.map((c) => Buffer.from(c, 'base64')));
  return `${await computeChecksum(algorithm, joined)}-${partChecksums.length}`;
}
