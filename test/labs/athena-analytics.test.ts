// Lab 4 against an in-process sandbox through the real binary: the checker reads the student's query
// runs and never starts one; each mistake is named by the check that catches it, with the fix.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AthenaClient, CreateNamedQueryCommand, DeleteNamedQueryCommand, GetQueryExecutionCommand, StartQueryExecutionCommand, UpdateWorkGroupCommand } from '@aws-sdk/client-athena';
import { CreateTableCommand, DeleteTableCommand, GetCrawlerCommand, GetTableCommand, GlueClient, StartCrawlerCommand } from '@aws-sdk/client-glue';
import { DeleteRolePolicyCommand, DetachRolePolicyCommand, IAMClient } from '@aws-sdk/client-iam';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { startSandbox, type RunningSandbox } from '../../sandbox/index.js';
import { logMark } from '../../src/local-run/workbench.js';
import { namedQueries } from '../../checks/lib/athena-lookups.js';
import { hourlyStatsSql } from '../../solutions/04-athena-analytics/hourly-stats.js';
import { assertBuilt, checksOf, clientConfig, lab, newHome, until } from './support.js';

const BUCKET = 'iotlab-datalake-000000000000';
const DB = 'iotlab_datalake';
let sandbox: RunningSandbox;
let home: string;
let glue: GlueClient;
let athena: AthenaClient;
let s3: S3Client;
const run = (args: string[], timeoutMs?: number) => lab(args, home, sandbox.endpoint, timeoutMs);

async function check() {
  const checked = await run(['check', '4', '--json', '--wait', '0']);
  return { code: checked.code, checks: checksOf(checked) };
}

async function objectCount(prefix = 'telemetry/') {
  return ((await s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: prefix }))).Contents ?? []).length;
}

/** Readings from the device, waited for until Firehose has written them. */
async function publish(count = 12) {
  const before = await objectCount();
  expect((await run(['device', '--count', String(count), '--rate', '10'])).code).toBe(0);
  await until('a new object in the lake', async () => ((await objectCount()) > before ? true : undefined), 30_000);
}

async function runQuery(sql: string): Promise<string> {
  const { QueryExecutionId } = await athena.send(new StartQueryExecutionCommand({ QueryString: sql, WorkGroup: 'iotlab-wg', QueryExecutionContext: { Database: DB } }));
  await until('the query', async () => {
    const state = (await athena.send(new GetQueryExecutionCommand({ QueryExecutionId }))).QueryExecution?.Status?.State;
    return state === 'QUEUED' || state === 'RUNNING' ? undefined : state;
  });
  return QueryExecutionId!;
}

async function crawl() {
  const before = (await glue.send(new GetCrawlerCommand({ Name: 'iotlab-crawler' }))).Crawler?.LastCrawl?.StartTime?.getTime() ?? 0;
  await glue.send(new StartCrawlerCommand({ Name: 'iotlab-crawler' }));
  await until('the crawl', async () => {
    const c = (await glue.send(new GetCrawlerCommand({ Name: 'iotlab-crawler' }))).Crawler;
    return c?.State === 'READY' && (c.LastCrawl?.StartTime?.getTime() ?? 0) > before ? c : undefined;
  });
}

async function repair() {
  const solved = await run(['solve', '4']);
  expect(solved.code, solved.stdout + solved.stderr).toBe(0);
  return solved.stdout;
}

beforeAll(async () => {
  assertBuilt();
  sandbox = await startSandbox({ port: 0, inMemory: true, verbose: false, mqttPort: 0, mqttsPort: 0, firehoseIntervalScale: 0.05 });
  home = await newHome();
  glue = new GlueClient(clientConfig(sandbox));
  athena = new AthenaClient(clientConfig(sandbox));
  s3 = new S3Client({ ...clientConfig(sandbox), forcePathStyle: true });
  for (const n of ['0', '2']) expect((await run(['solve', n])).code).toBe(0);
  await publish();
  await repair();
}, 120_000);

afterAll(async () => {
  for (const c of [glue, athena, s3]) c?.destroy();
  await sandbox?.stop();
});

