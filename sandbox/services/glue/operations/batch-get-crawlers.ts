// BatchGetCrawlers: up to 100 crawlers by name; names that are not crawlers come back in CrawlersNotFound.

import { defineOperation } from '../../definition.js';
import { list, struct } from '../../../protocols/shapes.js';
import { nameString } from '../shapes.js';
import { crawlers } from '../store.js';
import { crawlerView } from '../crawler/config.js';

const input = struct({ CrawlerNames: list(nameString(), { required: true, min: 0, max: 100 }) });

export const batchGetCrawlers = defineOperation<{ CrawlerNames: string[] }>({
  name: 'BatchGetCrawlers',
  input,
  handler(input, ctx) {
    const table = crawlers(ctx.sandbox, ctx);
    const now = ctx.clock.now();
    const found = input.CrawlerNames.map((n) => table.get(n)).filter((c) => c !== undefined);
    return { Crawlers: found.map((c) => crawlerView(c, now)), CrawlersNotFound: input.CrawlerNames.filter((n) => !table.has(n)) };
  },
});
