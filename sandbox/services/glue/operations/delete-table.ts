// DeleteTable: removes a table with its partitions and archived versions.

import { defineOperation } from '../../definition.js';
import { struct } from '../../../protocols/shapes.js';
import { catalogId, nameString, transactionId } from '../shapes.js';
import { deleteTable as remove } from '../catalog.js';

const input = struct({ CatalogId: catalogId, DatabaseName: nameString(true), Name: nameString(true), TransactionId: transactionId });

export const deleteTable = defineOperation<{ DatabaseName: string; Name: string }>({
  name: 'DeleteTable',
  input,
  handler(input, ctx) {
    remove(ctx.sandbox, ctx, input.DatabaseName, input.Name);
    return {};
  },
});
