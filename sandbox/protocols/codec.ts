// A protocol codec: from the request bytes, which operation and what raw input; from an output or a
// ServiceError, the response bytes. Codecs know nothing of services' behaviour.

import { gunzipSync } from 'node:zlib';
import type { EdgeRequest, EdgeResponse } from '../edge/http-types.js';
import type { Operation, ProtocolName, ServiceDefinition } from '../services/definition.js';
import { serializationError, type ServiceError } from './errors.js';
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

const inflated = new WeakMap<EdgeRequest, Buffer>();

/**
 * The request body, gunzipped when the client compressed it (Smithy's requestCompression: SDKs gzip
 * CloudWatch PutMetricData bodies over 10 KiB and send `Content-Encoding: gzip`).
 */
export function requestBody(req: EdgeRequest): Buffer {
  if (!/\bgzip\b/i.test(req.headers['content-encoding'] ?? '')) return req.body;
  let body = inflated.get(req);
  if (!body) {
    try {
      body = gunzipSync(req.body);
    } catch {
      throw serializationError('Unable to decompress the gzip request body');
    }
    inflated.set(req, body);
  }
  return body;
}

/**
 * Headers for an error of a service that also speaks awsQuery (CloudWatch): AWS adds the query error
 * code and fault so clients in query-compatible mode report the same code as over awsQuery.
 */
export function queryCompatibleErrorHeaders(err: ServiceError, service: ServiceDefinition): Record<string, string> {
  return service.protocols.includes('awsQuery') ? { 'x-amzn-query-error': `${err.code};${err.fault}` } : {};
}
