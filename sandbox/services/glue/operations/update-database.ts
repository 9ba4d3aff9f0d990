// UpdateDatabase: replaces a database's description, location and parameters (its name cannot change).

import { defineOperation } from '../../definition.js';
import { struct } from '../../../protocols/shapes.js';
import { catalogId, databaseInput, nameString } from '../shapes.js';
import { updateDatabase as update, type DatabaseInput } from '../catalog.js';

const input = struct({ CatalogId: catalogId, Name: nameString(true), DatabaseInput: databaseInput(true) });

export const updateDatabase = defineOperation<{ Name: string; DatabaseInput: DatabaseInput }>({
  name: 'UpdateDatabase',
  input,
  handler(input, ctx) {
    update(ctx.sandbox, ctx, input.Name, input.DatabaseInput);
    return {};
  },
});
