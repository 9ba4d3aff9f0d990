// GetCrawlerMetrics: for the crawlers named (or all), the last crawl's table counts, run times and, while
// one runs, the time it may still take. Names that are not crawlers are left out.

import { defineOperation } from '../../definition.js';
import { int, list, struct } from '../../../protocols/shapes.js';
import { nameString, token } from '../shapes.js';
import { crawlers } from '../store.js';
import { crawlerMetrics } from '../crawler/config.js';
import { page } from '../paging.js';

const input = struct({ CrawlerNameList: list(nameString(), { min: 0, max: 100 }), MaxResults: int({ min: 1, max: 1000 }), NextToken: token });

export const getCrawlerMetrics = defineOperation<{ CrawlerNameList?: string[]; MaxResults?: number; NextToken?: string }>({
  name: 'GetCrawlerMetrics',
  input,
  handler(input, ctx) {
    const wanted = input.CrawlerNameList?.length ? new Set(input.CrawlerNameList) : undefined;
    const all = crawlers(ctx.sandbox, ctx)
      .values()
      .filter((c) => !wanted || wanted.has(c.Name))
      .sort((a, b) => (a.Name < b.Name ? -1 : 1));
    const { items, NextToken } = page(all, (c) => c.Name, input.MaxResults ?? 100, input.NextToken);
    const now = ctx.clock.now();
    return { CrawlerMetricsList: items.map((c) => crawlerMetrics(c, now)), NextToken };
  },
});
