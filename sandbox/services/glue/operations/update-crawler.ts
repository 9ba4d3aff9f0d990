// UpdateCrawler: changes the settings it names (Version goes up); refused while the crawler runs.

import { defineOperation } from '../../definition.js';
import { struct } from '../../../protocols/shapes.js';
import { crawlerSettings, crawlerTargets, nameString } from '../shapes.js';
import { crawlers } from '../store.js';
import { crawlerEntryNotFound, crawlerRunningNoUpdate } from '../errors.js';
import { applySettings, type CrawlerSettingsInput } from '../crawler/config.js';

const input = struct({ Name: nameString(true), ...crawlerSettings, Targets: crawlerTargets() });

export const updateCrawler = defineOperation<CrawlerSettingsInput & { Name: string }>({
  name: 'UpdateCrawler',
  input,
  handler(input, ctx) {
    const table = crawlers(ctx.sandbox, ctx);
    const current = table.get(input.Name);
    if (!current) throw crawlerEntryNotFound(input.Name);
    if (current.State !== 'READY') throw crawlerRunningNoUpdate();
    table.set(input.Name, applySettings(ctx.sandbox, ctx, input.Name, input, ctx.clock.now(), current));
    return {};
  },
});
