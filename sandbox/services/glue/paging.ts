// Glue's NextToken: opaque base64 of the sort key the page ended at. A page holds MaxResults items (the
// operation's default when absent); NextToken is absent on the last page.

import { invalidNextToken } from './errors.js';

export function page<T>(items: T[], keyOf: (item: T) => string, maxResults: number, nextToken: string | undefined): { items: T[]; NextToken?: string } {
  let start = 0;
  if (nextToken) {
    let after: unknown;
    try {
      after = (JSON.parse(Buffer.from(nextToken, 'base64').toString('utf8')) as { after?: unknown }).after;
    } catch {
      throw invalidNextToken();
    }
    if (typeof after !== 'string') throw invalidNextToken();
    start = items.findIndex((item) => keyOf(item) > after);
    if (start < 0) start = items.length;
  }
  const slice = items.slice(start, start + maxResults);
  const more = start + maxResults < items.length;
  return { items: slice, NextToken: more ? Buffer.from(JSON.stringify({ after: keyOf(slice[slice.length - 1]) })).toString('base64') : undefined };
}
