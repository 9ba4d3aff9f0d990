// Where an invoke request points: `/restapis/{apiId}/{stage}/_user_request_/{path}` on the sandbox's
// port, or the AWS-like host form `{apiId}.execute-api.localhost:<port>/{stage}/{path}`.

import type { EdgeRequest } from '../../../edge/http-types.js';

export interface InvokeTarget {
  apiId: string;
  stageName: string;
  /** The path after the stage, still percent-encoded, always starting with `/`. */
  rawPath: string;
}

const USER_REQUEST = /^\/restapis\/([^/]+)\/([^/]+)\/_user_request_(\/.*)?$/;
const EXECUTE_API_HOST = /^([a-z0-9]+)\.execute-api\.localhost(?::\d+)?$/i;

export function invokeTarget(req: EdgeRequest): InvokeTarget | undefined {
  const m = USER_REQUEST.exec(req.rawPath);
  if (m) return { apiId: m[1], stageName: m[2], rawPath: m[3] || '/' };
  const host = EXECUTE_API_HOST.exec(req.headers.host ?? '');
  if (!host) return undefined;
  const [, stageName = '', rest] = /^\/([^/]*)(\/.*)?$/.exec(req.rawPath) ?? [];
  return { apiId: host[1].toLowerCase(), stageName, rawPath: rest || '/' };
}

/** The URL a deployed stage is invoked at. */
export function invokeUrl(endpoint: string, apiId: string, stageName: string): string {
  return `${endpoint}/restapis/${apiId}/${stageName}/_user_request_/`;
}
