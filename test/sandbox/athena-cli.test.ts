// Athena with independent clients and across restarts: the AWS CLI (start-query-execution,
// get-query-execution, get-query-results) and boto3 run queries over a partitioned table of the lake; a
// sandbox process restarted on its data directory still has its workgroups, named queries, executions and
// results; a query RUNNING when the process is killed is FAILED, with the reason, after the restart.

import { execFile, spawnSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  AthenaClient,
  CreateNamedQueryCommand,
  CreateWorkGroupCommand,
  GetNamedQueryCommand,
  GetQueryExecutionCommand,
  GetQueryResultsCommand,
  GetWorkGroupCommand,
  ListQueryExecutionsCommand,
  StartQueryExecutionCommand,
  type QueryExecution,
} from '@aws-sdk/client-athena';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { SANDBOX_CREDENTIALS } from '../../sandbox/index.js';
import { awsCli, requireAwsCli } from './aws-cli.js';
import { killHard, useChildSandboxes } from './child-sandbox.js';
import { clientConfig, useSandbox } from './support.js';

const reading = (i: number) => ({ DEVICE_NAME: `dev${i % 3}`, TIMESTAMP: `2026-11-28T10:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`, HUMIDITY: 40 + (i % 20), TEMPERATURE: 20 + (i % 10) });
const gz = (n: number) => gzipSync(Array.from({ length: n }, (_, i) => JSON.stringify(reading(i))).join('\n') + '\n');

/** A lake bucket, a results bucket and a partitioned table `iot.readings` over n readings, made over the wire. */
async function lake(endpoint: string, n: number): Promise<void> {
  const config = clientConfig(endpoint);
  const s3 = new S3Client({ ...config, forcePathStyle: true });
  await s3.send(new CreateBucketCommand({ Bucket: 'lake' }));
  await s3.send(new CreateBucketCommand({ Bucket: 'results' }));
  await s3.send(new PutObjectCommand({ Bucket: 'lake', Key: 'telemetry/2026/11/28/10/s-1-2026-11-28-10-00-00-a.gz', Body: gz(n) }));
  const athena = new AthenaClient(config);
  for (const sql of [
    'CREATE DATABASE iot',
    `CREATE EXTERNAL TABLE iot.readings (device_name string, timestamp string, humidity int, temperature int) PARTITIONED BY (year string, month string, day string, hour string) ROW FORMAT SERDE 'org.openx.data.jsonserde.JsonSerDe' LOCATION 's3://lake/telemetry/'`,
    `ALTER TABLE iot.readings ADD PARTITION (year='2026', month='11', day='28', hour='10') LOCATION 's3://lake/telemetry/2026/11/28/10/'`,
  ]) {
    const execution = await run(athena, sql);
    if (execution.Status!.State !== 'SUCCEEDED') throw new Error(`${sql}: ${execution.Status!.StateChangeReason}`);
  }
}

