// DeleteCrawler: removes a crawler that is not running (the tables it made stay).

import { defineOperation } from '../../definition.js';
import { struct } from '../../../protocols/shapes.js';
import { nameString } from '../shapes.js';
import { crawlers } from '../store.js';
import { crawlerEntryNotFound, crawlerRunningNoDelete } from '../errors.js';

const input = struct({ Name: nameString(true) });

export const deleteCrawler = defineOperation<{ Name: string }>({
  name: 'DeleteCrawler',
  input,
  handler(input, ctx) {
    const table = crawlers(ctx.sandbox, ctx);
    const current = table.get(input.Name);
    if (!current) throw crawlerEntryNotFound(input.Name);
    if (current.State !== 'READY') throw crawlerRunningNoDelete(input.Name);
    table.delete(input.Name);
    return {};
  },
});
