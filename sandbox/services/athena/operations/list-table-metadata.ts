// ListTableMetadata: the tables of a Glue database with their columns, partition keys and parameters;
// Expression filters names with Hive's '*' wildcard.

import { defineOperation } from '../../definition.js';
import { str, struct } from '../../../protocols/shapes.js';
import { catalogGlue, metadataError, requireCatalog, tableMetadata } from '../catalog.js';
import { page } from '../paging.js';
import { catalogName, maxResults, nameString, token, workGroupName } from '../shapes.js';

const input = struct({
  CatalogName: catalogName(true),
  DatabaseName: nameString(true),
  Expression: str({ min: 0, max: 256 }),
  NextToken: token,
  MaxResults: maxResults(1, 50),
  WorkGroup: workGroupName(),
});

export const listTableMetadata = defineOperation<{ CatalogName: string; DatabaseName: string; Expression?: string; NextToken?: string; MaxResults?: number }>({
  name: 'ListTableMetadata',
  input,
  handler(input, ctx) {
    requireCatalog(input.CatalogName);
    const glue = catalogGlue(ctx);
    if (!glue.getDatabase(ctx, input.DatabaseName)) throw metadataError(`Database ${input.DatabaseName} not found.`);
    const pattern = input.Expression ? new RegExp(`^${input.Expression.replace(/[.+?^${}()[\]\\|]/g, '\\$&').replace(/\*/g, '.*')}$`, 'i') : undefined;
    const tables = glue
      .getTables(ctx, input.DatabaseName)
      .filter((t) => !pattern || pattern.test(t.Name))
      .sort((a, b) => (a.Name < b.Name ? -1 : 1));
    const { items, next } = page(tables, input.NextToken, input.MaxResults ?? 50, `tables/${input.DatabaseName}`);
    return { TableMetadataList: items.map(tableMetadata), NextToken: next };
  },
});
