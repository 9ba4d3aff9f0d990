// Lab 4: lab 2's data lake → Glue table (by crawler or DDL) → Athena workgroup → the saved hourly query
// and the student's run of it. The checks trace that path, then compare the run's results with what the
// checker itself computes from the objects in S3. They never start a query (that writes to S3 and costs
// money on AWS): they read the results of the runs the student made.

import { defineChecks, type CheckContext } from '../src/engine/types.js';
import { fail, pass, pending } from '../src/engine/result.js';
import { resourceNames } from '../src/labs/resource-names.js';
import { recentObjects } from './lib/data-lake.js';
import { glueDatabase, lakeCrawler, lakeTable, normalLocation, queryRows, savedQuery, savedQueryRuns, tablePartitions, workgroup, workgroupRuns } from './lib/analytics.js';
import { lakeSize, lakeTruth, statsKey, type HourStats, type LakeTruth } from './lib/lake-truth.js';
import { judgeRole } from './lib/role-check.js';
import { m } from './messages/04-athena-analytics.js';

const DEVICE_COLUMNS = ['device_name', 'DEVICE_NAME', 'timestamp', 'TIMESTAMP', 'humidity', 'HUMIDITY', 'temperature', 'TEMPERATURE'];
const SCHEMA = ['device_name', 'timestamp', 'humidity', 'temperature'];
const OPENX = 'org.openx.data.jsonserde.JsonSerDe';
const HIVE_JSON = 'org.apache.hive.hcatalog.data.JsonSerDe';
/** Two averages agree when they differ by less than this (results are rounded). */
const AVG_TOLERANCE = 0.01;

/** `YYYY-MM-DDTHH` from an hour value as a query may write it (`2026-12-03T07`, `2026-12-03 07:00:00.000`). */
function hourOf(value: string | undefined): string | undefined {
  const match = /(\d{4}-\d{2}-\d{2})[T ](\d{2})/.exec(value ?? '');
  return match ? `${match[1]}T${match[2]}` : undefined;
}

/** Which result columns hold the device, hour, count and temperature statistics, by their names. */
function resultColumns(columns: string[]) {
  const find = (test: RegExp) => columns.find((c) => test.test(c));
  return {
    device: find(/device/i),
    hour: find(/hour|time|date/i),
    count: find(/count|readings|cnt|^n$/i),
    avg: find(/avg|mean|average/i),
    min: find(/min/i),
    max: find(/max/i),
  };
}

const describeStats = (s: HourStats | undefined) => (s ? m('stats.some', { readings: s.readings, avg: s.avg.toFixed(2), min: s.min, max: s.max }) : m('stats.none'));

/** The device-hours where a run's rows and the truth from S3 differ, in words. */
function compareWithTruth(rows: Record<string, string | undefined>[], cols: ReturnType<typeof resultColumns>, truth: LakeTruth): string[] {
  const diffs: string[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    const hour = hourOf(row[cols.hour!]);
    if (!hour || !truth.hours.includes(hour)) continue;
    const key = statsKey(row[cols.device!] ?? '', hour);
    seen.add(key);
    const t = truth.stats.get(key);
    const got = { readings: Number(row[cols.count!]), avg: cols.avg ? Number(row[cols.avg]) : undefined, min: cols.min ? Number(row[cols.min]) : undefined, max: cols.max ? Number(row[cols.max]) : undefined };
    const wrong =
      !t ||
      got.readings !== t.readings ||
      (got.avg !== undefined && Math.abs(got.avg - t.avg) > AVG_TOLERANCE) ||
      (got.min !== undefined && got.min !== t.min) ||
      (got.max !== undefined && got.max !== t.max);
    const query = `${m('stats.queryReadings', { count: got.readings })}${got.avg !== undefined ? `, avg ${got.avg}` : ''}${got.min !== undefined ? `, min ${got.min}` : ''}${got.max !== undefined ? `, max ${got.max}` : ''}`;
    if (wrong) diffs.push(m('stats.diff', { device: String(row[cols.device!]), hour, query, s3: describeStats(t) }));
  }
  for (const [key, t] of truth.stats) if (!seen.has(key)) diffs.push(m('stats.diff', { device: t.device, hour: t.hour, query: m('stats.queryNoRow'), s3: describeStats(t) }));
  return diffs;
}

