// How Kinesis maps a record to a shard: the MD5 of the partition key read as a 128-bit unsigned
// integer (or the ExplicitHashKey) falls in exactly one open shard's hash-key range. A stream's
// initial shards split [0, 2^128) into equal ranges, the last one taking the remainder.

import { createHash } from 'node:crypto';

export const MAX_HASH_KEY = (1n << 128n) - 1n;

export function partitionKeyHash(partitionKey: string): bigint {
  return BigInt('0x' + createHash('md5').update(partitionKey, 'utf8').digest('hex'));
}

export interface HashRange {
  start: bigint;
  end: bigint;
}

/** `count` equal ranges covering [start, end], in order. */
export function splitRange(range: HashRange, count: number): HashRange[] {
  const size = range.end - range.start + 1n;
  const step = size / BigInt(count);
  return Array.from({ length: count }, (_, i) => ({
    start: range.start + step * BigInt(i),
    end: i === count - 1 ? range.end : range.start + step * BigInt(i + 1) - 1n,
  }));
}

export const FULL_RANGE: HashRange = { start: 0n, end: MAX_HASH_KEY };
