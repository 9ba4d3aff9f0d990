// GetTableVersions: the archived versions of a table, newest first, each with its VersionId.

import { defineOperation } from '../../definition.js';
import { int } from '../../../protocols/shapes.js';
import { auditContext, tableRef, token } from '../shapes.js';
import { requireTable, tableVersionsOf, tableView } from '../catalog.js';
import { page } from '../paging.js';

const input = tableRef({ NextToken: token, MaxResults: int({ min: 1, max: 100 }), AuditContext: auditContext });

export const getTableVersions = defineOperation<{ DatabaseName: string; TableName: string; NextToken?: string; MaxResults?: number }>({
  name: 'GetTableVersions',
  input,
  handler(input, ctx) {
    const table = requireTable(ctx.sandbox, ctx, input.DatabaseName, input.TableName);
    const versions = tableVersionsOf(ctx.sandbox, ctx, table);
    // Newest first: the page key counts down.
    const key = (v: (typeof versions)[number]) => String(1e10 - v.VersionId).padStart(11, '0');
    const { items, NextToken } = page(versions, key, input.MaxResults ?? 100, input.NextToken);
    return { TableVersions: items.map((v) => ({ Table: tableView(v, ctx.accountId), VersionId: String(v.VersionId) })), NextToken };
  },
});
