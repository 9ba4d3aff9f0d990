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

/** The parts of a sequence number we issued; undefined for anything that is not in our format. */
export function decodeSequence(seq: string): SequenceParts | undefined {
  if (!/^\d{1,60}$/.test(seq)) return undefined;
  const digits = BigInt(seq).toString(16);
  if (digits.length !== 47 || digits[0] !== '2' || digits[46] !== '2' || digits.slice(27, 30) !== '000') return undefined;
  return {
    shardCreatedAt: parseInt(digits.slice(1, 10), 16) * 1000,
    shardIndex: parseInt(digits.slice(38, 46), 16) | 0,
    counter: BigInt('0x' + digits.slice(11, 27)),
    time: parseInt(digits.slice(30, 38), 16) * 1000,
  };
}

/** Orders decimal strings without leading zeros numerically. */
export function compareSequences(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}
