// ListStreams: names and summaries in name order, paged by Limit with ExclusiveStartStreamName or NextToken.

import { defineOperation } from '../../definition.js';
import { int, str, struct } from '../../../protocols/shapes.js';
import { statusOf, streamTable } from '../store.js';
import { streamName } from '../shapes.js';
import { streamSummary } from '../views.js';
import { decodeToken, encodeToken } from '../next-token.js';

const MAX_PAGE = 100;

const input = struct({ Limit: int({ min: 1, max: 10000 }), ExclusiveStartStreamName: streamName(), NextToken: str({ min: 1, max: 1048576 }) });

export const listStreams = defineOperation<{ Limit?: number; ExclusiveStartStreamName?: string; NextToken?: string }>({
  name: 'ListStreams',
  input,
  handler(input, ctx) {
    const now = ctx.clock.now();
    const after = input.NextToken ? decodeToken(input.NextToken, now).after : input.ExclusiveStartStreamName;
    const streams = streamTable(ctx.sandbox, ctx)
      .values()
      .filter((s) => statusOf(s, ctx.sandbox, now) !== undefined && (after === undefined || s.name > after))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const limit = Math.min(input.Limit ?? MAX_PAGE, MAX_PAGE);
    const page = streams.slice(0, limit);
    const more = streams.length > limit;
    return {
      StreamNames: page.map((s) => s.name),
      HasMoreStreams: more,
      NextToken: more ? encodeToken({ after: page[page.length - 1].name, issuedAt: now }) : undefined,
      StreamSummaries: page.map((s) => streamSummary(s, ctx.sandbox, now)),
    };
  },
});
