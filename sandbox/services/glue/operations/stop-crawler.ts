// StopCrawler: a running crawler becomes STOPPING, then READY with LastCrawl CANCELLED.

import { defineOperation } from '../../definition.js';
import { struct } from '../../../protocols/shapes.js';
import { nameString } from '../shapes.js';
import { crawlers } from '../store.js';
import { crawlerNotFound, crawlerNotRunning, crawlerStopping } from '../errors.js';

const input = struct({ Name: nameString(true) });

export const stopCrawler = defineOperation<{ Name: string }>({
  name: 'StopCrawler',
  input,
  readOnly: false,
  handler(input, ctx) {
    const table = crawlers(ctx.sandbox, ctx);
    const crawler = table.get(input.Name);
    if (!crawler) throw crawlerNotFound(input.Name);
    if (crawler.State === 'READY') throw crawlerNotRunning(input.Name);
    if (crawler.State === 'STOPPING') throw crawlerStopping(input.Name);
    table.set(input.Name, { ...crawler, State: 'STOPPING', ...(crawler.run ? { run: { ...crawler.run, stoppedAt: ctx.clock.now() } } : {}) });
    return {};
  },
});
