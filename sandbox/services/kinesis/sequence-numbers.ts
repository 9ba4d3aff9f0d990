// Kinesis sequence numbers in AWS's shape: a 47-hex-digit number printed in decimal (56 digits) that
// carries a version, the shard's creation time, the shard index, a per-shard counter and the record's
// arrival second. The counter sits above the time, so numbers strictly increase within a shard, and it
// is recovered from the shard's log on restart, so they keep increasing across restarts.

export interface SequenceParts {
  shardCreatedAt: number;
  shardIndex: number;
  counter: bigint;
  time: number;
}

const hex = (value: bigint | number, width: number) => value.toString(16).padStart(width, '0').slice(-width);

export function encodeSequence(parts: SequenceParts): string {
  const digits =
    '2' +
    hex(Math.floor(parts.shardCreatedAt / 1000), 9) +
    hex(parts.shardIndex & 0xf, 1) +
    hex(parts.counter, 16) +
    '000' +
    hex(Math.floor(parts.time / 1000), 8) +
    hex(parts.shardIndex >>> 0, 8) +
    '2';
  return BigInt('0x' + digits).toString(10);
}

/**
 * A sequence number as Kinesis reads one a client sends: the current format (version 2, which we issue),
 * the older version 1, and the legacy version 0 (any number below 2^129; small ones are read as if
 * 2^124 were added). Undefined where Kinesis calls the number invalid: another version, a counter or
 * shard-creation time out of range. The shard index is a signed 32-bit field, so it may read negative.
 */
export interface ReadSequence {
  version: 0 | 1 | 2;
  shardIndex: number;
  shardCreatedAt: number;
  /** The record's arrival time (versions 1 and 2). */
  time?: number;
}

const V0_BASE = 1n << 124n;
const V0_END = 1n << 129n;
const V2_LOW = 1n << 185n;
const V2_HIGH = 3n << 184n;
/** Shard-creation seconds from here on (the year 2477) are refused. */
const MAX_CREATED_SECONDS = 16_025_175_000;

export function readSequence(seq: string): ReadSequence | undefined {
  if (!/^\d{1,130}$/.test(seq)) return undefined;
  let n = BigInt(seq);
  if (n < V0_BASE) n += V0_BASE;
  const digits = n.toString(16);
  const createdSeconds = parseInt(digits.slice(1, 10), 16);
  if (n < V0_END) {
    if (createdSeconds >= MAX_CREATED_SECONDS) return undefined;
    return { version: 0, shardIndex: parseInt(digits.slice(28, 32), 16), shardCreatedAt: createdSeconds * 1000 };
  }
  if (n <= V2_LOW || n >= V2_HIGH) return undefined;
  const version = parseInt(digits.slice(-1), 16);
  if (version === 1) {
    return { version, shardIndex: parseInt(digits.slice(38, 46), 16) | 0, shardCreatedAt: createdSeconds * 1000, time: parseInt(digits.slice(13, 22), 16) * 1000 };
  }
  if (version !== 2) return undefined;
  if (parseInt(digits[11], 16) > 7 || createdSeconds >= MAX_CREATED_SECONDS) return undefined;
  return { version, shardIndex: parseInt(digits.slice(38, 46), 16) | 0, shardCreatedAt: createdSeconds * 1000, time: parseInt(digits.slice(29, 38), 16) * 1000 };
}

/** Orders decimal strings without leading zeros numerically. */
export function compareSequences(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}