describe('lab 4 on the reference solution', () => {
  it('passes from the runs the student made, without starting a query or changing anything', async () => {
    const since = await logMark();
    const checked = await run(['check', '4', '--json', '--wait', '10']);
    const checks = checksOf(checked);
    expect(Object.entries(checks).filter(([, c]) => c.status !== 'pass').map(([id, c]) => `${id}: ${c.message}`)).toEqual([]);
    expect(checks['query.results-agree']!.message).toMatch(/^The run's \d+ row\(s\) agree with the \d+ object\(s\) of the hours .+ in S3 for every device and hour\.$/);
    expect(checked.code).toBe(0);
    const calls = sandbox.sandbox.log.calls(since);
    expect(calls.filter((c) => !c.readOnly).map((c) => `${c.service}.${c.operation}`)).toEqual([]);
    expect(calls.some((c) => c.operation === 'StartQueryExecution')).toBe(false);
  }, 60_000);
});

describe('lab 4 mistakes, each named by its check', () => {
  it('a workgroup without an output location: Athena’s own message', async () => {
    await athena.send(new UpdateWorkGroupCommand({ WorkGroup: 'iotlab-wg', ConfigurationUpdates: { ResultConfigurationUpdates: { RemoveOutputLocation: true } } }));
    const { checks } = await check();
    expect(checks['workgroup.output']!.status).toBe('fail');
    expect(checks['workgroup.output']!.message).toContain('No output location provided. An output location is required either through the Workgroup result configuration setting or as an API input.');
    await repair();
    expect((await check()).checks['workgroup.output']!.status).toBe('pass');
  }, 60_000);

  it('a named query whose answer is wrong: the diff is shown', async () => {
    const wrong = hourlyStatsSql().replace('count(*) AS readings', 'count(*) + 1 AS readings');
    for (const q of (await namedQueries(athena, 'iotlab-wg')).filter((q) => q.Name === 'iotlab-hourly-stats')) {
      await athena.send(new DeleteNamedQueryCommand({ NamedQueryId: q.NamedQueryId }));
    }
    await athena.send(new CreateNamedQueryCommand({ Name: 'iotlab-hourly-stats', WorkGroup: 'iotlab-wg', Database: DB, QueryString: wrong }));
    await runQuery(wrong);
    const { checks } = await check();
    expect(checks['query.results-agree']!.status).toBe('fail');
    expect(checks['query.results-agree']!.message).toMatch(/^The results differ from the readings in S3 in \d+ device-hour\(s\), e\.g\. iotlab-dev1 \S+: query (\d+) readings, .*; S3 (\d+) readings/);
    await repair();
  }, 60_000);

  it('a table over another prefix: 0 rows, named', async () => {
    const table = (await glue.send(new GetTableCommand({ DatabaseName: DB, Name: 'telemetry' }))).Table!;
    await glue.send(new DeleteTableCommand({ DatabaseName: DB, Name: 'telemetry' }));
    await glue.send(
      new CreateTableCommand({
        DatabaseName: DB,
        TableInput: { Name: 'readings', TableType: 'EXTERNAL_TABLE', StorageDescriptor: { ...table.StorageDescriptor, Location: `s3://${BUCKET}/data/` }, PartitionKeys: table.PartitionKeys, Parameters: table.Parameters },
      }),
    );
    const { checks } = await check();
    expect(checks['table.over-lake']).toMatchObject({ status: 'fail', message: `No table of ${DB} reads s3://${BUCKET}/telemetry/: readings reads s3://${BUCKET}/data/, where Firehose writes nothing, so its queries return 0 rows.` });
    await glue.send(new DeleteTableCommand({ DatabaseName: DB, Name: 'readings' }));
    await repair();
  }, 90_000);

  it("a crawler role without S3 access: the crawl FAILED, with its message", async () => {
    const iam = new IAMClient(clientConfig(sandbox));
    await iam.send(new DeleteRolePolicyCommand({ RoleName: 'iotlab-crawler-role', PolicyName: 'read-lake' }));
    await iam.send(new DetachRolePolicyCommand({ RoleName: 'iotlab-crawler-role', PolicyArn: 'arn:aws:iam::aws:policy/service-role/AWSGlueServiceRole' }));
    await crawl();
    const { checks } = await check();
    expect(checks['crawler.succeeded']!.status).toBe('fail');
    expect(checks['crawler.succeeded']!.message).toMatch(/^Crawler iotlab-crawler's last crawl FAILED: .+/);
    expect(checks['crawler.role-can-read']!.message).toContain('Role iotlab-crawler-role (used by crawler iotlab-crawler) may not s3:GetObject on arn:aws:s3:::iotlab-datalake-000000000000/telemetry/*');
    await repair();
    await crawl();
    expect((await check()).checks['crawler.succeeded']!.status).toBe('pass');
  }, 90_000);

  it('records glued without separator in lab 2: Athena counts one row per line', async () => {
    const iot = await import('@aws-sdk/client-iot');
    const client = new iot.IoTClient(clientConfig(sandbox));
    const { rule } = await client.send(new iot.GetTopicRuleCommand({ ruleName: 'iotlab_telemetry_to_firehose' }));
    const { separator: _dropped, ...action } = rule!.actions![0]!.firehose!;
    await client.send(new iot.ReplaceTopicRuleCommand({ ruleName: 'iotlab_telemetry_to_firehose', topicRulePayload: { sql: rule!.sql!, awsIotSqlVersion: rule!.awsIotSqlVersion, actions: [{ firehose: action }] } }));
    await publish();
    await crawl();
    await runQuery(hourlyStatsSql());
    const { checks } = await check();
    expect(checks['query.results-agree']!.status).toBe('fail');
    expect(checks['query.results-agree']!.message).toContain('object(s) hold records glued without separator: Athena reads one row per line, so it counts only the first reading of each');
    expect((await run(['solve', '2'])).code).toBe(0);
    client.destroy();
  }, 90_000);
});
