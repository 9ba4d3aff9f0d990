// SigV4 as the edge needs it: who signed (access key -> account), for which region and service
// (the credential scope routes the request), and, with --verify-signatures, whether the signature is
// right for the sandbox's known secret.

import { createHash, createHmac } from 'node:crypto';
import type { EdgeRequest } from './http-types.js';
import { ServiceError } from '../protocols/errors.js';

export interface SigV4Auth {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
  /** Whether the signature came in the query string (presigned URL). */
  presigned: boolean;
}

const CREDENTIAL = /Credential=([^/,\s]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request/;

export function parseSigV4(req: EdgeRequest): SigV4Auth | undefined {
  const authorization = req.headers['authorization'];
  if (authorization?.startsWith('AWS4-HMAC-SHA256')) {
    const cred = CREDENTIAL.exec(authorization);
    if (!cred) return undefined;
    const signedHeaders = /SignedHeaders=([^,\s]+)/.exec(authorization)?.[1].split(';') ?? [];
    const signature = /Signature=([0-9a-f]+)/.exec(authorization)?.[1] ?? '';
    return { accessKeyId: cred[1], date: cred[2], region: cred[3], service: cred[4], signedHeaders, signature, presigned: false };
  }
  const credential = req.query.get('X-Amz-Credential');
  if (credential) {
    const [accessKeyId, date, region, service] = credential.split('/');
    if (!accessKeyId || !date || !region || !service) return undefined;
    return {
      accessKeyId,
      date,
      region,
      service,
      signedHeaders: (req.query.get('X-Amz-SignedHeaders') ?? 'host').split(';'),
      signature: req.query.get('X-Amz-Signature') ?? '',
      presigned: true,
    };
  }
  return undefined;
}

/** A 12-digit access key id is that account; anything else is the default account. */
export function accountForAccessKey(accessKeyId: string | undefined): string {
  return accessKeyId && /^\d{12}$/.test(accessKeyId) ? accessKeyId : '000000000000';
}

const uriEncode = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

function canonicalPath(req: EdgeRequest, service: string): string {
  const path = req.rawPath || '/';
  // S3 signs the path as sent; every other service signs it URI-encoded once more.
  if (service === 's3') return path;
  return path.split('/').map((seg) => uriEncode(seg)).join('/');
}

function canonicalQuery(req: EdgeRequest): string {
  const pairs: [string, string][] = [];
  for (const [k, v] of req.query) if (k !== 'X-Amz-Signature') pairs.push([uriEncode(k), uriEncode(v)]);
  pairs.sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  return pairs.map(([k, v]) => `${k}=${v}`).join('&');
}

const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data).digest();

/**
 * Throws AWS's signature error when the signature is not the one `secret` would make: the caller
 * gives the protocol's code and status (SignatureDoesNotMatch 403 for XML, InvalidSignatureException
 * 400 for awsJson, 403 for REST JSON).
 */
export function verifySigV4(req: EdgeRequest, auth: SigV4Auth, secret: string, errorCode = 'InvalidSignatureException', status = 403, signedPayloadHash?: string): void {
  // A presigned URL signs UNSIGNED-PAYLOAD unless its service says otherwise (AWS IoT's WebSocket URL signs the empty body's hash).
  const payloadHash = signedPayloadHash ?? (auth.presigned ? 'UNSIGNED-PAYLOAD' : (req.headers['x-amz-content-sha256'] ?? createHash('sha256').update(req.body).digest('hex')));
  // Over HTTP/2 the SDK signs the `:authority` pseudo-header, which the edge keeps as `host`.
  const value = (h: string) => (h === ':authority' ? req.headers.host : req.headers[h]) ?? '';
  const headers = auth.signedHeaders.map((h) => `${h}:${value(h).trim().replace(/\s+/g, ' ')}\n`).join('');
  const canonical = [req.method, canonicalPath(req, auth.service), canonicalQuery(req), headers, auth.signedHeaders.join(';'), payloadHash].join('\n');
  const amzDate = req.headers['x-amz-date'] ?? req.query.get('X-Amz-Date') ?? '';
  const scope = `${auth.date}/${auth.region}/${auth.service}/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, createHash('sha256').update(canonical).digest('hex')].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${secret}`, auth.date), auth.region), auth.service), 'aws4_request');
  const expected = createHmac('sha256', key).update(toSign).digest('hex');
  if (expected !== auth.signature) {
    throw new ServiceError(
      errorCode,
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
      status,
    );
  }
}

const QUERY_AUTH_PARAMS = ['X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Signature', 'X-Amz-SignedHeaders', 'X-Amz-Date'];

/**
 * Whether the request carries authentication at all, checked as AWS's JSON services check it before
 * any signature maths: none at all, both a header and a presigned query, or a header or query that
 * lacks parts. The errors are 400s in the JSON protocols. Undefined when the request may go on.
 */
export function authenticationProblem(req: EdgeRequest): ServiceError | undefined {
  const header = req.headers['authorization'];
  const presigned = req.query.has('X-Amz-Algorithm');
  if (header !== undefined && presigned) {
    return new ServiceError('InvalidSignatureException', "Found both 'X-Amz-Algorithm' as a query-string param and 'Authorization' as HTTP header.", 400);
  }
  if (presigned) {
    const missing = QUERY_AUTH_PARAMS.filter((p) => !req.query.get(p));
    if (missing.length === 0) return undefined;
    const parts = missing.map((p) => `AWS query-string parameters must include '${p}'.`);
    return new ServiceError('IncompleteSignatureException', `${parts.join(' ')} Re-examine the query-string parameters.`, 400);
  }
  if (header === undefined) return new ServiceError('MissingAuthenticationTokenException', 'Missing Authentication Token', 400);
  const parts = ['Credential', 'Signature', 'SignedHeaders']
    .filter((p) => !new RegExp(`\\b${p}=`).test(header))
    .map((p) => `Authorization header requires '${p}' parameter.`);
  if (req.headers['x-amz-date'] === undefined && req.headers['date'] === undefined) parts.push("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
  if (parts.length === 0) return undefined;
  return new ServiceError('IncompleteSignatureException', `${parts.join(' ')} Authorization=${header}`, 400);
}
