// GetTable: one table of a database, or EntityNotFoundException for the database or the table.

import { defineOperation } from '../../definition.js';
import { bool, struct, timestamp } from '../../../protocols/shapes.js';
import { auditContext, catalogId, nameString, transactionId } from '../shapes.js';
import { requireTable, tableView } from '../catalog.js';

const input = struct({
  CatalogId: catalogId,
  DatabaseName: nameString(true),
  Name: nameString(true),
  TransactionId: transactionId,
  QueryAsOfTime: timestamp(),
  AuditContext: auditContext,
  IncludeStatusDetails: bool(),
});

export const getTable = defineOperation<{ DatabaseName: string; Name: string }>({
  name: 'GetTable',
  input,
  handler(input, ctx) {
    return { Table: tableView(requireTable(ctx.sandbox, ctx, input.DatabaseName, input.Name), ctx.accountId) };
  },
});
