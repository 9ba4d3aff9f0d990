// What a handler knows about the request it serves: who (account), where (region), which request,
// what time it is, and the sandbox it runs in (state, settings, the other services).

import type { Clock } from './clock.js';
import type { EdgeRequest } from './http-types.js';
import type { Sandbox } from '../sandbox.js';

export interface RequestContext {
  accountId: string;
  region: string;
  requestId: string;
  clock: Clock;
  /** The access key the request was signed with (STS echoes it; AssumeRole issues new ones). */
  accessKeyId: string;
  /** The raw request, for the few handlers that need headers or bytes the codec does not map. */
  http: EdgeRequest;
  sandbox: Sandbox;
}

/** Account, region and clock of a context: what in-process calls between services need. */
export type Principal = Pick<RequestContext, 'accountId' | 'region' | 'clock'>;

export function arn(service: string, ctx: Pick<RequestContext, 'accountId' | 'region'>, resource: string, { global = false } = {}): string {
  return `arn:aws:${service}:${global ? '' : ctx.region}:${ctx.accountId}:${resource}`;
}
