// awsJson 1.0 / 1.1: POST / with `X-Amz-Target: <prefix>.<Operation>` and a JSON document; Kinesis also
// accepts the same envelope with a CBOR body (application/x-amz-cbor-1.1).

import type { EdgeRequest } from '../edge/http-types.js';
import type { Codec } from './codec.js';
import { queryCompatibleErrorHeaders, requestBody, toJsonWire } from './codec.js';
import { decodeCbor, encodeCbor } from './cbor.js';
import { ServiceError, serializationError } from './errors.js';

const CBOR_TYPE = 'application/x-amz-cbor-1.1';

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
      return {
        operationName: dot >= 0 ? target.slice(dot + 1) : undefined,
        input() {
          if (isCbor(req)) {
            try {
              return decodeCbor(requestBody(req));
            } catch {
              throw serializationError('Unable to parse CBOR request body');
            }
          }
          const text = requestBody(req).toString('utf8');
          if (text.trim() === '') return {};
          try {
            return JSON.parse(text) as unknown;
          } catch {
            throw serializationError('Start of structure or map found where not expected.');
          }
        },
      };
    },
    encode(output, _op, _service, requestId) {
      return { status: 200, headers: { 'content-type': contentType, 'x-amzn-requestid': requestId }, body: body(output) };
    },
    encodeError(err, service, requestId) {
      return {
        status: err.status,
        headers: { 'content-type': contentType, 'x-amzn-requestid': requestId, 'x-amzn-errortype': err.code, ...queryCompatibleErrorHeaders(err, service) },
        body: body({ __type: err.code, ...messageField(err), ...err.fields }),
      };
    },
    unknownOperation(name) {
      return new ServiceError('UnknownOperationException', name ? `Unknown operation ${name}` : 'Missing X-Amz-Target', 400);
    },
  };
}

/** Coral's own SerializationException spells the field `Message`; service errors use `message`; an empty one is left out. */
function messageField(err: ServiceError): Record<string, string> {
  if (!err.message) return {};
  return err.code === 'SerializationException' ? { Message: err.message } : { message: err.message };
}

export { isCbor };
