// Glue (lab 4): crawlers and databases by tag or name. A running crawler is stopped before it is
// deleted; a database's tables go before the database.

import {
  BatchDeleteTableCommand,
  DeleteCrawlerCommand,
  DeleteDatabaseCommand,
  GetCrawlerCommand,
  GetDatabasesCommand,
  GetTablesCommand,
  GetTagsCommand,
  GlueClient,
  ListCrawlersCommand,
  StopCrawlerCommand,
  type Database,
} from '@aws-sdk/client-glue';
import { mapLimit, selectByTagOrName, type ResetContext } from '../context.js';
import { WORKSHOP_TAG } from '../names.js';
import type { PlannedResource } from '../resource.js';
import { deleteIfExists, errorName, isGone, retrying } from '../retry.js';
import { ALREADY_GONE, type Deleter, type Discovered, type ServiceReset } from '../service.js';

const glueOf = (ctx: ResetContext) => ctx.clients.get(GlueClient);
const arnOf = (ctx: ResetContext, kind: 'database' | 'crawler', name: string) => `arn:aws:glue:${ctx.target.region}:${ctx.target.accountId}:${kind}/${name}`;
/** BatchDeleteTable takes at most this many tables. */
const TABLE_BATCH = 100;

async function tagged(ctx: ResetContext, arn: string): Promise<boolean> {
  try {
    const { Tags } = await glueOf(ctx).send(new GetTagsCommand({ ResourceArn: arn }), { abortSignal: ctx.signal });
    return Tags?.[WORKSHOP_TAG.key] === WORKSHOP_TAG.value;
  } catch (err) {
    if (isGone(err)) return false;
    throw err;
  }
}

async function discover(ctx: ResetContext): Promise<Discovered> {
  const glue = glueOf(ctx);
  const databases: Database[] = [];
  let NextToken: string | undefined;
  do {
    const page = await glue.send(new GetDatabasesCommand({ NextToken }), { abortSignal: ctx.signal });
    databases.push(...(page.DatabaseList ?? []));
    NextToken = page.NextToken;
  } while (NextToken);
  const crawlers: string[] = [];
  do {
    const page = await glue.send(new ListCrawlersCommand({ NextToken }), { abortSignal: ctx.signal });
    crawlers.push(...(page.CrawlerNames ?? []));
    NextToken = page.NextToken;
  } while (NextToken);
  const found = [
    ...(await mapLimit(databases, 8, async (d) => {
      const arn = arnOf(ctx, 'database', d.Name!);
      return selectByTagOrName(ctx, 'glue-database', d.Name!, await tagged(ctx, arn), { arn });
    })),
    ...(await mapLimit(crawlers, 8, async (name) => {
      const arn = arnOf(ctx, 'crawler', name);
      return selectByTagOrName(ctx, 'glue-crawler', name, await tagged(ctx, arn), { arn });
    })),
  ];
  return { selected: found.filter((r): r is PlannedResource => r !== undefined) };
}

const CRAWLER_BUSY = ['CrawlerRunningException', 'CrawlerStoppingException', 'SchedulerTransitioningException'];

const deleteCrawler: Deleter = async (r, ctx, step) => {
  const glue = glueOf(ctx);
  try {
    const { Crawler } = await glue.send(new GetCrawlerCommand({ Name: r.name }), { abortSignal: ctx.signal });
    if (Crawler?.State === 'RUNNING') {
      await glue.send(new StopCrawlerCommand({ Name: r.name }), { abortSignal: ctx.signal }).catch((err: unknown) => {
        if (errorName(err) !== 'CrawlerNotRunningException') throw err;
      });
      step({ key: 'steps.stoppedCrawl' });
    }
  } catch (err) {
    if (isGone(err)) return ALREADY_GONE;
    throw err;
  }
  const deleted = await deleteIfExists(ctx, () => glue.send(new DeleteCrawlerCommand({ Name: r.name }), { abortSignal: ctx.signal }), CRAWLER_BUSY);
  return deleted ? { status: 'deleted' } : ALREADY_GONE;
};

const deleteDatabase: Deleter = async (r, ctx, step) => {
  const glue = glueOf(ctx);
  try {
    const tables: string[] = [];
    let NextToken: string | undefined;
    do {
      const page = await glue.send(new GetTablesCommand({ DatabaseName: r.name, NextToken }), { abortSignal: ctx.signal });
      tables.push(...(page.TableList ?? []).map((t) => t.Name!));
      NextToken = page.NextToken;
    } while (NextToken);
    for (let i = 0; i < tables.length; i += TABLE_BATCH) {
      const out = await retrying(ctx, () => glue.send(new BatchDeleteTableCommand({ DatabaseName: r.name, TablesToDelete: tables.slice(i, i + TABLE_BATCH) }), { abortSignal: ctx.signal }));
      const failed = (out.Errors ?? []).filter((e) => e.ErrorDetail?.ErrorCode !== 'EntityNotFoundException');
      if (failed.length) throw Object.assign(new Error(`table ${failed[0]!.TableName}: ${failed[0]!.ErrorDetail?.ErrorMessage}`), { name: failed[0]!.ErrorDetail?.ErrorCode ?? 'BatchDeleteTableError' });
    }
    if (tables.length) step({ key: 'steps.deletedTables', values: { tables: tables.join(', ') } });
  } catch (err) {
    if (isGone(err)) return ALREADY_GONE;
    throw err;
  }
  const deleted = await deleteIfExists(ctx, () => glue.send(new DeleteDatabaseCommand({ Name: r.name }), { abortSignal: ctx.signal }), ['ConcurrentModificationException']);
  return deleted ? { status: 'deleted' } : ALREADY_GONE;
};

export const glueReset: ServiceReset = { service: 'glue', stage: 1, discover, deleters: { 'glue-crawler': deleteCrawler, 'glue-database': deleteDatabase } };