async function tableOrFail(ctx: CheckContext) {
  return (await lakeTable(ctx)).table!;
}

export default defineChecks({
  checks: [
    {
      id: 'database.exists',
      title: m('database.title'),
      points: 1,
      hints: [m('database.hint')],
      async run(ctx) {
        const name = resourceNames(ctx.config.prefix).glueDatabase;
        const db = await glueDatabase(ctx);
        if (!db) return fail(m('database.missing', { name }), { hint: m('database.missingHint', { command: `aws glue create-database --database-input Name=${name}` }), evidence: { database: name } });
        return pass(m('database.ok', { name: String(db.Name) }), { evidence: { database: db.Name } });
      },
    },
    {
      id: 'table.over-lake',
      title: m('table.title'),
      points: 2,
      dependsOn: ['database.exists'],
      hints: [m('table.hint')],
      async run(ctx) {
        const { lake, table, tables } = await lakeTable(ctx);
        const lakeRoot = `s3://${lake.bucket}/${lake.prefix}`;
        const evidence: Record<string, unknown> = { lake: lakeRoot, tables: tables.map((t) => `${t.Name} → ${t.StorageDescriptor?.Location ?? '?'}`) };
        if (!table) {
          const elsewhere = tables[0];
          const said = elsewhere
            ? m('table.elsewhere', { database: resourceNames(ctx.config.prefix).glueDatabase, lake: lakeRoot, table: String(elsewhere.Name), location: String(elsewhere.StorageDescriptor?.Location) })
            : m('table.none', { lake: lakeRoot });
          return fail(said, { hint: m('table.noneHint', { lake: lakeRoot, stream: lake.streamName ?? m('table.lab2') }), evidence });
        }
        const columns = (table.StorageDescriptor?.Columns ?? []).map((c) => c.Name!.toLowerCase());
        const serde = table.StorageDescriptor?.SerdeInfo?.SerializationLibrary;
        Object.assign(evidence, { table: table.Name, location: table.StorageDescriptor?.Location, serde, columns, partitionKeys: (table.PartitionKeys ?? []).map((k) => k.Name) });
        const missing = SCHEMA.filter((c) => !columns.includes(c));
        if (serde !== OPENX && serde !== HIVE_JSON) {
          return fail(m('table.notJson', { table: String(table.Name), serde: serde ?? m('table.noSerde') }), { hint: m('table.notJsonHint', { serde: OPENX }), evidence });
        }
        if (missing.length > 0) {
          const fields = DEVICE_COLUMNS.filter((_, i) => i % 2 === 1).join(', ');
          return fail(m('table.columns', { table: String(table.Name), missing: missing.join(', '), columns: columns.join(', '), fields }), { hint: m('table.columnsHint'), evidence });
        }
        return pass(m('table.ok', { table: String(table.Name), location: String(table.StorageDescriptor?.Location), serde: String(serde.split('.').pop()), columns: SCHEMA.join(', ') }), { evidence });
      },
    },
    {
      id: 'table.partitions-current',
      title: m('partitions.title'),
      points: 2,
      dependsOn: ['table.over-lake'],
      hints: [m('partitions.hint')],
      async run(ctx) {
        const { lake } = await lakeTable(ctx);
        const table = await tableOrFail(ctx);
        const keys = table.PartitionKeys ?? [];
        if (keys.length === 0) return pass(m('partitions.unpartitioned', { table: String(table.Name), location: String(table.StorageDescriptor?.Location) }), { evidence: { table: table.Name } });
        const [newest] = await recentObjects(ctx, lake.bucket, lake.prefix, ctx.clock.now(), { hours: 3, limit: 1 });
        const partitions = await tablePartitions(ctx, table.DatabaseName!, table.Name!);
        const folder = newest ? newest.key.slice(0, newest.key.lastIndexOf('/') + 1) : undefined;
        const evidence = { table: table.Name, partitions: partitions.length, newestFolder: folder, partitionKeys: keys.map((k) => k.Name) };
        if (!folder) return pending(m('partitions.noObjects'), { evidence });
        const covered = partitions.some((p) => normalLocation(p.StorageDescriptor?.Location).endsWith(`/${folder}`));
        if (covered) return pass(m('partitions.ok', { table: String(table.Name), count: partitions.length, folder }), { evidence });
        const crawler = await lakeCrawler(ctx);
        if (crawler?.State === 'RUNNING' || crawler?.State === 'STOPPING') return pending(m('partitions.crawling', { crawler: String(crawler.Name), state: crawler.State, folder }), { evidence });
        return fail(m('partitions.missing', { table: String(table.Name), folder, count: partitions.length }), {
          hint: crawler ? m('partitions.startCrawler', { command: `aws glue start-crawler --name ${crawler.Name}` }) : `ALTER TABLE ${table.Name} ADD PARTITION (...) LOCATION 's3://${lake.bucket}/${folder}'`,
          evidence,
        });
      },
    },
    {
      id: 'crawler.succeeded',
      title: m('crawler.title'),
      points: 1,
      dependsOn: ['database.exists'],
      hints: [m('crawler.hint')],
      async run(ctx) {
        const crawler = await lakeCrawler(ctx);
        if (!crawler) return pass(m('crawler.none'), { evidence: {} });
        const last = crawler.LastCrawl;
        const evidence = { crawler: crawler.Name, state: crawler.State, lastStatus: last?.Status, lastError: last?.ErrorMessage, role: crawler.Role };
        if (!last) {
          if (crawler.State === 'RUNNING') return pending(m('crawler.firstCrawl', { crawler: String(crawler.Name) }), { evidence });
          return fail(m('crawler.neverRan', { crawler: String(crawler.Name) }), { hint: `aws glue start-crawler --name ${crawler.Name}`, evidence });
        }
        if (last.Status === 'SUCCEEDED') return pass(m('crawler.ok', { crawler: String(crawler.Name), time: String(last.StartTime?.toISOString()) }), { evidence });
        return fail(m('crawler.failed', { crawler: String(crawler.Name), status: String(last.Status), message: last.ErrorMessage ?? m('crawler.noMessage') }), {
          hint: /not authorized to perform: glue:/i.test(last.ErrorMessage ?? '')
            ? m('crawler.glueHint')
            : /access denied|not authorized|unable to assume/i.test(last.ErrorMessage ?? '')
              ? m('crawler.s3Hint')
              : m('crawler.logHint', { command: `aws logs tail /aws-glue/crawlers --log-stream-names ${crawler.Name}` }),
          evidence,
        });
      },
    },
    {
      id: 'crawler.role-can-read',
      title: m('crawlerRole.title'),
      points: 1,
      dependsOn: ['database.exists'],
      hints: [m('crawlerRole.hint')],
      async run(ctx) {
        const crawler = await lakeCrawler(ctx);
        if (!crawler) return pass(m('crawlerRole.none'), { evidence: {} });
        const { lake } = await lakeTable(ctx);
        return judgeRole(ctx, { user: m('crawlerRole.user', { name: String(crawler.Name) }), roleArn: crawler.Role?.startsWith('arn:') ? crawler.Role : `arn:aws:iam::${ctx.target.accountId}:role/${crawler.Role}`, service: 'glue.amazonaws.com', actions: ['s3:GetObject'], resource: `arn:aws:s3:::${lake.bucket}/${lake.prefix}*` });
      },
    },
    {
      id: 'workgroup.output',
      title: m('workgroup.title'),
      points: 1,
      hints: [m('workgroup.hint')],
      async run(ctx) {
        const name = resourceNames(ctx.config.prefix).workgroup;
        const wg = await workgroup(ctx);
        if (!wg) return fail(m('workgroup.missing', { name }), { hint: `aws athena create-work-group --name ${name} --configuration ResultConfiguration={OutputLocation=s3://<bucket>/athena-results/}`, evidence: { workgroup: name } });
        const output = wg.Configuration?.ResultConfiguration?.OutputLocation;
        const evidence = { workgroup: wg.Name, state: wg.State, outputLocation: output };
        if (wg.State === 'DISABLED') return fail(m('workgroup.disabled', { name: String(wg.Name) }), { hint: `aws athena update-work-group --work-group ${wg.Name} --state ENABLED`, evidence });
        if (!output) {
          const error = 'No output location provided. An output location is required either through the Workgroup result configuration setting or as an API input.';
          return fail(m('workgroup.noOutput', { name: String(wg.Name), error }), {
            hint: `aws athena update-work-group --work-group ${wg.Name} --configuration-updates ResultConfigurationUpdates={OutputLocation=s3://<bucket>/athena-results/}`,
            evidence,
          });
        }
        return pass(m('workgroup.ok', { name: String(wg.Name), output }), { evidence });
      },
    },
    {
      id: 'query.saved',
      title: m('saved.title'),
      points: 1,
      dependsOn: ['workgroup.output'],
      hints: [m('saved.hint')],
      async run(ctx) {
        const names = resourceNames(ctx.config.prefix);
        const query = await savedQuery(ctx);
        if (!query) return fail(m('saved.missing', { workgroup: names.workgroup, query: names.hourlyStatsQuery }), { hint: `aws athena create-named-query --work-group ${names.workgroup} --name ${names.hourlyStatsQuery} --database ${names.glueDatabase} --query-string file://hourly-stats.sql`, evidence: {} });
        return pass(m('saved.ok', { query: String(query.Name), database: String(query.Database), workgroup: names.workgroup }), { evidence: { namedQuery: query.Name, database: query.Database, sql: query.QueryString } });
      },
    },
    {
      id: 'query.ran',
      title: m('ran.title'),
      points: 2,
      dependsOn: ['query.saved', 'table.over-lake'],
      hints: [m('ran.hint')],
      async run(ctx) {
        const query = (await savedQuery(ctx))!;
        const { latest, succeeded } = await savedQueryRuns(ctx);
        const table = await tableOrFail(ctx);
        const evidence = { latestState: latest?.Status?.State, latestReason: latest?.Status?.StateChangeReason, succeededAt: succeeded?.Status?.CompletionDateTime?.toISOString(), dataScannedInBytes: succeeded?.Statistics?.DataScannedInBytes };
        if (!latest) return fail(m('ran.never', { query: String(query.Name) }), { hint: `aws athena start-query-execution --work-group ${resourceNames(ctx.config.prefix).workgroup} --query-execution-context Database=${query.Database} --query-string file://hourly-stats.sql`, evidence });
        if (latest.Status?.State === 'QUEUED' || latest.Status?.State === 'RUNNING') return pending(m('ran.running', { query: String(query.Name), state: latest.Status.State }), { evidence });
        if (!succeeded) {
          const reason = latest.Status?.StateChangeReason ?? latest.Status?.AthenaError?.ErrorMessage ?? '';
          return fail(m('ran.noSuccess', { query: String(query.Name), state: String(latest.Status?.State), reason }), { hint: m('ran.noSuccessHint'), evidence });
        }
        if (!new RegExp(`\\b${table.Name}\\b`, 'i').test(succeeded.Query ?? '')) return fail(m('ran.otherTable', { table: String(table.Name) }), { hint: m('ran.otherTableHint', { table: String(table.Name) }), evidence });
        return pass(m('ran.ok', { query: String(query.Name), time: String(succeeded.Status?.CompletionDateTime?.toISOString()), bytes: succeeded.Statistics?.DataScannedInBytes ?? 0 }), { evidence });
      },
    },
    {
      id: 'query.results-agree',
      title: m('results.title'),
      points: 3,
      dependsOn: ['query.ran'],
      hints: [m('results.hint')],
      async run(ctx) {
        const { succeeded } = await savedQueryRuns(ctx);
        const { lake } = await lakeTable(ctx);
        const rows = await queryRows(ctx, succeeded!.QueryExecutionId!);
        const cols = resultColumns(Object.keys(rows[0] ?? {}));
        if (!cols.device || !cols.hour || !cols.count) {
          return fail(m('results.columns', { columns: Object.keys(rows[0] ?? {}).join(', ') || m('results.noRows') }), {
            hint: m('results.columnsHint'),
            evidence: { rows: rows.length, columns: cols },
          });
        }
        // The run saw the objects written before it listed the table's files, some moment between its
        // submission and its completion: the truth as of either end may be the one it read.
        const submitted = succeeded!.Status?.SubmissionDateTime?.getTime() ?? ctx.clock.now();
        const completed = succeeded!.Status?.CompletionDateTime?.getTime() ?? submitted;
        let truth = await lakeTruth(ctx, lake, submitted);
        let diffs = compareWithTruth(rows, cols, truth);
        if (diffs.length > 0 && completed > submitted) {
          const later = await lakeTruth(ctx, lake, completed);
          const laterDiffs = compareWithTruth(rows, cols, later);
          if (laterDiffs.length < diffs.length) [truth, diffs] = [later, laterDiffs];
        }
        const evidence: Record<string, unknown> = { rows: rows.length, hoursCompared: truth.hours, objectsRead: truth.objectsRead, columns: cols };
        evidence.diff = diffs.slice(0, 10);
        if (truth.stats.size === 0 && rows.length === 0) return pending(m('results.empty'), { evidence });
        if (diffs.length > 0) {
          const glued = truth.gluedObjects > 0 ? m('results.glued', { count: truth.gluedObjects }) : '';
          return fail(m('results.differ', { count: diffs.length, first: diffs[0]!, glued }), {
            hint: truth.gluedObjects > 0 ? m('results.gluedHint') : m('results.groupHint'),
            evidence,
          });
        }
        return pass(m('results.ok', { rows: rows.length, objects: truth.objectsRead, hours: truth.hours.join(', ') }), { evidence });
      },
    },
    {
      id: 'query.partition-pruning',
      title: m('pruning.title'),
      points: 1,
      dependsOn: ['query.ran', 'table.partitions-current'],
      hints: [m('pruning.hint')],
      async run(ctx) {
        const table = await tableOrFail(ctx);
        const { lake } = await lakeTable(ctx);
        const keys = (table.PartitionKeys ?? []).map((k) => k.Name!);
        // A filter that selects no data scans nothing and proves nothing: only runs that read something count.
        const filtered = (await workgroupRuns(ctx)).filter(
          (e) => e.Status?.State === 'SUCCEEDED' && (e.Statistics?.DataScannedInBytes ?? 0) > 0 && keys.some((k) => new RegExp(`\\bWHERE\\b[\\s\\S]*\\b${k}\\b`, 'i').test(e.Query ?? '')),
        );
        const best = filtered[0];
        const evidence: Record<string, unknown> = { partitionKeys: keys, filteredQueries: filtered.length };
        if (keys.length === 0) return fail(m('pruning.unpartitioned', { table: String(table.Name) }), { hint: m('pruning.unpartitionedHint'), evidence, score: 0 });
        if (!best) {
          return fail(m('pruning.none', { keys: keys.join(', ') }), {
            hint: `SELECT count(*) FROM ${table.Name} WHERE ${keys[0]} = '<year>'${keys[3] ? ` AND ${keys[3]} = '<hour>'` : ''}`,
            evidence,
          });
        }
        // "The whole table" as it was when the filtered query ran: the lake's objects written before it.
        const whole = await lakeSize(ctx, lake, best.Status?.SubmissionDateTime?.getTime() ?? ctx.clock.now());
        const bytes = best.Statistics?.DataScannedInBytes ?? 0;
        Object.assign(evidence, { filteredScanBytes: bytes, tableBytes: whole.bytes, tableFolders: whole.folders });
        const on = keys.filter((k) => new RegExp(`\\b${k}\\b`, 'i').test(best.Query ?? '')).join(', ');
        if (bytes < whole.bytes) return pass(m('pruning.pruned', { on, bytes, total: whole.bytes, folders: whole.folders }), { evidence });
        if (whole.folders <= 1) return pass(m('pruning.oneHour', { on, bytes }), { evidence });
        return fail(m('pruning.notPruned', { bytes, total: whole.bytes, folders: whole.folders }), { hint: m('pruning.notPrunedHint'), evidence, score: 0.5 });
      },
    },
  ],
});
