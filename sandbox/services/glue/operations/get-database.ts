// GetDatabase: one database by name (any case), or EntityNotFoundException.

import { defineOperation } from '../../definition.js';
import { struct } from '../../../protocols/shapes.js';
import { catalogId, nameString } from '../shapes.js';
import { databaseView, requireDatabase } from '../catalog.js';

const input = struct({ CatalogId: catalogId, Name: nameString(true) });

export const getDatabase = defineOperation<{ Name: string }>({
  name: 'GetDatabase',
  input,
  handler(input, ctx) {
    return { Database: databaseView(requireDatabase(ctx.sandbox, ctx, input.Name), ctx.accountId) };
  },
});
