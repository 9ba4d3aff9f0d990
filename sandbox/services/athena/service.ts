// Amazon Athena: workgroups, named queries and query executions over awsJson 1.1 (AmazonAthena target
// prefix). Queries run on DuckDB over the objects of the sandbox's S3, tables resolved through its Glue
// Data Catalog; DDL runs against the catalog itself. A query cut off by a stop of the sandbox is FAILED
// when it starts again.

import type { Sandbox } from '../../sandbox.js';
import { defineService } from '../definition.js';
import { failInterrupted } from './executions.js';
import { athenaRuntime } from './runtime.js';
import { permissions } from './permissions.js';
import { createWorkGroup } from './operations/create-work-group.js';
import { getWorkGroup } from './operations/get-work-group.js';
import { listWorkGroups } from './operations/list-work-groups.js';
import { updateWorkGroup } from './operations/update-work-group.js';
import { deleteWorkGroup } from './operations/delete-work-group.js';
import { startQueryExecution } from './operations/start-query-execution.js';
import { getQueryExecution } from './operations/get-query-execution.js';
import { batchGetQueryExecution } from './operations/batch-get-query-execution.js';
import { listQueryExecutions } from './operations/list-query-executions.js';
import { stopQueryExecution } from './operations/stop-query-execution.js';
import { getQueryResults } from './operations/get-query-results.js';
import { createNamedQuery } from './operations/create-named-query.js';
import { getNamedQuery } from './operations/get-named-query.js';
import { listNamedQueries } from './operations/list-named-queries.js';
import { batchGetNamedQuery } from './operations/batch-get-named-query.js';
import { updateNamedQuery } from './operations/update-named-query.js';
import { deleteNamedQuery } from './operations/delete-named-query.js';
import { tagResource } from './operations/tag-resource.js';
import { untagResource } from './operations/untag-resource.js';
import { listTagsForResource } from './operations/list-tags-for-resource.js';
import { listDataCatalogs } from './operations/list-data-catalogs.js';
import { getDataCatalog } from './operations/get-data-catalog.js';
import { listDatabases } from './operations/list-databases.js';
import { getDatabase } from './operations/get-database.js';
import { listTableMetadata } from './operations/list-table-metadata.js';
import { getTableMetadata } from './operations/get-table-metadata.js';

export const service = defineService({
  name: 'athena',
  signingName: 'athena',
  protocols: ['awsJson1_1'],
  targetPrefix: 'AmazonAthena',
  // Athena's model has no ValidationException: constraint failures are InvalidRequestException.
  validationCode: 'InvalidRequestException',
  memberNaming: 'lowerCamel',
  permissions,
  operations: [
    createWorkGroup,
    getWorkGroup,
    listWorkGroups,
    updateWorkGroup,
    deleteWorkGroup,
    startQueryExecution,
    getQueryExecution,
    batchGetQueryExecution,
    listQueryExecutions,
    stopQueryExecution,
    getQueryResults,
    createNamedQuery,
    getNamedQuery,
    listNamedQueries,
    batchGetNamedQuery,
    updateNamedQuery,
    deleteNamedQuery,
    tagResource,
    untagResource,
    listTagsForResource,
    listDataCatalogs,
    getDataCatalog,
    listDatabases,
    getDatabase,
    listTableMetadata,
    getTableMetadata,
  ],
});

export function start(sandbox: Sandbox): void {
  failInterrupted(sandbox);
  const runtime = athenaRuntime(sandbox);
  sandbox.apis.athena = {
    settle: () => runtime.settle(),
    engineLoaded: () => runtime.engineLoaded,
  };
  sandbox.onClose(() => runtime.close());
}
