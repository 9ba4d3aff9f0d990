// restXml (S3): operations chosen by method, path and query/header discriminators; bodies are raw
// bytes or XML documents the handler reads; errors are S3's <Error> document.

import type { Codec } from './codec.js';
import { ServiceError } from './errors.js';
import { boundMembers, matchRoute, takeResponseHeaders } from './rest-routing.js';
import { escapeXml, xmlDocument } from './xml.js';

export const restXmlCodec: Codec = {
  name: 'restXml',
  wire: 'query',
  decode(req, service) {
    const match = matchRoute(req, service);
    return {
      operationName: match?.operation.name,
      operation: match?.operation,
      input: (op) => boundMembers(req, op, match!.labels),
    };
  },
  encode(output, op, _service, requestId) {
    const status = op.http?.status ?? 200;
    const headers: Record<string, string> = { 'x-amz-request-id': requestId, 'x-amz-id-2': requestId };
    const rest = takeResponseHeaders(output, op, headers);
    const entries = Object.entries(rest);
    if (entries.length === 0) return { status, headers, body: '' };
    headers['content-type'] = 'application/xml';
    const [root, value] = entries[0];
    return { status, headers, body: xmlDocument(root, value, { lists: 'flat', xmlns: 'http://s3.amazonaws.com/doc/2006-03-01/' }) };
  },
  encodeError(err, _service, requestId) {
    const fields = Object.entries(err.fields).map(([k, v]) => `<${k}>${escapeXml(v)}</${k}>`).join('');
    const body =
      `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${escapeXml(err.code)}</Code><Message>${escapeXml(err.message)}</Message>` +
      `${fields}<RequestId>${requestId}</RequestId><HostId>${requestId}</HostId></Error>`;
    return { status: err.status, headers: { 'content-type': 'application/xml', 'x-amz-request-id': requestId }, body };
  },
  unknownOperation() {
    return new ServiceError('NotImplemented', 'A header you provided implies functionality that is not implemented', 501);
  },
};
