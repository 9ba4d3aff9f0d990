// Deploy steps for the Glue Data Catalog: a database, a crawler over an S3 path (created or updated to
// match, tagged) and one crawl waited for, and a SerDe parameter on the table a crawl made.

import {
  CreateCrawlerCommand,
  CreateDatabaseCommand,
  GetCrawlerCommand,
  GetDatabaseCommand,
  GetPartitionsCommand,
  GetTableCommand,
  GlueClient,
  StartCrawlerCommand,
  UpdateCrawlerCommand,
  UpdateTableCommand,
  type Crawler,
  type Table,
} from '@aws-sdk/client-glue';
import type { SolutionContext } from '../../src/engine/solution.js';
import { isNotFound, orUndefined } from '../../checks/lib/not-found.js';
import type { Ledger } from './ledger.js';
import { retryWhileRolePropagates, waitFor } from './wait.js';
import { ts } from './messages.js';

const glueOf = (ctx: SolutionContext) => ctx.clients.get(GlueClient);
/** Glue answers a missing entity with EntityNotFoundException. */
const orAbsent = async <T>(call: Promise<T>): Promise<T | undefined> => {
  try {
    return await orUndefined(call);
  } catch (err) {
    if ((err as { name?: string }).name === 'EntityNotFoundException' || isNotFound(err)) return undefined;
    throw err;
  }
};

export async function ensureGlueDatabase(ctx: SolutionContext, ledger: Ledger, name: string, description: string): Promise<void> {
  if (await orAbsent(glueOf(ctx).send(new GetDatabaseCommand({ Name: name })))) {
    ledger.record(ts('ledger.database', { name }), 'unchanged');
    return;
  }
  await glueOf(ctx).send(new CreateDatabaseCommand({ DatabaseInput: { Name: name, Description: description }, Tags: { ...ctx.tags } }));
  ledger.record(ts('ledger.database', { name }), 'created');
}

export interface CrawlerSpec {
  name: string;
  roleArn: string;
  database: string;
  /** `s3://bucket/prefix/` */
  path: string;
  description: string;
}

export function getCrawler(ctx: SolutionContext, name: string): Promise<Crawler | undefined> {
  return orAbsent(glueOf(ctx).send(new GetCrawlerCommand({ Name: name }))).then((out) => out?.Crawler);
}

/**
 * The crawler, made to match. Once the table exists the crawler keeps its definition (UpdateBehavior
 * LOG) and only adds partitions, so settings made on the table (SerDe parameters) survive later crawls.
 */
export async function ensureCrawler(ctx: SolutionContext, ledger: Ledger, spec: CrawlerSpec): Promise<void> {
  const wanted = {
    Name: spec.name,
    Role: spec.roleArn,
    DatabaseName: spec.database,
    Description: spec.description,
    Targets: { S3Targets: [{ Path: spec.path }] },
    SchemaChangePolicy: { UpdateBehavior: 'LOG' as const, DeleteBehavior: 'LOG' as const },
  };
  const existing = await getCrawler(ctx, spec.name);
  if (!existing) {
    await retryWhileRolePropagates(ctx, () => glueOf(ctx).send(new CreateCrawlerCommand({ ...wanted, Tags: { ...ctx.tags } })));
    ledger.record(ts('ledger.crawler', { name: spec.name }), 'created');
    return;
  }
  const same =
    existing.Role === spec.roleArn &&
    existing.DatabaseName === spec.database &&
    JSON.stringify((existing.Targets?.S3Targets ?? []).map((t) => t.Path)) === JSON.stringify([spec.path]) &&
    existing.SchemaChangePolicy?.UpdateBehavior === 'LOG';
  if (same) {
    ledger.record(ts('ledger.crawler', { name: spec.name }), 'unchanged');
    return;
  }
  await waitFor(ctx, async () => (await getCrawler(ctx, spec.name))?.State === 'READY', { what: ts('waits.crawlerReady', { name: spec.name }) });
  await retryWhileRolePropagates(ctx, () => glueOf(ctx).send(new UpdateCrawlerCommand(wanted)));
  ledger.record(ts('ledger.crawler', { name: spec.name }), 'updated');
}

/** Runs the crawler once and waits for it; a failed crawl stops the deploy with Glue's own message. */
export async function crawlOnce(ctx: SolutionContext, ledger: Ledger, name: string): Promise<void> {
  const before = (await getCrawler(ctx, name))?.LastCrawl?.StartTime?.getTime() ?? 0;
  if ((await getCrawler(ctx, name))?.State === 'READY') {
    await retryWhileRolePropagates(ctx, () => glueOf(ctx).send(new StartCrawlerCommand({ Name: name })));
  }
  ctx.log(ts('progress.waitingCrawler', { name }));
  let crawler: Crawler | undefined;
  await waitFor(
    ctx,
    async () => {
      crawler = await getCrawler(ctx, name);
      return crawler?.State === 'READY' && (crawler.LastCrawl?.StartTime?.getTime() ?? 0) > before;
    },
    { what: ts('waits.crawlerDone', { name }), timeoutMs: 600_000, intervalMs: 2_000 },
  );
  if (crawler!.LastCrawl?.Status !== 'SUCCEEDED') throw new Error(`Crawler ${name} ${crawler!.LastCrawl?.Status}: ${crawler!.LastCrawl?.ErrorMessage ?? 'no message'}`);
  ledger.note(ts('notes.crawled', { name }));
}

export function getTable(ctx: SolutionContext, database: string, name: string): Promise<Table | undefined> {
  return orAbsent(glueOf(ctx).send(new GetTableCommand({ DatabaseName: database, Name: name }))).then((out) => out?.Table);
}

/** Sets one SerDe parameter of a table (for instance `ignore.malformed.json`), keeping the rest of its definition. */
export async function ensureSerdeParameter(ctx: SolutionContext, ledger: Ledger, database: string, table: Table, key: string, value: string): Promise<void> {
  const serde = table.StorageDescriptor?.SerdeInfo;
  if (serde?.Parameters?.[key] === value) return;
  const { Name, Description, Owner, Retention, StorageDescriptor, PartitionKeys, TableType, Parameters } = table;
  await glueOf(ctx).send(
    new UpdateTableCommand({
      DatabaseName: database,
      TableInput: {
        Name,
        Description,
        Owner,
        Retention,
        PartitionKeys,
        TableType,
        Parameters,
        StorageDescriptor: { ...StorageDescriptor, SerdeInfo: { ...serde, Parameters: { ...serde?.Parameters, [key]: value } } },
      },
    }),
  );
  ledger.record(ts('ledger.serdeParameter', { key, value, table: `${database}.${Name}` }), 'updated');
}

/** Whether one of the table's partitions lies in `folder` (`telemetry/2026/12/03/07/`). */
export async function hasPartitionFor(ctx: SolutionContext, database: string, table: string, folder: string): Promise<boolean> {
  let token: string | undefined;
  do {
    const page = await glueOf(ctx).send(new GetPartitionsCommand({ DatabaseName: database, TableName: table, NextToken: token }));
    if ((page.Partitions ?? []).some((p) => (p.StorageDescriptor?.Location ?? '').replace(/\/?$/, '/').endsWith(`/${folder}`))) return true;
    token = page.NextToken;
  } while (token);
  return false;
}
