// Athena with independent clients: the AWS CLI (start-query-execution, get-query-execution,
// get-query-results, v1 and v2) and boto3 run queries over a partitioned table of the lake made over the wire.

import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_CREDENTIALS } from '../../sandbox/index.js';
import { awsCli, requireAwsCli } from './aws-cli.js';
import { lake } from './athena-lake.js';
import { useSandbox } from './support.js';

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
