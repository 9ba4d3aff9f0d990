// The IAM permissions Glue's operations need, on the resources AWS names for them: a database operation
// on the catalog and the database, a table or partition operation on the catalog, its database and the
// table, a crawler operation on the crawler; listings of crawlers on any resource. Names are lower-cased
// as the catalog keeps them. A crawler's role also needs iam:PassRole.

import type { RequestContext } from '../../edge/context.js';
import type { Permission } from '../definition.js';
import { passRole } from '../iam/pass-role.js';
import { catalogArn, crawlerArn, databaseArn, tableArn } from './arns.js';

const PASSES_ROLE = new Set(['CreateCrawler', 'UpdateCrawler']);

const DATABASE_OPERATIONS = new Set(['CreateDatabase', 'GetDatabase', 'UpdateDatabase', 'DeleteDatabase']);
const CRAWLER_OPERATIONS = new Set(['CreateCrawler', 'GetCrawler', 'UpdateCrawler', 'DeleteCrawler', 'StartCrawler', 'StopCrawler']);
const TAG_OPERATIONS = new Set(['TagResource', 'UntagResource', 'GetTags']);

interface GlueInput {
  Name?: string;
  DatabaseName?: string;
  TableName?: string;
  DatabaseInput?: { Name?: string };
  TableInput?: { Name?: string };
  TablesToDelete?: string[];
  ResourceArn?: string;
  Role?: string;
}

const fold = (name: string | undefined) => (name ?? '').toLowerCase();

/** The resources an operation touches, by what its input names. */
function resources(operation: string, input: GlueInput, ctx: RequestContext): string[] {
  if (DATABASE_OPERATIONS.has(operation)) return [catalogArn(ctx), databaseArn(ctx, fold(input.DatabaseInput?.Name ?? input.Name))];
  if (operation === 'GetDatabases') return [catalogArn(ctx), databaseArn(ctx, '*')];
  if (CRAWLER_OPERATIONS.has(operation)) return [crawlerArn(ctx, input.Name ?? '')];
  if (TAG_OPERATIONS.has(operation)) return [input.ResourceArn ?? '*'];
  if (input.DatabaseName === undefined) return ['*'];
  const database = fold(input.DatabaseName);
  const inDatabase = [catalogArn(ctx), databaseArn(ctx, database)];
  if (operation === 'GetTables') return [...inDatabase, tableArn(ctx, database, '*')];
  if (operation === 'BatchDeleteTable') return [...inDatabase, ...(input.TablesToDelete ?? []).map((t) => tableArn(ctx, database, fold(t)))];
  const table = input.TableInput?.Name ?? input.TableName ?? input.Name;
  return table === undefined ? inDatabase : [...inDatabase, tableArn(ctx, database, fold(table))];
}

export function permissions(operation: string, input: GlueInput, ctx: RequestContext): Permission[] {
  const action = `glue:${operation}`;
  return [...resources(operation, input, ctx).map((resource) => ({ action, resource })), ...(PASSES_ROLE.has(operation) ? passRole(input.Role, ctx) : [])];
}
