// Lab 4's look-ups, each once per run: the Glue database and the table over lab 2's data lake, the
// crawler that feeds it, the Athena workgroup, the saved query and the student's runs of it (read with
// GetQueryResults: a check never starts a query, which writes to S3 and costs money on AWS).

import { AthenaClient, GetQueryResultsCommand, GetWorkGroupCommand, type QueryExecution, type WorkGroup } from '@aws-sdk/client-athena';
import { GetCrawlersCommand, GetDatabaseCommand, GetPartitionsCommand, GetTablesCommand, GlueClient, type Crawler, type Database, type Partition, type Table } from '@aws-sdk/client-glue';
import type { CheckContext } from '../../src/engine/types.js';
import { resourceNames } from '../../src/labs/resource-names.js';
import { namedQueries, recentExecutions } from './athena-lookups.js';
import { locateLake, type LakeLocation } from './firehose-pipeline.js';
import { memo } from './memo.js';

const absent = (err: unknown) => ['EntityNotFoundException', 'InvalidRequestException', 'ResourceNotFoundException'].includes((err as { name?: string }).name ?? '');

async function orAbsent<T>(call: Promise<T>): Promise<T | undefined> {
  try {
    return await call;
  } catch (err) {
    if (absent(err)) return undefined;
    throw err;
  }
}

export function glueDatabase(ctx: CheckContext): Promise<Database | undefined> {
  const name = resourceNames(ctx.config.prefix).glueDatabase;
  return memo(ctx, 'analytics.database', async () => (await orAbsent(ctx.clients.get(GlueClient).send(new GetDatabaseCommand({ Name: name }), { abortSignal: ctx.signal })))?.Database);
}

