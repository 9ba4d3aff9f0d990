// CBOR as AWS speaks it (Kinesis's application/x-amz-cbor-1.1 and Smithy RPC v2): plain maps and
// byte strings, timestamps as tag 1. Encoded and decoded by the Smithy CBOR codec the AWS SDK itself
// uses, so both ends agree on every detail.

import { onFirstUse } from '../on-first-use.js';

const smithyCbor = onFirstUse<typeof import('@smithy/core/cbor')>('@smithy/core/cbor');

function toWire(value: unknown): unknown {
  if (value instanceof Date) return smithyCbor().dateToTag(value);
  if (Buffer.isBuffer(value) || value instanceof Uint8Array) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  if (Array.isArray(value)) return value.map(toWire);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = toWire(v);
    return out;
  }
  return value;
}

function fromWire(value: unknown): unknown {
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  if (Array.isArray(value)) return value.map(fromWire);
  if (value && typeof value === 'object') {
    const tagged = value as { tag?: number; value?: unknown; [key: symbol]: boolean | undefined };
    if (tagged[smithyCbor().tagSymbol] && tagged.tag === 1) return new Date(Number(tagged.value) * 1000);
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = fromWire(v);
    return out;
  }
  return value;
}

export function encodeCbor(value: unknown): Buffer {
  return Buffer.from(smithyCbor().cbor.serialize(toWire(value)));
}

export function decodeCbor(bytes: Buffer): unknown {
  if (bytes.length === 0) return {};
  return fromWire(smithyCbor().cbor.deserialize(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)));
}
