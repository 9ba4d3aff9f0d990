// GetTableVersion: one archived version of a table (the current one when VersionId is absent).

import { defineOperation } from '../../definition.js';
import { str } from '../../../protocols/shapes.js';
import { auditContext, tableRef, TEXT } from '../shapes.js';
import { requireTable, tableVersionsOf, tableView } from '../catalog.js';
import { tableVersionNotFound } from '../errors.js';

const input = tableRef({ VersionId: str({ min: 1, max: 255, pattern: TEXT }), AuditContext: auditContext });

export const getTableVersion = defineOperation<{ DatabaseName: string; TableName: string; VersionId?: string }>({
  name: 'GetTableVersion',
  input,
  handler(input, ctx) {
    const table = requireTable(ctx.sandbox, ctx, input.DatabaseName, input.TableName);
    const wanted = input.VersionId ?? String(table.VersionId);
    const version = tableVersionsOf(ctx.sandbox, ctx, table).find((v) => String(v.VersionId) === wanted);
    if (!version) throw tableVersionNotFound();
    return { TableVersion: { Table: tableView(version, ctx.accountId), VersionId: wanted } };
  },
});
