// What CloudWatch Logs' operations share: name shapes, finding the group a request names (by name
// or ARN), and cursor tokens for the Describe operations.

import type { RequestContext } from '../../edge/context.js';
import { str } from '../../protocols/shapes.js';
import { logGroups, logStreams, streamKey, type LogGroup, type LogStream } from './store.js';
import { groupNotFound, groupRequired, invalidArn, invalidToken, nameAndIdentifier, streamNotFound } from './errors.js';

export const groupName = (required = false) => str({ required, min: 1, max: 512, pattern: '[\\.\\-_/#A-Za-z0-9]+' });
export const groupIdentifier = () => str({ min: 1, max: 2048, pattern: '[\\w#+=/:,.@-]*' });
export const streamName = (required = false) => str({ required, min: 1, max: 512, pattern: '[^:*]*' });

export const groupArn = (ctx: Pick<RequestContext, 'accountId' | 'region'>, name: string) => `arn:aws:logs:${ctx.region}:${ctx.accountId}:log-group:${name}`;

const GROUP_ARN = /^arn:aws[\w-]*:logs:[^:]*:\d{12}:log-group:([^:]+)(?::\*)?$/;

/** The group name in a log group ARN (with or without the trailing `:*`), or undefined. */
export function nameFromArn(arn: string): string | undefined {
  return GROUP_ARN.exec(arn)?.[1];
}

/** The group a request names with logGroupName or logGroupIdentifier (a name or an ARN). */
export function findGroup(ctx: RequestContext, input: { logGroupName?: string; logGroupIdentifier?: string }): LogGroup {
  if (input.logGroupName !== undefined && input.logGroupIdentifier !== undefined) throw nameAndIdentifier();
  const id = input.logGroupName ?? input.logGroupIdentifier;
  if (id === undefined) throw groupRequired();
  const name = id.startsWith('arn:') ? nameFromArn(id) : id;
  const group = name === undefined ? undefined : logGroups(ctx.sandbox, ctx).get(name);
  if (!group) throw groupNotFound();
  return group;
}

export function findStream(ctx: RequestContext, group: string, stream: string): LogStream {
  const found = logStreams(ctx.sandbox, ctx).get(streamKey(group, stream));
  if (!found) throw streamNotFound();
  return found;
}

/** A page of `items` (sorted by `key`) after the cursor `token`, and the token of the next page. */
export function pageAfter<T>(items: T[], key: (item: T) => string, token: string | undefined, limit: number, descending = false): { page: T[]; nextToken?: string } {
  let from = 0;
  if (token !== undefined) {
    let after: string;
    try {
      after = Buffer.from(token, 'base64url').toString('utf8');
    } catch {
      throw invalidToken();
    }
    if (!after.startsWith('c:')) throw invalidToken();
    after = after.slice(2);
    from = items.findIndex((item) => (descending ? key(item) < after : key(item) > after));
    if (from < 0) from = items.length;
  }
  const page = items.slice(from, from + limit);
  const more = from + limit < items.length;
  return { page, nextToken: more ? Buffer.from('c:' + key(page[page.length - 1])).toString('base64url') : undefined };
}

export const resourceArn = () => str({ required: true, min: 1, max: 1011, pattern: '[\\w+=/:,.@-]*' });

/** The log group a tagging request's ARN names. */
export function groupByArn(ctx: RequestContext, arn: string): LogGroup {
  const name = nameFromArn(arn);
  if (name === undefined) throw invalidArn(arn);
  const group = logGroups(ctx.sandbox, ctx).get(name);
  if (!group) throw groupNotFound();
  return group;
}
