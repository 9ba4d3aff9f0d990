// Smithy RPC v2 CBOR: POST /service/<Service>/operation/<Operation>, `smithy-protocol: rpc-v2-cbor`,
// CBOR bodies both ways; errors carry `__type` as `<namespace>#<Code>`.

import { queryCompatibleErrorHeaders, requestBody, type Codec } from './codec.js';
import { decodeCbor, encodeCbor } from './cbor.js';
import { ServiceError, serializationError } from './errors.js';

export const RPC_V2_PATH = /^\/service\/([^/]+)\/operation\/([^/?]+)$/;

export const rpcv2CborCodec: Codec = {
  name: 'rpcv2Cbor',
  wire: 'cbor',
  decode(req) {
    const match = RPC_V2_PATH.exec(req.rawPath);
    return {
      operationName: match ? decodeURIComponent(match[2]) : undefined,
      input() {
        try {
          return decodeCbor(requestBody(req));
        } catch {
          throw serializationError('Unable to parse CBOR request body');
        }
      },
    };
  },
  encode(output, _op, _service, requestId) {
    return {
      status: 200,
      headers: { 'content-type': 'application/cbor', 'smithy-protocol': 'rpc-v2-cbor', 'x-amzn-requestid': requestId },
      body: encodeCbor(output ?? {}),
    };
  },
  encodeError(err, service, requestId) {
    const ns = service.errorNamespace ?? service.xmlNamespace ?? '';
    return {
      status: err.status,
      headers: { 'content-type': 'application/cbor', 'smithy-protocol': 'rpc-v2-cbor', 'x-amzn-requestid': requestId, ...queryCompatibleErrorHeaders(err, service) },
      body: encodeCbor({ __type: ns ? `${ns}#${err.code}` : err.code, message: err.message, ...err.fields }),
    };
  },
  unknownOperation(name) {
    return new ServiceError('UnknownOperationException', `Unknown operation ${name ?? ''}`.trim(), 404);
  },
};
