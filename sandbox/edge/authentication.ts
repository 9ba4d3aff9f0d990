// Who may reach a service at all, checked as AWS's front doors check it before any operation runs: a
// SigV4 signature must be there (header or presigned query), its credential scope must name a real
// region, and with --verify-signatures it must be right, fresh (15 minutes of skew either way) and, for
// a presigned URL, not expired. Each protocol answers with the error its AWS services give.

import { createHash } from 'node:crypto';
import { isRegionName } from '../../aws-facts/regions.js';
import { ServiceError } from '../protocols/errors.js';
import type { EdgeRequest } from './http-types.js';
import { verifySigV4, type SigV4Auth } from './sigv4.js';
import { amzDate, fromAmzDate, isoSeconds } from './amz-date.js';

/** How far a request's X-Amz-Date may be from the server's time (AWS: 15 minutes). */
export const MAX_SKEW_MS = 15 * 60 * 1000;
/** The longest a presigned URL may live (AWS: 7 days). */
export const MAX_PRESIGNED_SECONDS = 604_800;

/** The families of front doors: their errors differ, their rules do not. */
export type AuthFamily = 'json' | 'query' | 's3' | 'restJson';

export function authFamily(codecName: string, serviceName: string): AuthFamily {
  if (serviceName === 's3') return 's3';
  if (codecName === 'awsQuery' || codecName === 'restXml') return 'query';
  if (codecName === 'restJson1') return 'restJson';
  return 'json';
}

/** The signature error of each family: its code and status. */
const SIGNATURE_ERROR: Record<AuthFamily, [string, number]> = {
  json: ['InvalidSignatureException', 400],
  query: ['SignatureDoesNotMatch', 403],
  s3: ['SignatureDoesNotMatch', 403],
  restJson: ['InvalidSignatureException', 403],
};

const signatureError = (family: AuthFamily, message: string) => new ServiceError(SIGNATURE_ERROR[family][0], message, SIGNATURE_ERROR[family][1]);

/**
 * The refusal of a request that carries no signature: what IAM, STS and CloudWatch's query API, S3 and
 * the REST JSON services answer. (The awsJson services answer once the body reads: sigv4.ts's
 * authenticationProblem.) Undefined when the request is signed.
 */
export function missingSignature(auth: SigV4Auth | undefined, family: AuthFamily): ServiceError | undefined {
  if (auth) return undefined;
  if (family === 's3') return new ServiceError('AccessDenied', 'Access Denied', 403);
  if (family === 'query') return new ServiceError('MissingAuthenticationToken', 'Request is missing Authentication Token', 403);
  if (family === 'restJson') return new ServiceError('MissingAuthenticationTokenException', 'Missing Authentication Token', 403);
  return undefined;
}

/** A credential scope whose region is not a region name (`..`, `x y`) is refused before anything uses it. */
export function scopeProblem(auth: SigV4Auth, family: AuthFamily): ServiceError | undefined {
  if (isRegionName(auth.region)) return undefined;
  if (family === 's3') return new ServiceError('AuthorizationHeaderMalformed', 'The authorization header is malformed; Invalid region: region was not a valid DNS name.', 400);
  return signatureError(family, 'Credential should be scoped to a valid region. ');
}

/** The request's signing time: X-Amz-Date (header or query), else an HTTP Date header. NaN when unreadable. */
function signingTime(req: EdgeRequest): { text: string; ms: number } {
  const text = req.headers['x-amz-date'] ?? req.query.get('X-Amz-Date') ?? req.headers['date'] ?? '';
  const ms = /^\d{8}T\d{6}Z$/.test(text) ? fromAmzDate(text) : Date.parse(text);
  return { text, ms };
}

/** A header-signed request more than 15 minutes from `now`, either way, is refused as AWS refuses it. */
function skewProblem(req: EdgeRequest, family: AuthFamily, now: number): ServiceError | undefined {
  const { text, ms } = signingTime(req);
  if (!Number.isFinite(ms) || Math.abs(ms - now) <= MAX_SKEW_MS) return undefined;
  if (family === 's3') {
    return new ServiceError('RequestTimeTooSkewed', 'The difference between the request time and the current time is too large.', 403, {
      RequestTime: text,
      ServerTime: isoSeconds(now),
      MaxAllowedSkewMilliseconds: String(MAX_SKEW_MS),
    });
  }
  return ms < now
    ? signatureError(family, `Signature expired: ${text} is now earlier than ${amzDate(now - MAX_SKEW_MS)} (${amzDate(now)} - 15 min.)`)
    : signatureError(family, `Signature not yet current: ${text} is still later than ${amzDate(now + MAX_SKEW_MS)} (${amzDate(now)} + 15 min.)`);
}

/** A presigned URL lives X-Amz-Expires seconds (at most 7 days) from its X-Amz-Date. */
function expiryProblem(req: EdgeRequest, family: AuthFamily, now: number): ServiceError | undefined {
  const expires = req.query.get('X-Amz-Expires');
  if (expires === null) return undefined;
  const parameterError = (message: string) =>
    family === 's3' ? new ServiceError('AuthorizationQueryParametersError', message, 400) : signatureError(family, message);
  if (!/^-?\d+$/.test(expires)) return parameterError('X-Amz-Expires should be a number');
  const seconds = Number(expires);
  if (seconds < 0) return parameterError('X-Amz-Expires must be non-negative');
  if (seconds > MAX_PRESIGNED_SECONDS) return parameterError(`X-Amz-Expires must be less than a week (in seconds) that is ${MAX_PRESIGNED_SECONDS}`);
  const { text, ms } = signingTime(req);
  if (!Number.isFinite(ms)) return undefined;
  const expiry = ms + seconds * 1000;
  if (now <= expiry) return undefined;
  if (family === 's3') return new ServiceError('AccessDenied', 'Request has expired', 403, { 'X-Amz-Expires': expires, Expires: isoSeconds(expiry), ServerTime: isoSeconds(now) });
  return signatureError(family, `Signature expired: ${text} is now earlier than ${amzDate(now - seconds * 1000)} (${amzDate(now)} - ${seconds} sec.)`);
}

/**
 * --verify-signatures: the signature must be the one `secret` makes, over the body actually received
 * (every service but S3 hashes the body itself, so a body swapped under a signed x-amz-content-sha256
 * breaks the signature; S3 signs the header's value and checks the body against it when it stores it),
 * made within 15 minutes of `now`, and a presigned URL must not have expired.
 */
export function verifyRequest(req: EdgeRequest, auth: SigV4Auth, secret: string, family: AuthFamily, now: number): void {
  const timing = auth.presigned ? expiryProblem(req, family, now) : skewProblem(req, family, now);
  if (timing) throw timing;
  const [code, status] = SIGNATURE_ERROR[family];
  const bodyHash = family === 's3' || auth.presigned ? undefined : createHash('sha256').update(req.body).digest('hex');
  verifySigV4(req, auth, secret, code, status, bodyHash);
}
