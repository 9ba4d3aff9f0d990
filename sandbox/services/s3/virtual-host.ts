// Virtual-hosted-style addressing: `<bucket>.localhost:<port>/<key>` (or `<bucket>.s3.amazonaws.com`,
// `<bucket>.s3.<region>.amazonaws.com`) is rewritten to the path style `/<bucket>/<key>` before routing.

import type { EdgeRequest } from '../../edge/http-types.js';

const VIRTUAL_HOST = /^([a-z0-9][a-z0-9.-]*?)\.(?:s3(?:[.-][a-z0-9-]+)?\.amazonaws\.com|(?:s3\.)?localhost(?:\.localstack\.cloud)?)$/;

export function bucketFromHost(host: string | undefined): string | undefined {
  if (!host) return undefined;
  const name = host.replace(/:\d+$/, '').toLowerCase();
  const m = VIRTUAL_HOST.exec(name);
  // `s3.localhost` and `s3.<region>.amazonaws.com` themselves are path-style endpoints.
  if (!m || m[1] === 's3') return undefined;
  return m[1];
}

export function virtualHostToPath(req: EdgeRequest): EdgeRequest {
  const bucket = bucketFromHost(req.headers.host);
  if (!bucket) return req;
  return { ...req, rawPath: `/${bucket}${req.rawPath.startsWith('/') ? req.rawPath : `/${req.rawPath}`}` };
}
