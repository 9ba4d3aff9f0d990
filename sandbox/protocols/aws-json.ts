// awsJson 1.0 / 1.1: POST / with `X-Amz-Target: <prefix>.<Operation>` and a JSON document; Kinesis also
// accepts the same envelope with a CBOR body (application/x-amz-cbor-1.1). A body in any other content
// type never reaches an operation: Coral, the server behind these services, answers it in forms of its own.

import { randomBytes } from 'node:crypto';
import type { EdgeRequest } from '../edge/http-types.js';
import type { Codec } from './codec.js';
import { queryCompatibleErrorHeaders, requestBody, toJsonWire } from './codec.js';
import { decodeCbor, encodeCbor } from './cbor.js';
import { ServiceError, serializationError } from './errors.js';
import { escapeXml } from './xml.js';

const CBOR_TYPE = 'application/x-amz-cbor-1.1';
const PLAIN_JSON = 'application/json';
/** Where Coral's own errors live; its `application/json` answers name them in full. */
const CORAL_NAMESPACE = 'com.amazon.coral.service#';

/**
 * How a target-routed request is read and answered: the service's JSON or CBOR; `rpc`, a plain
 * application/json body, which Coral reads in its older RPC envelope and then refuses (it runs no
 * operation); `refused`, any method but POST or a body in any other content type, answered in XML
 * before authentication.
 */
export type AwsJsonForm = 'json' | 'cbor' | 'rpc' | 'refused';

/** The ids every awsJson answer carries: the request id and an opaque host id in `x-amz-id-2` (72 random bytes, base64). */
export const awsJsonResponseIds = (requestId: string) => ({ 'x-amzn-requestid': requestId, 'x-amz-id-2': randomBytes(72).toString('base64') });

/** The media type a request declares, parameters and spaces aside. */
export function mediaType(req: EdgeRequest): string {
  return (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
}

function isCbor(req: EdgeRequest): boolean {
  return mediaType(req) === CBOR_TYPE;
}

/**
 * The form a request for a service of awsJson `version` takes. An empty body is answered in the
 * service's own form whatever its content type says: CBOR for a service that reads other types as
 * CBOR (Kinesis), JSON otherwise.
 */
export function awsJsonForm(req: EdgeRequest, version: '1.0' | '1.1', cborByDefault = false): AwsJsonForm {
  if (req.method !== 'POST') return 'refused';
  const type = mediaType(req);
  if (type === CBOR_TYPE) return 'cbor';
  if (type === `application/x-amz-json-${version}`) return 'json';
  if (req.body.length === 0) return cborByDefault ? 'cbor' : 'json';
  return type === PLAIN_JSON ? 'rpc' : 'refused';
}

export function awsJsonCodec(version: '1.0' | '1.1', form: AwsJsonForm = 'json'): Codec {
  const contentType = form === 'cbor' ? CBOR_TYPE : `application/x-amz-json-${version}`;
  const body = (value: unknown) => (form === 'cbor' ? encodeCbor(value) : JSON.stringify(toJsonWire(value ?? {})));
  return {
    name: version === '1.0' ? 'awsJson1_0' : 'awsJson1_1',
    wire: form === 'cbor' ? 'cbor' : 'json',
    decode(req) {
      const target = req.headers['x-amz-target'] ?? '';
      if (form === 'rpc') throw rpcRefusal(req);
      if (form === 'refused') throw refusal(req.method, target);
      // A body that is there but is no document is refused before the operation is looked up, an
      // empty one after (Coral's order); neither error carries a message.
      const document = readDocument(requestBody(req), form === 'cbor');
      const dot = target.lastIndexOf('.');
      return {
        operationName: dot >= 0 ? target.slice(dot + 1) || undefined : undefined,
        input() {
          if (document === undefined) throw serializationError('');
          return document;
        },
      };
    },
    encode(output, _op, _service, requestId) {
      return { status: 200, headers: { 'content-type': contentType, ...awsJsonResponseIds(requestId) }, body: body(output) };
    },
    encodeError(err, service, requestId) {
      const common = { ...awsJsonResponseIds(requestId), 'x-amzn-errortype': err.code, ...queryCompatibleErrorHeaders(err, service) };
      if (form === 'rpc') {
        const output = { __type: CORAL_NAMESPACE + err.code, ...(err.message ? { message: err.message } : {}), ...err.fields };
        return { status: err.status, headers: { 'content-type': PLAIN_JSON, ...common }, body: JSON.stringify({ Output: output, Version: '1.0' }) };
      }
      if (form === 'refused') return { status: err.status, headers: common, body: coralXml(err) };
      return { status: err.status, headers: { 'content-type': contentType, ...common }, body: body({ __type: err.code, ...messageField(err), ...err.fields }) };
    },
    unknownOperation() {
      return new ServiceError('UnknownOperationException', '', 400);
    },
  };
}

/** The object a JSON or CBOR body holds; undefined for an empty body; a SerializationException for anything else. */
function readDocument(bytes: Buffer, cbor: boolean): Record<string, unknown> | undefined {
  const text = cbor ? '' : bytes.toString('utf8');
  if (cbor ? bytes.length === 0 : text.trim() === '') return undefined;
  let value: unknown;
  try {
    value = cbor ? decodeCbor(bytes) : JSON.parse(text);
  } catch {
    throw serializationError('');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value) || Buffer.isBuffer(value) || value instanceof Date) throw serializationError('');
  return value as Record<string, unknown>;
}

/** Coral reads a plain application/json body, then finds no operation for it in that envelope. */
function rpcRefusal(req: EdgeRequest): ServiceError {
  readDocument(requestBody(req), false);
  return new ServiceError('UnknownOperationException', '', 404);
}

/** Any method but POST, or a body in a content type the service does not read: what the request names decides the answer. */
function refusal(method: string, target: string): ServiceError {
  const [prefix, operation] = target.split('.');
  if (method !== 'POST' || !prefix || !operation) return new ServiceError('AccessDeniedException', 'Unable to determine service/operation name to be authorized', 403);
  return new ServiceError('UnknownOperationException', '', 404);
}

/** Coral's bare XML error: the code as the root element, the message (if any) inside. */
function coralXml(err: ServiceError): string {
  const code = escapeXml(err.code);
  return err.message ? `<${code}>\n  <Message>${escapeXml(err.message)}</Message>\n</${code}>\n` : `<${code}/>\n`;
}

/** Coral's own SerializationException spells the field `Message`; service errors use `message`; an empty one is left out. */
function messageField(err: ServiceError): Record<string, string> {
  if (!err.message) return {};
  return err.code === 'SerializationException' ? { Message: err.message } : { message: err.message };
}

export { isCbor };
