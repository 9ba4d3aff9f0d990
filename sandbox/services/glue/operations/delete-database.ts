// DeleteDatabase: removes a database and everything in it (tables, their versions and partitions).

import { defineOperation } from '../../definition.js';
import { struct } from '../../../protocols/shapes.js';
import { catalogId, nameString } from '../shapes.js';
import { deleteDatabase as remove } from '../catalog.js';

const input = struct({ CatalogId: catalogId, Name: nameString(true) });

export const deleteDatabase = defineOperation<{ Name: string }>({
  name: 'DeleteDatabase',
  input,
  handler(input, ctx) {
    remove(ctx.sandbox, ctx, input.Name);
    return {};
  },
});
