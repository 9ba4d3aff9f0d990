// GetDataCatalog: AwsDataCatalog, the Glue Data Catalog of the account.

import { defineOperation } from '../../definition.js';
import { struct } from '../../../protocols/shapes.js';
import { invalidRequest } from '../errors.js';
import { CATALOG_NAME } from '../catalog.js';
import { catalogName, workGroupName } from '../shapes.js';

const input = struct({ Name: catalogName(true), WorkGroup: workGroupName() });

export const getDataCatalog = defineOperation<{ Name: string }>({
  name: 'GetDataCatalog',
  input,
  handler(input, ctx) {
    if (input.Name.toLowerCase() !== CATALOG_NAME.toLowerCase()) throw invalidRequest(`Data catalog ${input.Name} was not found.`);
    return { DataCatalog: { Name: CATALOG_NAME, Description: 'AWS Glue Data Catalog', Type: 'GLUE', Parameters: { 'catalog-id': ctx.accountId } } };
  },
});
