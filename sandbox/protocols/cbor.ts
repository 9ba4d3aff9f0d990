// CBOR as AWS speaks it (Kinesis's application/x-amz-cbor-1.1 and Smithy RPC v2): plain maps and
// byte strings, timestamps as tag 1; no cbor-x extensions that other decoders would not know.

import { Encoder } from 'cbor-x';

const encoder = new Encoder({ useRecords: false, mapsAsObjects: true, tagUint8Array: false, variableMapSize: true });

export function encodeCbor(value: unknown): Buffer {
  return Buffer.from(encoder.encode(stripUndefined(value)));
}

export function decodeCbor(bytes: Buffer): unknown {
  if (bytes.length === 0) return {};
  return encoder.decode(bytes);
}

function stripUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripUndefined);
  if (value && typeof value === 'object' && !(value instanceof Date) && !(value instanceof Uint8Array)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = stripUndefined(v);
    return out;
  }
  return value;
}
