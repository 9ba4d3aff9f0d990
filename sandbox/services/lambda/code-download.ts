// GetFunction's Code.Location: as in AWS, a presigned URL that expires 10 minutes after GetFunction
// handed it out. The sandbox signs it with a secret of its own and checks signature and expiry when the
// URL is fetched, answering as S3 answers a presigned GET (403 AccessDenied "Request has expired",
// SignatureDoesNotMatch, AccessDenied without a signature).

import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { EdgeRequest, EdgeResponse } from '../../edge/http-types.js';
import type { Sandbox } from '../../sandbox.js';
import { readCode } from './code.js';
import { amzDate, fromAmzDate, isoSeconds } from '../../edge/amz-date.js';
import { functions, type FunctionRecord } from './store.js';

/** How long a Code.Location stays valid (AWS: 10 minutes). */
export const CODE_LOCATION_SECONDS = 600;

const secrets = new WeakMap<Sandbox, Buffer>();

function secretOf(sandbox: Sandbox): Buffer {
  let secret = secrets.get(sandbox);
  if (!secret) {
    secret = randomBytes(32);
    secrets.set(sandbox, secret);
  }
  return secret;
}

function signature(sandbox: Sandbox, path: string, date: string, expires: string): string {
  return createHmac('sha256', secretOf(sandbox)).update(`${path}\n${date}\n${expires}`).digest('hex');
}

function s3Error(code: string, message: string, extra: Record<string, string> = {}): EdgeResponse {
  const fields = Object.entries({ Code: code, Message: message, ...extra, RequestId: randomUUID().replace(/-/g, '').slice(0, 16).toUpperCase() })
    .map(([k, v]) => `<${k}>${v}</${k}>`)
    .join('');
  return { status: 403, headers: { 'content-type': 'application/xml' }, body: `<?xml version="1.0" encoding="UTF-8"?>\n<Error>${fields}</Error>` };
}

function serve(sandbox: Sandbox, req: EdgeRequest, path: string, accountId: string, region: string, name: string): EdgeResponse {
  const date = req.query.get('X-Amz-Date');
  const expires = req.query.get('X-Amz-Expires');
  const given = req.query.get('X-Amz-Signature');
  if (!date || !expires || !given) return s3Error('AccessDenied', 'Access Denied');
  const expected = Buffer.from(signature(sandbox, path, date, expires));
  if (given.length !== expected.length || !timingSafeEqual(Buffer.from(given), expected)) {
    return s3Error('SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided. Check your key and signing method.');
  }
  const now = sandbox.clock.now();
  const expiry = fromAmzDate(date) + Number(expires) * 1000;
  if (!(now <= expiry)) return s3Error('AccessDenied', 'Request has expired', { 'X-Amz-Expires': expires, Expires: isoSeconds(expiry), ServerTime: isoSeconds(now) });
  const current = functions(sandbox, { accountId, region }).get(name);
  if (!current) return { status: 404, headers: { 'content-type': 'application/xml' }, body: '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>' };
  return { status: 200, headers: { 'content-type': 'application/zip' }, body: readCode(sandbox, current) };
}

/** A presigned URL for the function's current zip, valid for CODE_LOCATION_SECONDS from now (the sandbox's clock). */
export function codeDownloadUrl(sandbox: Sandbox, fn: FunctionRecord): string {
  const [, , , region, accountId] = fn.FunctionArn.split(':');
  const path = `/_sandbox/lambda/code/${accountId}/${region}/${fn.FunctionName}.zip`;
  if (!sandbox.adminRoutes.has(path)) sandbox.adminRoutes.set(path, (req) => serve(sandbox, req, path, accountId, region, fn.FunctionName));
  const date = amzDate(sandbox.clock.now());
  const expires = String(CODE_LOCATION_SECONDS);
  const query = new URLSearchParams({
    'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
    'X-Amz-Date': date,
    'X-Amz-Expires': expires,
    'X-Amz-SignedHeaders': 'host',
    'X-Amz-Signature': signature(sandbox, path, date, expires),
  });
  return `${sandbox.endpoint}${path}?${query}`;
}
