// GetTableMetadata: one table of a Glue database with its columns, partition keys and parameters.

import { defineOperation } from '../../definition.js';
import { struct } from '../../../protocols/shapes.js';
import { catalogGlue, metadataError, requireCatalog, tableMetadata } from '../catalog.js';
import { catalogName, nameString, workGroupName } from '../shapes.js';

const input = struct({ CatalogName: catalogName(true), DatabaseName: nameString(true), TableName: nameString(true), WorkGroup: workGroupName() });

export const getTableMetadata = defineOperation<{ CatalogName: string; DatabaseName: string; TableName: string }>({
  name: 'GetTableMetadata',
  input,
  handler(input, ctx) {
    requireCatalog(input.CatalogName);
    const glue = catalogGlue(ctx);
    if (!glue.getDatabase(ctx, input.DatabaseName)) throw metadataError(`Database ${input.DatabaseName} not found.`);
    const table = glue.getTable(ctx, input.DatabaseName, input.TableName);
    if (!table) throw metadataError(`Table ${input.TableName} not found.`);
    return { TableMetadata: tableMetadata(table) };
  },
});
