// Small pieces every S3 handler needs: the caller's bucket, the XML body, numeric query parameters,
// the owner element, and refusing subresources (?acl, ?versioning...) the sandbox does not serve.

import { createHash } from 'node:crypto';
import type { RequestContext } from '../../edge/context.js';
import { parseXml } from '../../protocols/xml.js';
import { invalidArgument, malformedXml, notImplemented } from './errors.js';
import { s3Store, type Bucket } from './store.js';

/** The caller's bucket, or NoSuchBucket / AccessDenied. */
export function callerBucket(ctx: RequestContext, name: string): Bucket {
  return s3Store(ctx.sandbox).bucket(name, ctx.accountId);
}

/** The XML request body's root element content, or MalformedXML. */
export function xmlBody(body: Buffer, root: string): Record<string, unknown> {
  let doc: Record<string, unknown> | undefined;
  try {
    doc = parseXml(body);
  } catch {
    throw malformedXml();
  }
  const content = doc?.[root];
  if (content === undefined) throw malformedXml();
  return content === '' ? {} : (content as Record<string, unknown>);
}

/** A non-negative integer query parameter capped at `max`, or InvalidArgument with AWS's wording. */
export function maxParameter(ctx: RequestContext, name: string, max: number): number {
  const raw = ctx.http.query.get(name);
  if (raw === null) return max;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(n) || n > 2147483647) {
    throw invalidArgument(`Provided ${name} not an integer or within integer range`, name, raw);
  }
  return Math.min(n, max);
}

/** `encoding-type`: only `url` exists. */
export function encodingType(ctx: RequestContext): 'url' | undefined {
  const raw = ctx.http.query.get('encoding-type');
  if (raw === null) return undefined;
  if (raw.toLowerCase() !== 'url') throw invalidArgument('Invalid Encoding Method specified in Request', 'encoding-type', raw);
  return 'url';
}

/** The account's canonical user, as S3 names owners. */
export function ownerOf(accountId: string): { ID: string; DisplayName: string } {
  return { ID: createHash('sha256').update(`s3-owner:${accountId}`).digest('hex'), DisplayName: `account-${accountId}` };
}

/** Subresources S3 has that this sandbox does not serve: a request naming one must not fall through to a plain GET/PUT. */
const SUBRESOURCES = [
  'accelerate', 'acl', 'analytics', 'attributes', 'cors', 'encryption', 'intelligent-tiering', 'inventory', 'legal-hold', 'lifecycle',
  'logging', 'metrics', 'notification', 'object-lock', 'ownershipControls', 'policy', 'policyStatus', 'publicAccessBlock', 'replication',
  'requestPayment', 'restore', 'retention', 'select', 'torrent', 'versioning', 'versions', 'website', 'tagging', 'renameObject', 'metadataTable',
];

export function refuseSubresources(ctx: RequestContext): void {
  for (const name of SUBRESOURCES) if (ctx.http.query.has(name)) throw notImplemented();
}
