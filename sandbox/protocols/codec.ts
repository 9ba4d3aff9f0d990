// A protocol codec: from the request bytes, which operation and what raw input; from an output or a
// ServiceError, the response bytes. Codecs know nothing of services' behaviour.

import type { EdgeRequest, EdgeResponse } from '../edge/http-types.js';
import type { Operation, ProtocolName, ServiceDefinition } from '../services/definition.js';
import type { ServiceError } from './errors.js';
import type { WireForm } from './shapes.js';

export interface Decoded {
  operationName: string | undefined;
  /** Set when the REST route matched an operation; other protocols name it and let dispatch look it up. */
  operation?: Operation;
  /** Parses the input; called only once the operation is known to exist. */
  input(op: Operation): unknown;
}

export interface Codec {
  name: ProtocolName;
  wire: WireForm;
  decode(req: EdgeRequest, service: ServiceDefinition): Decoded;
  encode(output: unknown, op: Operation, service: ServiceDefinition, requestId: string): EdgeResponse;
  encodeError(err: ServiceError, service: ServiceDefinition, requestId: string, operationName?: string): EdgeResponse;
  /** The error AWS gives for an operation this service does not have. */
  unknownOperation(name: string | undefined): ServiceError;
}

/** Replaces Dates and Buffers with their JSON wire forms (epoch seconds, base64). */
export function toJsonWire(value: unknown): unknown {
  if (value instanceof Date) return value.getTime() / 1000;
  if (Buffer.isBuffer(value) || value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (Array.isArray(value)) return value.map(toJsonWire);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = toJsonWire(v);
    return out;
  }
  return value;
}
