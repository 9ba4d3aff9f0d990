// GetTables: a database's tables in name order, optionally those whose name matches Expression, 100 a page.

import { defineOperation } from '../../definition.js';
import { bool, int, list, str, struct, timestamp } from '../../../protocols/shapes.js';
import { auditContext, catalogId, nameString, TEXT, token, transactionId } from '../shapes.js';
import { requireDatabase, tablesIn, tableView } from '../catalog.js';
import { tableNameMatcher } from '../name-pattern.js';
import { page } from '../paging.js';

const input = struct({
  CatalogId: catalogId,
  DatabaseName: nameString(true),
  Expression: str({ min: 0, max: 2048, pattern: TEXT }),
  NextToken: token,
  MaxResults: int({ min: 1, max: 100 }),
  TransactionId: transactionId,
  QueryAsOfTime: timestamp(),
  AuditContext: auditContext,
  IncludeStatusDetails: bool(),
  AttributesToGet: list(str({ enum: ['NAME', 'TABLE_TYPE'] })),
});

export const getTables = defineOperation<{ DatabaseName: string; Expression?: string; NextToken?: string; MaxResults?: number; AttributesToGet?: string[] }>({
  name: 'GetTables',
  input,
  handler(input, ctx) {
    const db = requireDatabase(ctx.sandbox, ctx, input.DatabaseName);
    const matches = tableNameMatcher(input.Expression);
    const all = tablesIn(ctx.sandbox, ctx, db.Name).filter((t) => matches(t.Name));
    const { items, NextToken } = page(all, (t) => t.Name, input.MaxResults ?? 100, input.NextToken);
    const attributes = input.AttributesToGet;
    const view = (t: (typeof items)[number]) =>
      attributes?.length ? { Name: t.Name, TableType: attributes.includes('TABLE_TYPE') ? t.TableType : undefined } : tableView(t, ctx.accountId);
    return { TableList: items.map(view), NextToken };
  },
});
