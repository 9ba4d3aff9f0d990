// NextToken for Athena's listings: an opaque token carrying the position to continue from.

import { invalidToken } from './errors.js';

export function encodeToken(position: number, scope: string): string {
  return Buffer.from(JSON.stringify({ p: position, s: scope })).toString('base64');
}

/** The position a token continues from (0 without a token); throws InvalidRequestException for a token of another listing. */
export function decodeToken(token: string | undefined, scope: string): number {
  if (token === undefined) return 0;
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as { p?: unknown; s?: unknown };
    if (typeof parsed.p === 'number' && Number.isInteger(parsed.p) && parsed.p >= 0 && parsed.s === scope) return parsed.p;
  } catch {
    // fall through
  }
  throw invalidToken();
}

/** One page of `items` from `token`, with the token of the next page when there is one. */
export function page<T>(items: T[], token: string | undefined, max: number, scope: string): { items: T[]; next?: string } {
  const start = decodeToken(token, scope);
  const slice = items.slice(start, start + max);
  return { items: slice, next: start + max < items.length ? encodeToken(start + max, scope) : undefined };
}
