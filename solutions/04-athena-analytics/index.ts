// Reference solution of lab 4: a Glue database and a crawler (with its role) over lab 2's data lake,
// the crawled table told to skip lines that are not JSON, an Athena workgroup writing its results into
// the bucket, the hourly statistics saved as a named query, and one run of it.

import { defineSolution } from '../../src/engine/solution.js';
import { EnvironmentError } from '../../src/errors.js';
import { resourceNames } from '../../src/labs/resource-names.js';
import { locateLake } from '../../checks/lib/firehose-pipeline.js';
import { recentFolders, recentObjects } from '../../checks/lib/data-lake.js';
import { waitFor } from '../lib/wait.js';
import { ensureNamedQuery, ensureWorkgroup, runOnce } from '../lib/athena.js';
import { crawlOnce, ensureCrawler, ensureGlueDatabase, ensureSerdeParameter, getTable, hasPartitionFor } from '../lib/glue-catalog.js';
import { ensureRole } from '../lib/iam-role.js';
import { Ledger } from '../lib/ledger.js';
import { hourlyStatsSql, LAKE_TABLE, newestHourSql } from './hourly-stats.js';
import { ts } from '../lib/messages.js';

export default defineSolution({
  async deploy(ctx) {
    const names = resourceNames(ctx.config.prefix);
    const ledger = new Ledger(ctx);
    const lake = await locateLake(ctx);
    if (!lake.streamName) throw new EnvironmentError(ts('refusals.lab4NeedsLab2'), ts('refusals.lab4NeedsLab2Hint'));
    const bucketArn = `arn:aws:s3:::${lake.bucket}`;
    const lakePath = `s3://${lake.bucket}/${lake.prefix}`;

    // A crawler over an empty prefix makes no table: wait for Firehose's first object (one buffer interval).
    const hasData = async () => (await recentObjects(ctx, lake.bucket, lake.prefix, ctx.clock.now(), { hours: 24, limit: 1 })).length > 0;
    if (!(await hasData())) {
      ctx.log(ts('progress.waitingFirstObject', { path: lakePath, seconds: lake.intervalSeconds }));
      await waitFor(ctx, hasData, { what: ts('waits.readings', { path: lakePath }), timeoutMs: (lake.intervalSeconds + 120) * 1000, intervalMs: 2_000 });
    }

    await ensureGlueDatabase(ctx, ledger, names.glueDatabase, 'The IoT data lake of lab 2, catalogued for Athena.');
    const roleArn = await ensureRole(ctx, ledger, {
      name: names.crawlerRole,
      service: 'glue.amazonaws.com',
      description: 'Lets the Glue crawler read the data lake and write the catalog.',
      managed: ['arn:aws:iam::aws:policy/service-role/AWSGlueServiceRole'],
      inline: {
        'read-lake': {
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Action: 's3:GetObject', Resource: `${bucketArn}/${lake.prefix}*` },
            { Effect: 'Allow', Action: 's3:ListBucket', Resource: bucketArn },
          ],
        },
      },
    });
    await ensureCrawler(ctx, ledger, { name: names.crawler, roleArn, database: names.glueDatabase, path: lakePath, description: 'Catalogues the readings Firehose delivers.' });

    // Crawl when there is no table yet, or when the newest hour's folder is not a partition of it.
    let table = await getTable(ctx, names.glueDatabase, LAKE_TABLE);
    const newestFolder = recentFolders(lake.prefix, ctx.clock.now(), 1)[0]!;
    if (!table || !(await hasPartitionFor(ctx, names.glueDatabase, LAKE_TABLE, newestFolder))) {
      await crawlOnce(ctx, ledger, names.crawler);
      table = await getTable(ctx, names.glueDatabase, LAKE_TABLE);
    }
    if (!table) throw new Error(ts('refusals.noCrawledTable', { crawler: names.crawler, table: LAKE_TABLE, database: names.glueDatabase, path: lakePath }));
    // A device's malformed message (cut-off JSON) would fail every query: the OpenX SerDe can skip such lines.
    await ensureSerdeParameter(ctx, ledger, names.glueDatabase, table, 'ignore.malformed.json', 'true');

    await ensureWorkgroup(ctx, ledger, names.workgroup, `s3://${lake.bucket}/${names.athenaResultsPrefix}`, 'Queries of the IoT data lake.');
    const sql = hourlyStatsSql();
    await ensureNamedQuery(ctx, ledger, { name: names.hourlyStatsQuery, workgroup: names.workgroup, database: names.glueDatabase, sql, description: 'Readings and temperature per device and hour.' });
    await runOnce(ctx, ledger, { name: names.hourlyStatsQuery, workgroup: names.workgroup, database: names.glueDatabase, sql });
    const [newest] = await recentObjects(ctx, lake.bucket, lake.prefix, ctx.clock.now(), { hours: 3, limit: 1 });
    const newestHour = newest!.key.slice(0, newest!.key.lastIndexOf('/') + 1);
    await runOnce(ctx, ledger, { name: ts('ledger.newestHourQuery'), workgroup: names.workgroup, database: names.glueDatabase, sql: newestHourSql(newestHour) });
    return ledger.result();
  },
});
