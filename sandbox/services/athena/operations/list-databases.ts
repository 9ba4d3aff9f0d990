// ListDatabases: the Glue databases of AwsDataCatalog, by name, up to 50 a page.

import { defineOperation } from '../../definition.js';
import { struct } from '../../../protocols/shapes.js';
import { catalogGlue, requireCatalog } from '../catalog.js';
import { page } from '../paging.js';
import { catalogName, maxResults, token, workGroupName } from '../shapes.js';

const input = struct({ CatalogName: catalogName(true), NextToken: token, MaxResults: maxResults(1, 50), WorkGroup: workGroupName() });

export const listDatabases = defineOperation<{ CatalogName: string; NextToken?: string; MaxResults?: number }>({
  name: 'ListDatabases',
  input,
  handler(input, ctx) {
    requireCatalog(input.CatalogName);
    const glue = catalogGlue(ctx);
    const all = glue.listDatabases(ctx).map((d) => {
      const db = glue.getDatabase(ctx, d.Name);
      return { Name: d.Name, Description: db?.Description };
    });
    const { items, next } = page(all, input.NextToken, input.MaxResults ?? 50, 'databases');
    return { DatabaseList: items, NextToken: next };
  },
});
