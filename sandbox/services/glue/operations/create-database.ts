// CreateDatabase: a database in the account's Data Catalog, its name folded to lower case, with optional tags.

import { defineOperation } from '../../definition.js';
import { struct } from '../../../protocols/shapes.js';
import { catalogId, databaseInput, tagsMap } from '../shapes.js';
import { createDatabase as create, type DatabaseInput } from '../catalog.js';

const input = struct({ CatalogId: catalogId, DatabaseInput: databaseInput(true), Tags: tagsMap() });

export const createDatabase = defineOperation<{ DatabaseInput: DatabaseInput; Tags?: Record<string, string> }>({
  name: 'CreateDatabase',
  input,
  handler(input, ctx) {
    create(ctx.sandbox, ctx, input.DatabaseInput, ctx.clock.now(), input.Tags ?? {});
    return {};
  },
});
