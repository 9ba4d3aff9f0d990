// LevelDB's write-ahead log, read record by record with its checksums. LevelDB itself treats a damaged
// length as the end of the log and drops every write after it without a word (it reports nothing unless
// opened with paranoid checks, which the `level` package does not offer). A crash can only cut the log
// short at its end, so a record that fails its checksum, or any readable record after a bad one, is damage.
// Format (LevelDB's doc/log_format.md): 32 KiB blocks of records `crc32c(4) length(2) type(1) data`, a
// record never crossing a block (FIRST/MIDDLE/LAST fragments do), block tails under 7 bytes zero-filled.

const BLOCK = 32 * 1024;
const HEADER = 7;
const FULL = 1;
const FIRST = 2;
const MIDDLE = 3;
const LAST = 4;

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0x82f63b78 ^ (c >>> 1) : c >>> 1; // Castagnoli polynomial, reflected
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32c(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** LevelDB stores checksums masked (rotated and offset), so a CRC over data holding CRCs stays useful. */
const mask = (crc: number) => ((((crc >>> 15) | (crc << 17)) >>> 0) + 0xa282ead8) >>> 0;

/** The record whose header starts at `at`, if its checksum holds and it fits in its block and the file. */
function recordAt(log: Buffer, at: number): { type: number; data: Buffer; end: number } | undefined {
  const blockEnd = (Math.floor(at / BLOCK) + 1) * BLOCK;
  if (at + HEADER > Math.min(blockEnd, log.length)) return undefined;
  const length = log.readUInt16LE(at + 4);
  const type = log[at + 6];
  const end = at + HEADER + length;
  if (type < FULL || type > LAST || end > Math.min(blockEnd, log.length)) return undefined;
  if (log.readUInt32LE(at) !== mask(crc32c(log.subarray(at + 6, end)))) return undefined;
  return { type, data: log.subarray(at + HEADER, end), end };
}

export interface LogScan {
  /** Complete writes (a FULL record, or FIRST..MIDDLE..LAST put together), in order, damage skipped. */
  writes: Buffer[];
  /** Byte offsets where damage begins (empty for a sound log; a tail cut short by a crash is not damage). */
  damageAt: number[];
}

/** Reads every record it can, resynchronising after damage on the next record whose checksum holds. */
export function scanLevelDbLog(log: Buffer): LogScan {
  const scan: LogScan = { writes: [], damageAt: [] };
  let pending: Buffer[] | undefined;
  let at = 0;
  while (at < log.length) {
    const blockLeft = BLOCK - (at % BLOCK);
    if (blockLeft < HEADER) {
      at += blockLeft; // a block's zero-filled tail
      continue;
    }
    const record = recordAt(log, at);
    if (!record) {
      if (log.subarray(at, Math.min(at + blockLeft, log.length)).every((b) => b === 0)) {
        at += blockLeft; // zeros to the end of the block (a file extended but not written)
        continue;
      }
      const next = nextRecord(log, at + 1);
      // Nothing readable after it: the last write, cut short by a crash, unless its bytes are all there.
      const claimedEnd = at + HEADER + (at + HEADER <= log.length ? log.readUInt16LE(at + 4) : 0);
      if (next === undefined && claimedEnd > log.length) break;
      scan.damageAt.push(at);
      pending = undefined;
      if (next === undefined) break;
      at = next;
      continue;
    }
    at = record.end;
    if (record.type === FULL) scan.writes.push(Buffer.from(record.data));
    else if (record.type === FIRST) pending = [record.data];
    else if (pending) {
      pending.push(record.data);
      if (record.type === LAST) {
        scan.writes.push(Buffer.concat(pending));
        pending = undefined;
      }
    }
  }
  return scan;
}

function nextRecord(log: Buffer, from: number): number | undefined {
  for (let at = from; at + HEADER <= log.length; at++) if (recordAt(log, at)) return at;
  return undefined;
}

/** A log holding `writes`, framed as LevelDB writes it (what --repair puts in place of a damaged log). */
export function levelDbLog(writes: Buffer[]): Buffer {
  const out: Buffer[] = [];
  let offset = 0;
  for (const write of writes) {
    let rest = write;
    let first = true;
    do {
      let blockLeft = BLOCK - (offset % BLOCK);
      if (blockLeft < HEADER) {
        out.push(Buffer.alloc(blockLeft));
        offset += blockLeft;
        blockLeft = BLOCK;
      }
      const length = Math.min(rest.length, blockLeft - HEADER);
      const last = length === rest.length;
      const type = first && last ? FULL : first ? FIRST : last ? LAST : MIDDLE;
      const header = Buffer.alloc(HEADER);
      const typed = Buffer.concat([Buffer.from([type]), rest.subarray(0, length)]);
      header.writeUInt32LE(mask(crc32c(typed)), 0);
      header.writeUInt16LE(length, 4);
      header[6] = type;
      out.push(header, rest.subarray(0, length));
      offset += HEADER + length;
      rest = rest.subarray(length);
      first = false;
    } while (rest.length > 0);
  }
  return Buffer.concat(out);
}
