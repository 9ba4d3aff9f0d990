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

const DEVICE_COLUMNS = ['device_name', 'DEVICE_NAME', 'timestamp', 'TIMESTAMP', 'humidity', 'HUMIDITY', 'temperature', 'TEMPERATURE'];
const SCHEMA = ['device_name', 'timestamp', 'humidity', 'temperature'];
const OPENX = 'org.openx.data.jsonserde.JsonSerDe';
const HIVE_JSON = 'org.apache.hive.hcatalog.data.JsonSerDe';
/** Two averages agree when they differ by less than this (results are rounded). */
const AVG_TOLERANCE = 0.01;

/** `YYYY-MM-DDTHH` from an hour value as a query may write it (`2026-12-03T07`, `2026-12-03 07:00:00.000`). */
function hourOf(value: string | undefined): string | undefined {
  const m = /(\d{4}-\d{2}-\d{2})[T ](\d{2})/.exec(value ?? '');
  return m ? `${m[1]}T${m[2]}` : undefined;
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

const describeStats = (s: HourStats | undefined) => (s ? `${s.readings} readings, avg ${s.avg.toFixed(2)}, min ${s.min}, max ${s.max}` : 'no readings');

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
    if (wrong) diffs.push(`${row[cols.device!]} ${hour}: query ${got.readings} readings${got.avg !== undefined ? `, avg ${got.avg}` : ''}${got.min !== undefined ? `, min ${got.min}` : ''}${got.max !== undefined ? `, max ${got.max}` : ''}; S3 ${describeStats(t)}`);
  }
  for (const [key, t] of truth.stats) if (!seen.has(key)) diffs.push(`${t.device} ${t.hour}: query no row; S3 ${describeStats(t)}`);
  return diffs;
}

async function tableOrFail(ctx: CheckContext) {
  return (await lakeTable(ctx)).table!;
}

