// ListDataCatalogs: the account's one catalog, AwsDataCatalog (Glue).

import { defineOperation } from '../../definition.js';
import { struct } from '../../../protocols/shapes.js';
import { CATALOG_NAME } from '../catalog.js';
import { maxResults, token, workGroupName } from '../shapes.js';

const input = struct({ NextToken: token, MaxResults: maxResults(2, 50), WorkGroup: workGroupName() });

export const listDataCatalogs = defineOperation({
  name: 'ListDataCatalogs',
  input,
  handler() {
    return { DataCatalogsSummary: [{ CatalogName: CATALOG_NAME, Type: 'GLUE' }] };
  },
});
