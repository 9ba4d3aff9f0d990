// restJson1 (Lambda, API Gateway, IoT): operations chosen by method and path; input from the path,
// query, headers and a JSON body; output as a JSON body plus bound headers.

import type { Codec } from './codec.js';
import { toJsonWire } from './codec.js';
import { ServiceError, serializationError } from './errors.js';
import { boundMembers, matchRoute, takeResponseHeaders } from './rest-routing.js';

export const restJsonCodec: Codec = {
  name: 'restJson1',
  wire: 'query',
  decode(req, service) {
    const match = matchRoute(req, service);
    return {
      operationName: match?.operation.name,
      operation: match?.operation,
      input(op) {
        let body: Record<string, unknown> = {};
        if (!op.http?.payload && req.body.length > 0) {
          try {
            const parsed = JSON.parse(req.body.toString('utf8')) as unknown;
            if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) body = parsed as Record<string, unknown>;
            else throw new Error('not an object');
          } catch {
            throw serializationError('Could not parse request body into json: Unexpected character');
          }
        }
        return { ...body, ...boundMembers(req, op, match!.labels) };
      },
    };
  },
  encode(output, op, _service, requestId) {
    const binding = op.http!;
    const headers: Record<string, string> = { 'content-type': 'application/json', 'x-amzn-requestid': requestId };
    const rest = takeResponseHeaders(output, op, headers);
    if (binding.responsePayload) {
      const payload = rest[binding.responsePayload];
      headers['content-type'] = 'application/octet-stream';
      return { status: binding.status ?? 200, headers, body: Buffer.isBuffer(payload) ? payload : Buffer.from(String(payload ?? '')) };
    }
    return { status: binding.status ?? 200, headers, body: JSON.stringify(toJsonWire(rest)) };
  },
  encodeError(err, _service, requestId) {
    return {
      status: err.status,
      headers: { 'content-type': 'application/json', 'x-amzn-requestid': requestId, 'x-amzn-errortype': err.code },
      body: JSON.stringify({ Type: err.fault === 'Sender' ? 'User' : 'Service', message: err.message, ...err.fields }),
    };
  },
  unknownOperation() {
    return new ServiceError('UnknownOperationException', 'Unknown operation', 404);
  },
};
