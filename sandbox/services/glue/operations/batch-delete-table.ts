// BatchDeleteTable: deletes up to 100 tables of one database; each missing table is an entry in Errors.

import { defineOperation } from '../../definition.js';
import { list, struct } from '../../../protocols/shapes.js';
import { isServiceError } from '../../../protocols/errors.js';
import { catalogId, nameString, transactionId } from '../shapes.js';
import { deleteTable, requireDatabase } from '../catalog.js';

const input = struct({
  CatalogId: catalogId,
  DatabaseName: nameString(true),
  TablesToDelete: list(nameString(), { required: true, min: 0, max: 100 }),
  TransactionId: transactionId,
});

export const batchDeleteTable = defineOperation<{ DatabaseName: string; TablesToDelete: string[] }>({
  name: 'BatchDeleteTable',
  input,
  readOnly: false,
  handler(input, ctx) {
    requireDatabase(ctx.sandbox, ctx, input.DatabaseName);
    const Errors: { TableName: string; ErrorDetail: { ErrorCode: string; ErrorMessage: string } }[] = [];
    for (const name of input.TablesToDelete) {
      try {
        deleteTable(ctx.sandbox, ctx, input.DatabaseName, name);
      } catch (err) {
        if (!isServiceError(err)) throw err;
        Errors.push({ TableName: name, ErrorDetail: { ErrorCode: err.code, ErrorMessage: err.message } });
      }
    }
    return { Errors };
  },
});