export default defineChecks({
  checks: [
    {
      id: 'database.exists',
      title: 'The Glue database for the data lake exists',
      points: 1,
      hints: ['AWS Glue console → Data Catalog → Databases → Add database, named <prefix>_datalake.'],
      async run(ctx) {
        const name = resourceNames(ctx.config.prefix).glueDatabase;
        const db = await glueDatabase(ctx);
        if (!db) return fail(`There is no Glue database ${name}.`, { hint: `aws glue create-database --database-input Name=${name} (lab 4, step 1)`, evidence: { database: name } });
        return pass(`Glue database ${db.Name} exists.`, { evidence: { database: db.Name } });
      },
    },
    {
      id: 'table.over-lake',
      title: "A table reads lab 2's data lake with the JSON SerDe and the device's columns",
      points: 2,
      dependsOn: ['database.exists'],
      hints: ['Run the crawler over s3://<bucket>/telemetry/, or CREATE EXTERNAL TABLE with ROW FORMAT SERDE and LOCATION pointing there.'],
      async run(ctx) {
        const { lake, table, tables } = await lakeTable(ctx);
        const lakeRoot = `s3://${lake.bucket}/${lake.prefix}`;
        const evidence: Record<string, unknown> = { lake: lakeRoot, tables: tables.map((t) => `${t.Name} → ${t.StorageDescriptor?.Location ?? '?'}`) };
        if (!table) {
          const elsewhere = tables[0];
          return fail(
            elsewhere
              ? `No table of ${resourceNames(ctx.config.prefix).glueDatabase} reads ${lakeRoot}: ${elsewhere.Name} reads ${elsewhere.StorageDescriptor?.Location}, where Firehose writes nothing, so its queries return 0 rows.`
              : `The database has no table yet: nothing catalogues ${lakeRoot}.`,
            { hint: `Point the crawler (or the table's LOCATION) at ${lakeRoot}, the destination of delivery stream ${lake.streamName ?? '(lab 2)'}.`, evidence },
          );
        }
        const columns = (table.StorageDescriptor?.Columns ?? []).map((c) => c.Name!.toLowerCase());
        const serde = table.StorageDescriptor?.SerdeInfo?.SerializationLibrary;
        Object.assign(evidence, { table: table.Name, location: table.StorageDescriptor?.Location, serde, columns, partitionKeys: (table.PartitionKeys ?? []).map((k) => k.Name) });
        const missing = SCHEMA.filter((c) => !columns.includes(c));
        if (serde !== OPENX && serde !== HIVE_JSON) {
          return fail(`Table ${table.Name} reads its files with ${serde ?? 'no SerDe'}, not a JSON SerDe: the readings would not be parsed.`, { hint: `Use ROW FORMAT SERDE '${OPENX}' (a crawler sets it for JSON).`, evidence });
        }
        if (missing.length > 0) {
          return fail(`Table ${table.Name} has no column ${missing.join(', ')} (its columns: ${columns.join(', ')}): the device's readings have ${DEVICE_COLUMNS.filter((_, i) => i % 2 === 1).join(', ')}.`, { hint: 'Crawl again once readings are in the lake, or add the columns to the table.', evidence });
        }
        return pass(`Table ${table.Name} reads ${table.StorageDescriptor?.Location} with ${serde.split('.').pop()} and has the columns ${SCHEMA.join(', ')}.`, { evidence });
      },
    },
    {
      id: 'table.partitions-current',
      title: 'The table has a partition for the newest hour of data',
      points: 2,
      dependsOn: ['table.over-lake'],
      hints: ['Run the crawler again (or MSCK REPAIR / ALTER TABLE ADD PARTITION): Firehose starts a new folder every hour.'],
      async run(ctx) {
        const { lake } = await lakeTable(ctx);
        const table = await tableOrFail(ctx);
        const keys = table.PartitionKeys ?? [];
        if (keys.length === 0) return pass(`Table ${table.Name} is not partitioned: every query reads all of ${table.StorageDescriptor?.Location}.`, { evidence: { table: table.Name } });
        const [newest] = await recentObjects(ctx, lake.bucket, lake.prefix, ctx.clock.now(), { hours: 3, limit: 1 });
        const partitions = await tablePartitions(ctx, table.DatabaseName!, table.Name!);
        const folder = newest ? newest.key.slice(0, newest.key.lastIndexOf('/') + 1) : undefined;
        const evidence = { table: table.Name, partitions: partitions.length, newestFolder: folder, partitionKeys: keys.map((k) => k.Name) };
        if (!folder) return pending(`There are no objects in the data lake's last three hours yet, so there is no newest hour to look for.`, { evidence });
        const covered = partitions.some((p) => normalLocation(p.StorageDescriptor?.Location).endsWith(`/${folder}`));
        if (covered) return pass(`Table ${table.Name} has ${partitions.length} partition(s), including the newest hour ${folder}.`, { evidence });
        const crawler = await lakeCrawler(ctx);
        if (crawler?.State === 'RUNNING' || crawler?.State === 'STOPPING') return pending(`Crawler ${crawler.Name} is ${crawler.State}: the partition for ${folder} may come with this crawl.`, { evidence });
        return fail(`Table ${table.Name} has no partition for the newest hour ${folder} (it has ${partitions.length}): queries do not see the newest readings.`, {
          hint: crawler ? `aws glue start-crawler --name ${crawler.Name} (or schedule it hourly)` : `ALTER TABLE ${table.Name} ADD PARTITION (...) LOCATION 's3://${lake.bucket}/${folder}'`,
          evidence,
        });
      },
    },
    {
      id: 'crawler.succeeded',
      title: "The crawler's last crawl succeeded",
      points: 1,
      dependsOn: ['database.exists'],
      hints: ['In the Glue console, Crawlers → your crawler → Crawler runs shows the last run and its error.'],
      async run(ctx) {
        const crawler = await lakeCrawler(ctx);
        if (!crawler) return pass('No crawler writes this database: the table was made with DDL, which is fine.', { evidence: {} });
        const last = crawler.LastCrawl;
        const evidence = { crawler: crawler.Name, state: crawler.State, lastStatus: last?.Status, lastError: last?.ErrorMessage, role: crawler.Role };
        if (!last) {
          if (crawler.State === 'RUNNING') return pending(`Crawler ${crawler.Name} is running its first crawl.`, { evidence });
          return fail(`Crawler ${crawler.Name} has never run.`, { hint: `aws glue start-crawler --name ${crawler.Name}`, evidence });
        }
        if (last.Status === 'SUCCEEDED') return pass(`Crawler ${crawler.Name}'s last crawl (${last.StartTime?.toISOString()}) succeeded.`, { evidence });
        return fail(`Crawler ${crawler.Name}'s last crawl ${last.Status}: ${last.ErrorMessage ?? 'no message'}.`, {
          hint: /not authorized to perform: glue:/i.test(last.ErrorMessage ?? '')
            ? "Attach the AWS managed policy AWSGlueServiceRole to the crawler's role (it lets the crawler read and write the catalog), then crawl again."
            : /access denied|not authorized|unable to assume/i.test(last.ErrorMessage ?? '')
              ? "Give the crawler's role read access to the bucket (s3:GetObject on the prefix, s3:ListBucket) and a trust policy naming glue.amazonaws.com, then crawl again."
              : `Read the crawler's log: aws logs tail /aws-glue/crawlers --log-stream-names ${crawler.Name}`,
          evidence,
        });
      },
    },
    {
      id: 'crawler.role-can-read',
      title: "The crawler's role may read the data lake",
      points: 1,
      dependsOn: ['database.exists'],
      hints: ['Attach AWSGlueServiceRole and allow s3:GetObject on arn:aws:s3:::<bucket>/telemetry/*.'],
      async run(ctx) {
        const crawler = await lakeCrawler(ctx);
        if (!crawler) return pass('No crawler writes this database (DDL table): no crawler role to judge.', { evidence: {} });
        const { lake } = await lakeTable(ctx);
        return judgeRole(ctx, { user: `crawler ${crawler.Name}`, roleArn: crawler.Role?.startsWith('arn:') ? crawler.Role : `arn:aws:iam::${ctx.target.accountId}:role/${crawler.Role}`, service: 'glue.amazonaws.com', actions: ['s3:GetObject'], resource: `arn:aws:s3:::${lake.bucket}/${lake.prefix}*` });
      },
    },
    {
      id: 'workgroup.output',
      title: 'The Athena workgroup writes query results to S3',
      points: 1,
      hints: ['Athena console → Workgroups → Create workgroup <prefix>-wg, "Location of query result" s3://<bucket>/athena-results/.'],
      async run(ctx) {
        const name = resourceNames(ctx.config.prefix).workgroup;
        const wg = await workgroup(ctx);
        if (!wg) return fail(`There is no Athena workgroup ${name}.`, { hint: `aws athena create-work-group --name ${name} --configuration ResultConfiguration={OutputLocation=s3://<bucket>/athena-results/}`, evidence: { workgroup: name } });
        const output = wg.Configuration?.ResultConfiguration?.OutputLocation;
        const evidence = { workgroup: wg.Name, state: wg.State, outputLocation: output };
        if (wg.State === 'DISABLED') return fail(`Workgroup ${wg.Name} is DISABLED: it runs no queries.`, { hint: `aws athena update-work-group --work-group ${wg.Name} --state ENABLED`, evidence });
        if (!output) {
          return fail(`Workgroup ${wg.Name} has no output location: Athena refuses its queries with "No output location provided. An output location is required either through the Workgroup result configuration setting or as an API input."`, {
            hint: `aws athena update-work-group --work-group ${wg.Name} --configuration-updates ResultConfigurationUpdates={OutputLocation=s3://<bucket>/athena-results/}`,
            evidence,
          });
        }
        return pass(`Workgroup ${wg.Name} writes query results to ${output}.`, { evidence });
      },
    },
    {
      id: 'query.saved',
      title: 'The hourly statistics are saved as a named query',
      points: 1,
      dependsOn: ['workgroup.output'],
      hints: ['In the query editor, write the hourly statistics query, then Save as <prefix>-hourly-stats in the workgroup.'],
      async run(ctx) {
        const names = resourceNames(ctx.config.prefix);
        const query = await savedQuery(ctx);
        if (!query) return fail(`Workgroup ${names.workgroup} has no named query ${names.hourlyStatsQuery}.`, { hint: `aws athena create-named-query --work-group ${names.workgroup} --name ${names.hourlyStatsQuery} --database ${names.glueDatabase} --query-string file://hourly-stats.sql`, evidence: {} });
        return pass(`Named query ${query.Name} (database ${query.Database}) is saved in ${names.workgroup}.`, { evidence: { namedQuery: query.Name, database: query.Database, sql: query.QueryString } });
      },
    },
    {
      id: 'query.ran',
      title: 'The named query ran successfully over the table',
      points: 2,
      dependsOn: ['query.saved', 'table.over-lake'],
      hints: ['Open the saved query in the editor and Run it (the checker never runs queries: they write to S3 and cost money).'],
      async run(ctx) {
        const query = (await savedQuery(ctx))!;
        const { latest, succeeded } = await savedQueryRuns(ctx);
        const table = await tableOrFail(ctx);
        const evidence = { latestState: latest?.Status?.State, latestReason: latest?.Status?.StateChangeReason, succeededAt: succeeded?.Status?.CompletionDateTime?.toISOString(), dataScannedInBytes: succeeded?.Statistics?.DataScannedInBytes };
        if (!latest) return fail(`Named query ${query.Name} has not been run in its workgroup yet.`, { hint: `aws athena start-query-execution --work-group ${resourceNames(ctx.config.prefix).workgroup} --query-execution-context Database=${query.Database} --query-string file://hourly-stats.sql`, evidence });
        if (latest.Status?.State === 'QUEUED' || latest.Status?.State === 'RUNNING') return pending(`The latest run of ${query.Name} is ${latest.Status.State}.`, { evidence });
        if (!succeeded) return fail(`No run of ${query.Name} succeeded; the latest ${latest.Status?.State}: ${latest.Status?.StateChangeReason ?? latest.Status?.AthenaError?.ErrorMessage ?? ''}`, { hint: 'Fix the query or the table as the message says, then run it again.', evidence });
        if (!new RegExp(`\\b${table.Name}\\b`, 'i').test(succeeded.Query ?? '')) return fail(`The named query does not read table ${table.Name}, the one over the data lake.`, { hint: `Query FROM ${table.Name}.`, evidence });
        return pass(`${query.Name} succeeded at ${succeeded.Status?.CompletionDateTime?.toISOString()}, scanning ${succeeded.Statistics?.DataScannedInBytes ?? 0} bytes.`, { evidence });
      },
    },
    {
      id: 'query.results-agree',
      title: "The query's results agree with the readings in S3",
      points: 3,
      dependsOn: ['query.ran'],
      hints: ['Count per device and hour of the readings’ TIMESTAMP, with avg/min/max of TEMPERATURE; compare with the objects in S3.'],
      async run(ctx) {
        const { succeeded } = await savedQueryRuns(ctx);
        const { lake } = await lakeTable(ctx);
        const rows = await queryRows(ctx, succeeded!.QueryExecutionId!);
        const cols = resultColumns(Object.keys(rows[0] ?? {}));
        if (!cols.device || !cols.hour || !cols.count) {
          return fail(`The results have no columns for the device, the hour and the count (they have ${Object.keys(rows[0] ?? {}).join(', ') || 'no rows'}), so they cannot be compared with the readings.`, {
            hint: 'SELECT device_name, <hour>, count(*) AS readings, ... GROUP BY device_name, <hour>.',
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
        if (truth.stats.size === 0 && rows.length === 0) return pending('Neither the query nor the data lake has readings in the hours compared yet.', { evidence });
        if (diffs.length > 0) {
          const glued = truth.gluedObjects > 0 ? ` ${truth.gluedObjects} object(s) hold records glued without separator: Athena reads one row per line, so it counts only the first reading of each (lab 2's rule.separator).` : '';
          return fail(`The results differ from the readings in S3 in ${diffs.length} device-hour(s), e.g. ${diffs[0]}.${glued}`, {
            hint: truth.gluedObjects > 0
              ? 'Give lab 2’s rule the separator "\\n" for new objects; the objects already written stay glued until rewritten one record per line (lab 4, step 8) or out of the hours compared.'
              : 'Group by device and the hour of TIMESTAMP (substr("timestamp", 1, 13)), count(*) the readings, and run the query again.',
            evidence,
          });
        }
        return pass(`The run's ${rows.length} row(s) agree with the ${truth.objectsRead} object(s) of the hours ${truth.hours.join(', ')} in S3 for every device and hour.`, { evidence });
      },
    },
    {
      id: 'query.partition-pruning',
      title: 'A query with a partition filter scanned less than the whole table',
      points: 1,
      dependsOn: ['query.ran', 'table.partitions-current'],
      hints: ['Add WHERE partition_0 = ... AND partition_3 = ... to a query and compare "Data scanned" with the unfiltered one: Athena bills by the bytes scanned.'],
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
        if (keys.length === 0) return fail(`Table ${table.Name} has no partitions, so every query scans all of it.`, { hint: 'Let the crawler map the YYYY/MM/DD/HH folders to partition columns.', evidence, score: 0 });
        if (!best) {
          return fail(`No successful query of the workgroup that filters on the partition columns (${keys.join(', ')}) has read any data yet: a filter on the newest hour reads that hour's folder instead of the whole table, and Athena bills by the bytes scanned.`, {
            hint: `SELECT count(*) FROM ${table.Name} WHERE ${keys[0]} = '<year>'${keys[3] ? ` AND ${keys[3]} = '<hour>'` : ''}`,
            evidence,
          });
        }
        // "The whole table" as it was when the filtered query ran: the lake's objects written before it.
        const whole = await lakeSize(ctx, lake, best.Status?.SubmissionDateTime?.getTime() ?? ctx.clock.now());
        const bytes = best.Statistics?.DataScannedInBytes ?? 0;
        Object.assign(evidence, { filteredScanBytes: bytes, tableBytes: whole.bytes, tableFolders: whole.folders });
        const on = keys.filter((k) => new RegExp(`\\b${k}\\b`, 'i').test(best.Query ?? '')).join(', ');
        if (bytes < whole.bytes) return pass(`A query filtered on ${on} scanned ${bytes} bytes of the table's ${whole.bytes} (${whole.folders} hour folder(s)): Athena bills by the bytes scanned.`, { evidence });
        if (whole.folders <= 1) return pass(`A query filtered on ${on} scanned ${bytes} bytes, the whole table, because it holds a single hour so far: the saving grows with every hour Firehose adds.`, { evidence });
        return fail(`The partition-filtered query scanned ${bytes} bytes, the whole table's ${whole.bytes} across ${whole.folders} hour folders: its filter did not prune any folder.`, { hint: 'Filter on one hour (all four partition columns), not on a range that covers every folder.', evidence, score: 0.5 });
      },
    },
  ],
});