/** `s3://bucket/prefix/` of a location, with one trailing slash. */
export const normalLocation = (location: string | undefined) => (location ?? '').replace(/^s3a?:\/\//, 's3://').replace(/\/*$/, '/');

export interface LakeTable {
  lake: LakeLocation;
  /** The table whose location lies in the lake's bucket and prefix, the crawler's `telemetry` first. */
  table?: Table;
  /** Every table of the database, for messages. */
  tables: Table[];
}

export function lakeTable(ctx: CheckContext): Promise<LakeTable> {
  return memo(ctx, 'analytics.table', async () => {
    const lake = await locateLake(ctx);
    const db = await glueDatabase(ctx);
    if (!db) return { lake, tables: [] };
    const glue = ctx.clients.get(GlueClient);
    const tables: Table[] = [];
    let token: string | undefined;
    do {
      const page = await glue.send(new GetTablesCommand({ DatabaseName: db.Name, NextToken: token }), { abortSignal: ctx.signal });
      tables.push(...(page.TableList ?? []));
      token = page.NextToken;
    } while (token);
    const lakeRoot = normalLocation(`s3://${lake.bucket}/${lake.prefix}`);
    const inLake = tables.filter((t) => normalLocation(t.StorageDescriptor?.Location).startsWith(lakeRoot) || lakeRoot.startsWith(normalLocation(t.StorageDescriptor?.Location)) && normalLocation(t.StorageDescriptor?.Location).startsWith(`s3://${lake.bucket}/`));
    const table = inLake.find((t) => t.Name === 'telemetry') ?? inLake[0];
    return { lake, table, tables };
  });
}

export function tablePartitions(ctx: CheckContext, database: string, table: string): Promise<Partition[]> {
  return memo(ctx, `analytics.partitions.${database}.${table}`, async () => {
    const glue = ctx.clients.get(GlueClient);
    const all: Partition[] = [];
    let token: string | undefined;
    do {
      const page = await glue.send(new GetPartitionsCommand({ DatabaseName: database, TableName: table, NextToken: token }), { abortSignal: ctx.signal });
      all.push(...(page.Partitions ?? []));
      token = page.NextToken;
    } while (token && all.length < 10_000);
    return all;
  });
}

/** The crawler writing into the lab's database over the lake, the prefix's own first. */
export function lakeCrawler(ctx: CheckContext): Promise<Crawler | undefined> {
  return memo(ctx, 'analytics.crawler', async () => {
    const names = resourceNames(ctx.config.prefix);
    const { lake } = await lakeTable(ctx);
    const glue = ctx.clients.get(GlueClient);
    const crawlers: Crawler[] = [];
    let token: string | undefined;
    do {
      const page = await glue.send(new GetCrawlersCommand({ NextToken: token }), { abortSignal: ctx.signal });
      crawlers.push(...(page.Crawlers ?? []));
      token = page.NextToken;
    } while (token);
    const overLake = (c: Crawler) => (c.Targets?.S3Targets ?? []).some((t) => normalLocation(t.Path).startsWith(`s3://${lake.bucket}/`));
    return crawlers.find((c) => c.Name === names.crawler) ?? crawlers.find((c) => c.DatabaseName === names.glueDatabase && overLake(c));
  });
}

export function workgroup(ctx: CheckContext): Promise<WorkGroup | undefined> {
  const name = resourceNames(ctx.config.prefix).workgroup;
  return memo(ctx, 'analytics.workgroup', async () => (await orAbsent(ctx.clients.get(AthenaClient).send(new GetWorkGroupCommand({ WorkGroup: name }), { abortSignal: ctx.signal })))?.WorkGroup);
}

export function savedQuery(ctx: CheckContext) {
  const names = resourceNames(ctx.config.prefix);
  return memo(ctx, 'analytics.named-query', async () => {
    const wg = await workgroup(ctx);
    if (!wg?.Name) return undefined;
    return (await namedQueries(ctx.clients.get(AthenaClient), wg.Name, ctx.signal)).find((q) => q.Name === names.hourlyStatsQuery);
  });
}

export const sameSql = (a: string | undefined, b: string | undefined) => (a ?? '').replace(/\s+/g, ' ').trim().replace(/;$/, '') === (b ?? '').replace(/\s+/g, ' ').trim().replace(/;$/, '');

export function workgroupRuns(ctx: CheckContext): Promise<QueryExecution[]> {
  return memo(ctx, 'analytics.runs', async () => {
    const wg = await workgroup(ctx);
    return wg?.Name ? recentExecutions(ctx.clients.get(AthenaClient), wg.Name, ctx.signal) : [];
  });
}

/** The newest successful run of the saved query's SQL, and the newest run of it whatever its state. */
export async function savedQueryRuns(ctx: CheckContext): Promise<{ latest?: QueryExecution; succeeded?: QueryExecution }> {
  const query = await savedQuery(ctx);
  const runs = (await workgroupRuns(ctx)).filter((e) => sameSql(e.Query, query?.QueryString));
  return { latest: runs[0], succeeded: runs.find((e) => e.Status?.State === 'SUCCEEDED') };
}

/** A run's result rows as records by column name (the header row of SELECT results dropped), at most `maxRows`. */
export function queryRows(ctx: CheckContext, executionId: string, maxRows = 5_000): Promise<Record<string, string | undefined>[]> {
  return memo(ctx, `analytics.rows.${executionId}`, async () => {
    const athena = ctx.clients.get(AthenaClient);
    const rows: Record<string, string | undefined>[] = [];
    let columns: string[] | undefined;
    let token: string | undefined;
    let first = true;
    do {
      const page = await athena.send(new GetQueryResultsCommand({ QueryExecutionId: executionId, NextToken: token, MaxResults: 1000 }), { abortSignal: ctx.signal });
      columns ??= (page.ResultSet?.ResultSetMetadata?.ColumnInfo ?? []).map((c) => c.Name ?? '');
      const data = page.ResultSet?.Rows ?? [];
      for (const [i, row] of data.entries()) {
        if (first && i === 0) continue;
        rows.push(Object.fromEntries(columns.map((c, k) => [c, row.Data?.[k]?.VarCharValue])));
      }
      first = false;
      token = page.NextToken;
    } while (token && rows.length < maxRows);
    return rows;
  });
}