async function run(athena: AthenaClient, sql: string, workGroup?: string): Promise<QueryExecution> {
  const { QueryExecutionId } = await athena.send(new StartQueryExecutionCommand({ QueryString: sql, WorkGroup: workGroup, ResultConfiguration: workGroup ? undefined : { OutputLocation: 's3://results/' } }));
  for (;;) {
    const { QueryExecution: q } = await athena.send(new GetQueryExecutionCommand({ QueryExecutionId }));
    if (!['QUEUED', 'RUNNING'].includes(q!.Status!.State!)) return q!;
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('Athena with the AWS CLI and boto3', () => {
  const sb = useSandbox();
  beforeAll(async () => lake(sb.endpoint, 90));

  it('runs a query with the AWS CLI and reads its results', { timeout: 60_000 }, async (ctx) => {
    const cli = awsCli(requireAwsCli(ctx, 'v1'), sb);
    const started = await cli.json(
      'athena',
      'start-query-execution',
      '--query-string',
      'SELECT device_name, count(*) AS n FROM readings GROUP BY device_name ORDER BY device_name',
      '--query-execution-context',
      'Database=iot',
      '--result-configuration',
      'OutputLocation=s3://results/cli/',
    );
    const id = started.QueryExecutionId as string;
    await sb.running.sandbox.api('athena').settle();
    const execution = (await cli.json('athena', 'get-query-execution', '--query-execution-id', id)).QueryExecution;
    expect(execution).toMatchObject({ Status: { State: 'SUCCEEDED' }, ResultConfiguration: { OutputLocation: `s3://results/cli/${id}.csv` }, QueryExecutionContext: { Database: 'iot' } });
    const results = await cli.json('athena', 'get-query-results', '--query-execution-id', id);
    expect(results.ResultSet.Rows.map((r: { Data: { VarCharValue?: string }[] }) => r.Data.map((d) => d.VarCharValue))).toEqual([
      ['device_name', 'n'],
      ['dev0', '30'],
      ['dev1', '30'],
      ['dev2', '30'],
    ]);
    const refused = await cli.exec('athena', 'start-query-execution', '--query-string', 'SELECT 1');
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain(
      'An error occurred (InvalidRequestException) when calling the StartQueryExecution operation: No output location provided. An output location is required either through the Workgroup result configuration setting or as an API input.',
    );
  });

  it('answers the AWS CLI v2', { timeout: 60_000 }, async (ctx) => {
    const cli = awsCli(requireAwsCli(ctx, 'v2'), sb);
    const { QueryExecutionId: id } = await cli.json('athena', 'start-query-execution', '--query-string', 'SELECT max(humidity) FROM iot.readings', '--result-configuration', 'OutputLocation=s3://results/v2/');
    await sb.running.sandbox.api('athena').settle();
    const results = await cli.json('athena', 'get-query-results', '--query-execution-id', id);
    expect(results.ResultSet.Rows).toEqual([{ Data: [{ VarCharValue: '_col0' }] }, { Data: [{ VarCharValue: '59' }] }]);
    expect(results.ResultSet.ResultSetMetadata.ColumnInfo[0]).toMatchObject({ Name: '_col0', Type: 'integer' });
  });

  const boto3 = spawnSync('python3', ['-c', 'import boto3'], { encoding: 'utf8' });
  it.skipIf(boto3.status !== 0)('answers boto3, a failed query included', { timeout: 30_000 }, async () => {
    const script = [
      'import boto3, json, sys, time',
      'a = boto3.client("athena", endpoint_url=sys.argv[1], region_name="us-east-1", aws_access_key_id=sys.argv[2], aws_secret_access_key=sys.argv[3])',
      'def run(sql):',
      '    qid = a.start_query_execution(QueryString=sql, QueryExecutionContext={"Database": "iot"}, ResultConfiguration={"OutputLocation": "s3://results/py/"})["QueryExecutionId"]',
      '    while True:',
      '        q = a.get_query_execution(QueryExecutionId=qid)["QueryExecution"]',
      '        if q["Status"]["State"] not in ("QUEUED", "RUNNING"): return q',
      '        time.sleep(0.02)',
      'ok = run("SELECT hour, count(*) AS n, avg(temperature) AS t FROM readings GROUP BY hour")',
      'rows = a.get_query_results(QueryExecutionId=ok["QueryExecutionId"])["ResultSet"]["Rows"]',
      'bad = run("SELECT nope FROM readings")',
      'print(json.dumps({"state": ok["Status"]["State"], "scanned": ok["Statistics"]["DataScannedInBytes"], "rows": [[d.get("VarCharValue") for d in r["Data"]] for r in rows],',
      '  "bad": [bad["Status"]["State"], bad["Status"]["StateChangeReason"], bad["Status"]["AthenaError"]["ErrorCategory"]]}))',
    ].join('\n');
    // Asynchronously: the sandbox answering python runs in this process.
    const out = await promisify(execFile)('python3', ['-c', script, sb.endpoint, SANDBOX_CREDENTIALS.accessKeyId, SANDBOX_CREDENTIALS.secretAccessKey], {
      env: { ...process.env, AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null' },
    });
    const got = JSON.parse(out.stdout);
    expect(got).toMatchObject({
      state: 'SUCCEEDED',
      rows: [
        ['hour', 'n', 't'],
        ['10', '90', '24.5'],
      ],
      bad: ['FAILED', "COLUMN_NOT_FOUND: line 1:8: Column 'nope' cannot be resolved or requester is not authorized to access requested resources", 2],
    });
    expect(got.scanned).toBeGreaterThan(0);
  });
});

describe('Athena across restarts', () => {
  const children = useChildSandboxes();

  it('keeps workgroups, named queries, executions and results, and fails a query cut off by kill -9', { timeout: 30_000 }, async () => {
    const dataDir = children.tempDir('sandbox-athena-');
    const first = await children.start(dataDir);
    await lake(first.endpoint, 600);
    let athena = new AthenaClient({ ...clientConfig(first.endpoint), maxAttempts: 1 });
    await athena.send(new CreateWorkGroupCommand({ Name: 'lab4', Configuration: { ResultConfiguration: { OutputLocation: 's3://results/lab4/' } } }));
    const { NamedQueryId } = await athena.send(new CreateNamedQueryCommand({ Name: 'per device', Database: 'iot', QueryString: 'SELECT device_name, count(*) FROM readings GROUP BY 1', WorkGroup: 'lab4' }));
    const done = await run(athena, 'SELECT count(*) FROM iot.readings', 'lab4');
    expect(done.Status!.State).toBe('SUCCEEDED');

    const { QueryExecutionId: cutOff } = await athena.send(
      new StartQueryExecutionCommand({ QueryString: 'SELECT count(*) FROM iot.readings a, iot.readings b, iot.readings c, iot.readings d', WorkGroup: 'lab4' }),
    );
    for (;;) {
      const { QueryExecution: q } = await athena.send(new GetQueryExecutionCommand({ QueryExecutionId: cutOff }));
      if (q!.Status!.State === 'RUNNING') break;
      await new Promise((r) => setTimeout(r, 10));
    }
    await killHard(first.child);

    const second = await children.start(dataDir);
    athena = new AthenaClient(clientConfig(second.endpoint));
    expect((await athena.send(new GetWorkGroupCommand({ WorkGroup: 'lab4' }))).WorkGroup!.Configuration!.ResultConfiguration!.OutputLocation).toBe('s3://results/lab4/');
    expect((await athena.send(new GetNamedQueryCommand({ NamedQueryId }))).NamedQuery!.Name).toBe('per device');
    expect((await athena.send(new ListQueryExecutionsCommand({ WorkGroup: 'lab4' }))).QueryExecutionIds).toEqual([cutOff, done.QueryExecutionId]);
    const results = await athena.send(new GetQueryResultsCommand({ QueryExecutionId: done.QueryExecutionId }));
    expect(results.ResultSet!.Rows!.map((r) => r.Data!.map((d) => d.VarCharValue))).toEqual([['_col0'], ['600']]);
    const { QueryExecution: interrupted } = await athena.send(new GetQueryExecutionCommand({ QueryExecutionId: cutOff }));
    expect(interrupted!.Status).toMatchObject({
      State: 'FAILED',
      StateChangeReason: 'Query did not finish: the sandbox stopped while it was running. Run the query again.',
      AthenaError: { ErrorCategory: 1, Retryable: true },
    });
    // The restarted sandbox still queries the lake it keeps on disk.
    expect((await run(athena, 'SELECT count(*) FROM iot.readings', 'lab4')).Status!.State).toBe('SUCCEEDED');
  });
});
