// Certificates: lookup by id or ARN, and the principals (certificate ARNs) other operations name.

import type { RequestContext } from '../../edge/context.js';
import { certificateNotFound, principalNotFound } from './errors.js';
import { certificates, type CertificateRecord } from './store.js';

const CERT_ARN = /^arn:aws:iot:([\w-]+):(\d{12}):cert\/([a-fA-F0-9]{64})$/;

export function requireCertificate(ctx: RequestContext, certificateId: string): CertificateRecord {
  const cert = certificates(ctx.sandbox, ctx).get(certificateId.replace(/^0x/, '').toLowerCase());
  if (!cert) throw certificateNotFound(certificateId);
  return cert;
}

/** The certificate a principal ARN names in the caller's account and region, if any. */
export function certificateOfPrincipal(ctx: RequestContext, principal: string): CertificateRecord | undefined {
  const m = CERT_ARN.exec(principal);
  if (!m || m[1] !== ctx.region || m[2] !== ctx.accountId) return undefined;
  return certificates(ctx.sandbox, ctx).get(m[3].toLowerCase());
}

export function requirePrincipal(ctx: RequestContext, principal: string): CertificateRecord {
  const cert = certificateOfPrincipal(ctx, principal);
  if (!cert) throw principalNotFound(principal);
  return cert;
}
