// Shard iterators: opaque base64 tokens that carry the stream (account, region, name, creation time),
// the shard, the position to read from and when the iterator was issued (they expire after 5 minutes).
// Laid out as AWS's are: an 8-byte version header, then a body padded to 16-byte blocks.

export type ReadPosition = { kind: 'after' | 'at'; seq: string } | { kind: 'time'; time: number } | { kind: 'start' };

export interface IteratorState {
  accountId: string;
  region: string;
  streamName: string;
  streamCreatedAt: number;
  shardId: string;
  position: ReadPosition;
  issuedAt: number;
}

export const ITERATOR_TTL_MS = 300_000;
const HEADER = Buffer.from('0000000000000001', 'hex');
const MIN_BODY = 144;

export function encodeIterator(it: IteratorState): string {
  const p = it.position;
  const where = p.kind === 'time' ? `time:${p.time}` : p.kind === 'start' ? 'start:' : `${p.kind}:${p.seq}`;
  const text = [it.accountId, it.region, it.streamCreatedAt, it.shardId, where, it.issuedAt, it.streamName].join('|');
  let body = Buffer.from(text, 'utf8');
  const padded = Math.max(MIN_BODY, Math.ceil((body.length + 1) / 16) * 16);
  body = Buffer.concat([body, Buffer.from([0]), Buffer.alloc(padded - body.length - 1)]);
  // A fixed XOR mask keeps callers from reading meaning into the token, as AWS's are encrypted.
  for (let i = 0; i < body.length; i++) body[i] ^= 0x5a;
  return Buffer.concat([HEADER, body]).toString('base64');
}

export function decodeIterator(token: string): IteratorState | undefined {
  const raw = Buffer.from(token, 'base64');
  if (raw.length <= HEADER.length || !raw.subarray(0, HEADER.length).equals(HEADER) || raw.toString('base64') !== token) return undefined;
  const body = Buffer.from(raw.subarray(HEADER.length));
  for (let i = 0; i < body.length; i++) body[i] ^= 0x5a;
  const end = body.indexOf(0);
  const parts = body.subarray(0, end < 0 ? body.length : end).toString('utf8').split('|');
  if (parts.length < 7) return undefined;
  const [accountId, region, createdAt, shardId, where, issuedAt] = parts;
  const streamName = parts.slice(6).join('|');
  const colon = where.indexOf(':');
  const kind = where.slice(0, colon);
  const value = where.slice(colon + 1);
  let position: ReadPosition;
  if (kind === 'time') position = { kind, time: Number(value) };
  else if (kind === 'start') position = { kind };
  else if (kind === 'after' || kind === 'at') position = { kind, seq: value };
  else return undefined;
  if (!Number.isFinite(Number(createdAt)) || !Number.isFinite(Number(issuedAt))) return undefined;
  return { accountId, region, streamName, streamCreatedAt: Number(createdAt), shardId, position, issuedAt: Number(issuedAt) };
}
