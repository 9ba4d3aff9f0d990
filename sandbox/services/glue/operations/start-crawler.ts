// StartCrawler: starts a crawl (State RUNNING at once; the background work crawls and ends it), or
// CrawlerRunningException when one is under way.

import { defineOperation } from '../../definition.js';
import { struct } from '../../../protocols/shapes.js';
import { nameString } from '../shapes.js';
import { crawlers } from '../store.js';
import { crawlerNotFound, crawlerRunning } from '../errors.js';
import { crawlerEngine } from '../crawler/engine.js';

const input = struct({ Name: nameString(true) });

export const startCrawler = defineOperation<{ Name: string }>({
  name: 'StartCrawler',
  input,
  handler(input, ctx) {
    const crawler = crawlers(ctx.sandbox, ctx).get(input.Name);
    if (!crawler) throw crawlerNotFound(input.Name);
    if (crawler.State !== 'READY') throw crawlerRunning(input.Name);
    crawlerEngine(ctx.sandbox).start(ctx, crawler);
    return {};
  },
});
