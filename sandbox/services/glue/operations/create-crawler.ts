// CreateCrawler: a crawler of S3 targets writing to a database, acting as a role Glue can assume.

import { defineOperation } from '../../definition.js';
import { struct } from '../../../protocols/shapes.js';
import { crawlerSettings, crawlerTargets, nameString, tagsMap } from '../shapes.js';
import { crawlers } from '../store.js';
import { crawlerExists } from '../errors.js';
import { applySettings, type CrawlerSettingsInput } from '../crawler/config.js';

const input = struct({ Name: nameString(true), ...crawlerSettings, Role: { ...crawlerSettings.Role, required: true }, Targets: crawlerTargets(true), Tags: tagsMap() });

export const createCrawler = defineOperation<CrawlerSettingsInput & { Name: string; Tags?: Record<string, string> }>({
  name: 'CreateCrawler',
  input,
  handler(input, ctx) {
    const table = crawlers(ctx.sandbox, ctx);
    if (table.has(input.Name)) throw crawlerExists(input.Name);
    const record = applySettings(ctx.sandbox, ctx, input.Name, input, ctx.clock.now());
    table.set(input.Name, { ...record, tags: input.Tags ?? {} });
    return {};
  },
});
