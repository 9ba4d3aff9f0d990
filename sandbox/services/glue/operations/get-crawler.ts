// GetCrawler: a crawler's settings, State (READY, RUNNING, STOPPING), CrawlElapsedTime and LastCrawl.

import { defineOperation } from '../../definition.js';
import { struct } from '../../../protocols/shapes.js';
import { nameString } from '../shapes.js';
import { crawlers } from '../store.js';
import { crawlerEntryNotFound } from '../errors.js';
import { crawlerView } from '../crawler/config.js';

const input = struct({ Name: nameString(true) });

export const getCrawler = defineOperation<{ Name: string }>({
  name: 'GetCrawler',
  input,
  handler(input, ctx) {
    const crawler = crawlers(ctx.sandbox, ctx).get(input.Name);
    if (!crawler) throw crawlerEntryNotFound(input.Name);
    return { Crawler: crawlerView(crawler, ctx.clock.now()) };
  },
});
