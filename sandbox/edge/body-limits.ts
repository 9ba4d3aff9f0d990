// How the edge takes a request body, decided from the headers alone, before a byte of it is read: S3
// object uploads stream to the handler (to disk, never whole in memory, up to S3's 5 GB); everything
// else is buffered up to the service's own request limit, and a body over it is refused with AWS's
// 413 at once, so one oversized request can neither stall the sandbox nor fill its memory.

import { randomUUID } from 'node:crypto';
import type { EdgeRequest, EdgeResponse } from './http-types.js';
import { parseSigV4 } from './sigv4.js';
import { unclaimedJsonCodec } from './router.js';
import { ServiceError } from '../protocols/errors.js';
import { restJsonCodec } from '../protocols/rest-json.js';
import { restXmlCodec } from '../protocols/rest-xml.js';
import { awsQueryCodec } from '../protocols/aws-query.js';
import type { ServiceDefinition } from '../services/definition.js';

const MiB = 1024 * 1024;
/** Base64 in JSON makes a blob 4/3 as long; the limits AWS states are on the bytes. */
const base64 = (bytes: number) => Math.ceil(bytes / 3) * 4;

export interface BodyPolicy {
  /** Hand the body to the handler as a stream instead of buffering it. */
  stream: boolean;
  /** Largest body buffered (bytes on the wire). */
  limit: number;
  /** AWS's answer to a body over `limit`. */
  tooLarge(req: EdgeRequest): EdgeResponse;
}

const errorService: ServiceDefinition = { name: 'edge', signingName: '', protocols: [], operations: [] };

/** A 413 in the protocol the client speaks (JSON or CBOR for awsJson clients, by their content type). */
function jsonTooLarge(code: string, message: string) {
  return (req: EdgeRequest): EdgeResponse => {
    const codec = unclaimedJsonCodec(req) ?? restJsonCodec;
    return codec.encodeError(new ServiceError(code, message, 413), errorService, randomUUID());
  };
}

/** AWS's front door for the JSON services answers this, whichever service is behind it. */
const requestEntityTooLarge = jsonTooLarge('RequestEntityTooLarge', 'Request Entity Too Large');

/** Request limits AWS documents, per signing name (or X-Amz-Target prefix), with room for base64 and JSON around the data. */
const JSON_LIMITS: Record<string, number> = {
  // PutRecords: 10 MiB for the whole request, records and partition keys.
  kinesis: base64(10 * MiB) + MiB,
  // PutRecordBatch: 4 MiB for the whole request; twice that reaches the service, whose own
  // InvalidArgumentException names the limit.
  firehose: base64(8 * MiB) + MiB,
  // Any request: 16 MB.
  dynamodb: 16 * MiB,
  // PutLogEvents: 1 MiB; PutMetricData: 1 MB. The same front door as above is ample for both.
  logs: 2 * MiB,
  monitoring: 2 * MiB,
};

const TARGET_PREFIX_SERVICE: Record<string, string> = {
  Kinesis_20131202: 'kinesis',
  Firehose_20150804: 'firehose',
  DynamoDB_20120810: 'dynamodb',
  Logs_20140328: 'logs',
};

/** Lambda Invoke: 6 MB of request payload (RequestTooLargeException names the limit in bytes). */
export const LAMBDA_INVOKE_LIMIT = 6 * MiB;
/** CreateFunction / UpdateFunctionCode carry a zip of up to 50 MB, base64 in JSON. */
const LAMBDA_LIMIT = base64(50 * MiB) + MiB;
/** API Gateway REST: a 10 MB payload. */
export const API_GATEWAY_PAYLOAD_LIMIT = 10 * MiB;
/** Sandbox-wide ceiling for anything else (IAM, STS, Glue, Athena, IoT, CloudWatch...). */
export const DEFAULT_LIMIT = 16 * MiB;
/** S3 requests that are not object uploads carry XML documents (DeleteObjects' 1,000 keys is the largest). */
const S3_DOCUMENT_LIMIT = 8 * MiB;

const INVOKE_PATH = /^\/2015-03-31\/functions\/[^/]+\/invocations$/;
const API_GATEWAY_INVOKE = /^\/restapis\/[^/]+\/[^/]+\/_user_request_\//;
/** Query parameters of an object PUT (PutObject, UploadPart); any other names a subresource (?tagging, ?acl). */
const OBJECT_PUT_PARAMETERS = new Set(['partNumber', 'uploadId', 'x-id']);

function isObjectUpload(req: EdgeRequest): boolean {
  if (req.method !== 'PUT' || req.headers['x-amz-copy-source'] !== undefined) return false;
  for (const name of req.query.keys()) if (!OBJECT_PUT_PARAMETERS.has(name) && !name.startsWith('X-Amz-')) return false;
  // Bucket-level PUTs (CreateBucket's configuration) are a few hundred bytes with a known length: they
  // are buffered; a body of unknown or large size can only be an object's.
  const length = req.headers['content-length'];
  return length === undefined || Number(length) > MiB;
}

function fixed(limit: number, tooLarge: BodyPolicy['tooLarge']): BodyPolicy {
  return { stream: false, limit, tooLarge };
}

export function bodyPolicy(req: EdgeRequest): BodyPolicy {
  if (API_GATEWAY_INVOKE.test(req.rawPath)) {
    return fixed(API_GATEWAY_PAYLOAD_LIMIT, () => ({
      status: 413,
      headers: { 'content-type': 'application/json', 'x-amzn-requestid': randomUUID(), 'x-amzn-errortype': 'RequestEntityTooLargeException' },
      body: JSON.stringify({ message: `HTTP content length exceeded ${API_GATEWAY_PAYLOAD_LIMIT} bytes.` }),
    }));
  }
  let service: string | undefined;
  try {
    service = parseSigV4(req)?.service;
  } catch {
    // A malformed signature is the dispatcher's to refuse; the body limit is the default one.
  }
  const target = req.headers['x-amz-target'];
  service ??= target ? TARGET_PREFIX_SERVICE[target.slice(0, target.lastIndexOf('.'))] : undefined;
  if (service === 's3') {
    if (isObjectUpload(req)) return { stream: true, limit: Infinity, tooLarge: requestEntityTooLarge };
    return fixed(S3_DOCUMENT_LIMIT, () =>
      restXmlCodec.encodeError(new ServiceError('MaxMessageLengthExceeded', 'Your request was too big.', 400), errorService, randomUUID()),
    );
  }
  if (service === 'lambda') {
    const invoke = INVOKE_PATH.test(req.rawPath);
    const limit = invoke ? LAMBDA_INVOKE_LIMIT : LAMBDA_LIMIT;
    const operation = invoke ? 'InvokeFunction' : 'request';
    return fixed(limit, () => restJsonCodec.encodeError(new ServiceError('RequestTooLargeException', `Request must be smaller than ${limit} bytes for the ${operation} operation`, 413), errorService, randomUUID()));
  }
  const jsonLimit = service ? JSON_LIMITS[service] : undefined;
  if (jsonLimit !== undefined) return fixed(jsonLimit, requestEntityTooLarge);
  if (req.headers['x-amz-target'] !== undefined || unclaimedJsonCodec(req)) return fixed(DEFAULT_LIMIT, requestEntityTooLarge);
  return fixed(DEFAULT_LIMIT, () => awsQueryCodec.encodeError(new ServiceError('RequestEntityTooLarge', 'Request Entity Too Large', 413), errorService, randomUUID()));
}
