// The IAM permissions Athena's operations need, on the resources AWS names for them: the workgroup a
// query, a named query or a listing runs in (`workgroup/<name>`, primary when none is given; for a query or
// named query known by id, the workgroup it belongs to), and the data catalog for catalog look-ups.

import { arn, type RequestContext } from '../../edge/context.js';
import type { Permission } from '../definition.js';
import { executions, namedQueries } from './store.js';

const PRIMARY = 'primary';

const IN_WORKGROUP = new Set(['StartQueryExecution', 'ListQueryExecutions', 'CreateNamedQuery', 'ListNamedQueries', 'GetWorkGroup', 'UpdateWorkGroup', 'DeleteWorkGroup']);
const BY_EXECUTION = new Set(['GetQueryExecution', 'GetQueryResults', 'StopQueryExecution']);
const BY_NAMED_QUERY = new Set(['GetNamedQuery', 'DeleteNamedQuery', 'UpdateNamedQuery']);
const IN_CATALOG = new Set(['GetDataCatalog', 'GetDatabase', 'ListDatabases', 'GetTableMetadata', 'ListTableMetadata']);
const TAGS = new Set(['TagResource', 'UntagResource', 'ListTagsForResource']);

interface AthenaInput {
  WorkGroup?: string;
  Name?: string;
  QueryExecutionId?: string;
  QueryExecutionIds?: string[];
  NamedQueryId?: string;
  NamedQueryIds?: string[];
  CatalogName?: string;
  ResourceARN?: string;
}

const workgroupArn = (ctx: RequestContext, name: string) => arn('athena', ctx, `workgroup/${name}`);

/** The workgroups of the queries and named queries an input names by id (any resource for one not found). */
function workgroupsOf(input: AthenaInput, ctx: RequestContext): string[] {
  const found = [
    ...[input.QueryExecutionId, ...(input.QueryExecutionIds ?? [])].filter((id): id is string => id !== undefined).map((id) => executions(ctx.sandbox, ctx).get(id)?.workGroup),
    ...[input.NamedQueryId, ...(input.NamedQueryIds ?? [])].filter((id): id is string => id !== undefined).map((id) => namedQueries(ctx.sandbox, ctx).get(id)?.workGroup),
  ];
  return [...new Set(found.map((name) => (name === undefined ? '*' : workgroupArn(ctx, name))))];
}

function resources(operation: string, input: AthenaInput, ctx: RequestContext): string[] {
  if (operation === 'CreateWorkGroup') return [workgroupArn(ctx, input.Name ?? '')];
  if (IN_WORKGROUP.has(operation)) return [workgroupArn(ctx, input.WorkGroup ?? PRIMARY)];
  if (BY_EXECUTION.has(operation) || BY_NAMED_QUERY.has(operation) || operation === 'BatchGetQueryExecution' || operation === 'BatchGetNamedQuery') {
    const workgroups = workgroupsOf(input, ctx);
    return workgroups.length ? workgroups : ['*'];
  }
  if (IN_CATALOG.has(operation)) return [arn('athena', ctx, `datacatalog/${input.CatalogName ?? input.Name ?? 'AwsDataCatalog'}`)];
  if (TAGS.has(operation)) return [input.ResourceARN ?? '*'];
  return ['*'];
}

export function permissions(operation: string, input: AthenaInput, ctx: RequestContext): Permission[] {
  const action = `athena:${operation}`;
  return resources(operation, input, ctx).map((resource) => ({ action, resource }));
}
