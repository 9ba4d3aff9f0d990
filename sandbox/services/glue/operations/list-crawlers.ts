// ListCrawlers: crawler names in order, optionally only those carrying every tag given, 100 a page by default.

import { defineOperation } from '../../definition.js';
import { int, struct } from '../../../protocols/shapes.js';
import { tagsMap, token } from '../shapes.js';
import { crawlers } from '../store.js';
import { page } from '../paging.js';

const input = struct({ MaxResults: int({ min: 1, max: 1000 }), NextToken: token, Tags: tagsMap() });

export const listCrawlers = defineOperation<{ MaxResults?: number; NextToken?: string; Tags?: Record<string, string> }>({
  name: 'ListCrawlers',
  input,
  handler(input, ctx) {
    const wanted = Object.entries(input.Tags ?? {});
    const names = crawlers(ctx.sandbox, ctx)
      .values()
      .filter((c) => wanted.every(([k, v]) => c.tags[k] === v))
      .map((c) => c.Name)
      .sort();
    const { items, NextToken } = page(names, (n) => n, input.MaxResults ?? 100, input.NextToken);
    return { CrawlerNames: items, NextToken };
  },
});
