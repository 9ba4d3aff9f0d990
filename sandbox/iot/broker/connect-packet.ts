// Reads the username of the MQTT CONNECT packet a plain-TCP client opens with, before the broker sees it:
// on 1883 the username names the account (and region) whose topic space the client joins, so the broker
// must know it before handing the connection to that space. Only as much of MQTT 3.1 / 3.1.1 (what the
// broker speaks) as finding the username takes; the broker itself parses and validates the packet afterwards.

export type ConnectPeek = { complete: false } | { complete: true; username?: string };

/** A CONNECT larger than this is not waited for: the client joins the default space (the broker refuses it if it is malformed). */
export const MAX_PEEKED_CONNECT = 256 * 1024;

/** A variable byte integer at `offset`: its value and length; undefined while incomplete, 'malformed' past four bytes. */
function varint(bytes: Buffer, offset: number): { value: number; length: number } | undefined | 'malformed' {
  let value = 0;
  for (let i = 0; i < 4; i++) {
    if (offset + i >= bytes.length) return undefined;
    const byte = bytes[offset + i]!;
    value += (byte & 0x7f) * 128 ** i;
    if ((byte & 0x80) === 0) return { value, length: i + 1 };
  }
  return 'malformed';
}

/**
 * What the bytes received so far say: `complete: false` while the first packet is still arriving;
 * otherwise its username (undefined when it has none, or when the bytes are not a readable CONNECT).
 */
export function peekConnect(bytes: Buffer): ConnectPeek {
  if (bytes.length === 0) return { complete: false };
  if (bytes[0]! >> 4 !== 1) return { complete: true };
  const remaining = varint(bytes, 1);
  if (remaining === 'malformed') return { complete: true };
  if (!remaining) return { complete: false };
  const end = 1 + remaining.length + remaining.value;
  if (end > MAX_PEEKED_CONNECT) return { complete: true };
  if (bytes.length < end) return { complete: false };
  const packet = bytes.subarray(0, end);
  let at = 1 + remaining.length;
  const field = (): Buffer | undefined => {
    if (at + 2 > packet.length) return undefined;
    const length = packet.readUInt16BE(at);
    const value = packet.subarray(at + 2, at + 2 + length);
    at += 2 + length;
    return at <= packet.length ? value : undefined;
  };
  if (!field()) return { complete: true }; // protocol name
  if (at + 4 > packet.length) return { complete: true };
  const flags = packet[at + 1]!;
  at += 4; // protocol level, flags, keep-alive
  if (!field()) return { complete: true }; // client id
  if (flags & 0x04 && (!field() || !field())) return { complete: true }; // will topic and payload
  if (!(flags & 0x80)) return { complete: true };
  const username = field();
  return { complete: true, username: username?.toString('utf8') };
}
