// GetDatabase: one Glue database of AwsDataCatalog.

import { defineOperation } from '../../definition.js';
import { struct } from '../../../protocols/shapes.js';
import { catalogGlue, metadataError, requireCatalog } from '../catalog.js';
import { catalogName, nameString, workGroupName } from '../shapes.js';

const input = struct({ CatalogName: catalogName(true), DatabaseName: nameString(true), WorkGroup: workGroupName() });

export const getDatabase = defineOperation<{ CatalogName: string; DatabaseName: string }>({
  name: 'GetDatabase',
  input,
  handler(input, ctx) {
    requireCatalog(input.CatalogName);
    const db = catalogGlue(ctx).getDatabase(ctx, input.DatabaseName);
    if (!db) throw metadataError(`Database ${input.DatabaseName} not found.`);
    return { Database: { Name: db.Name, Description: db.Description } };
  },
});
