// GetCrawlers: every crawler in name order, 100 a page by default.

import { defineOperation } from '../../definition.js';
import { int, struct } from '../../../protocols/shapes.js';
import { token } from '../shapes.js';
import { crawlers } from '../store.js';
import { crawlerView } from '../crawler/config.js';
import { page } from '../paging.js';

const input = struct({ MaxResults: int({ min: 1, max: 1000 }), NextToken: token });

export const getCrawlers = defineOperation<{ MaxResults?: number; NextToken?: string }>({
  name: 'GetCrawlers',
  input,
  handler(input, ctx) {
    const all = crawlers(ctx.sandbox, ctx)
      .values()
      .sort((a, b) => (a.Name < b.Name ? -1 : 1));
    const { items, NextToken } = page(all, (c) => c.Name, input.MaxResults ?? 100, input.NextToken);
    const now = ctx.clock.now();
    return { Crawlers: items.map((c) => crawlerView(c, now)), NextToken };
  },
});
