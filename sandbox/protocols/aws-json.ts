// awsJson 1.0 / 1.1: POST / with `X-Amz-Target: <prefix>.<Operation>` and a JSON document; Kinesis also
// accepts the same envelope with a CBOR body (application/x-amz-cbor-1.1).

import { randomBytes } from 'node:crypto';
import type { EdgeRequest } from '../edge/http-types.js';
import type { Codec } from './codec.js';
import { queryCompatibleErrorHeaders, requestBody, toJsonWire } from './codec.js';
import { decodeCbor, encodeCbor } from './cbor.js';
import { ServiceError, serializationError } from './errors.js';

const CBOR_TYPE = 'application/x-amz-cbor-1.1';

/** An opaque host id, as AWS's JSON services send in `x-amz-id-2` (72 random bytes in base64). */
const hostId = () => randomBytes(72).toString('base64');

function isCbor(req: EdgeRequest): boolean {
  return (req.headers['content-type'] ?? '').startsWith(CBOR_TYPE);
}

export function awsJsonCodec(version: '1.0' | '1.1', cbor = false): Codec {
  const contentType = cbor ? CBOR_TYPE : `application/x-amz-json-${version}`;
  const body = (value: unknown) => (cbor ? encodeCbor(value) : JSON.stringify(toJsonWire(value ?? {})));
  return {
    name: version === '1.0' ? 'awsJson1_0' : 'awsJson1_1',
    wire: cbor ? 'cbor' : 'json',
    decode(req) {
      const target = req.headers['x-amz-target'] ?? '';
      const dot = target.lastIndexOf('.');
      // A body that is there but is no document is refused before the operation is looked up, an
      // empty one after (Coral's order); neither error carries a message.
      const document = cbor ? undefined : parseJsonDocument(requestBody(req).toString('utf8'));
      return {
        operationName: dot >= 0 ? target.slice(dot + 1) || undefined : undefined,
        input() {
          if (cbor) {
            const bytes = requestBody(req);
            if (bytes.length === 0) throw serializationError('');
            try {
              return decodeCbor(bytes);
            } catch {
              throw serializationError('Unable to parse CBOR request body');
            }
          }
          if (document === undefined) throw serializationError('');
          return document;
        },
      };
    },
    encode(output, _op, _service, requestId) {
      return { status: 200, headers: { 'content-type': contentType, 'x-amzn-requestid': requestId, 'x-amz-id-2': hostId() }, body: body(output) };
    },
    encodeError(err, service, requestId) {
      return {
        status: err.status,
        headers: { 'content-type': contentType, 'x-amzn-requestid': requestId, 'x-amz-id-2': hostId(), 'x-amzn-errortype': err.code, ...queryCompatibleErrorHeaders(err, service) },
        body: body({ __type: err.code, ...messageField(err), ...err.fields }),
      };
    },
    unknownOperation() {
      return new ServiceError('UnknownOperationException', '', 400);
    },
  };
}

/** The JSON object a body holds; undefined for an empty body; a SerializationException for anything else. */
function parseJsonDocument(text: string): Record<string, unknown> | undefined {
  if (text.trim() === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw serializationError('');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw serializationError('');
  return value as Record<string, unknown>;
}

/** Coral's own SerializationException spells the field `Message`; service errors use `message`; an empty one is left out. */
function messageField(err: ServiceError): Record<string, string> {
  if (!err.message) return {};
  return err.code === 'SerializationException' ? { Message: err.message } : { message: err.message };
}

/** Whether the request declares the awsJson content type of `version` (parameters after ';' aside). */
function isJsonContentType(req: EdgeRequest, version: '1.0' | '1.1'): boolean {
  return (req.headers['content-type'] ?? '').split(';')[0].trim() === `application/x-amz-json-${version}`;
}

export { isCbor, isJsonContentType };
