// The tagging operations name a table by ARN; dynalite only reads the name from it, so the account
// and region in the ARN are checked here against the caller's.

import type { RequestContext } from '../../edge/context.js';
import { notAuthorized, resourceArnNotFound } from './errors.js';

const TABLE_ARN = /^arn:aws:dynamodb:([^:]+):(\d{12}):table\/[^/]+$/;

/** Throws as AWS does when a well-formed table ARN points outside the caller's account or region. */
export function checkTableArnOwner(input: unknown, ctx: RequestContext, action: string): void {
  const arn = (input as { ResourceArn?: unknown } | undefined)?.ResourceArn;
  if (typeof arn !== 'string') return;
  const match = TABLE_ARN.exec(arn);
  if (!match) return; // dynalite reports malformed ARNs in AWS's words
  const [, region, accountId] = match;
  if (accountId !== ctx.accountId) throw notAuthorized(callerArn(ctx), action, arn);
  if (region !== ctx.region) throw resourceArnNotFound(arn);
}

function callerArn(ctx: RequestContext): string {
  const session = ctx.sandbox.apis.sts?.sessionForAccessKey(ctx.accessKeyId);
  return session
    ? `arn:aws:sts::${session.accountId}:assumed-role/${session.roleName}/${session.sessionName}`
    : `arn:aws:iam::${ctx.accountId}:root`;
}
