// CloudWatch's other two wire protocols: Smithy RPC v2 CBOR (newer SDKs) built by hand, and awsQuery
// (older SDKs and CLIs) both by hand and through the AWS CLI v1 with a query-only model; plus the
// CLI's default JSON protocol.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeCbor, encodeCbor } from '../../sandbox/protocols/cbor.js';
import { useSandbox } from './support.js';
import { awsCli, requireAwsCli } from './aws-cli.js';

const AUTH = 'AWS4-HMAC-SHA256 Credential=test/20261128/us-east-1/monitoring/aws4_request, SignedHeaders=host;x-amz-date, Signature=0000';

function botocoreDir(): string | undefined {
  try {
    return execFileSync('python3', ['-c', 'import botocore, os; print(os.path.dirname(botocore.__file__))'], { encoding: 'utf8' }).trim();
  } catch {
    return undefined;
  }
}
const botocore = botocoreDir();

describe('CloudWatch over RPC v2 CBOR and awsQuery', () => {
  const sb = useSandbox();

  const cbor = async (operation: string, input: unknown) => {
    const res = await fetch(`${sb.endpoint}/service/GraniteServiceVersion20100801/operation/${operation}`, {
      method: 'POST',
      headers: { 'content-type': 'application/cbor', accept: 'application/cbor', 'smithy-protocol': 'rpc-v2-cbor', authorization: AUTH, 'x-amz-date': '20261128T100000Z' },
      body: new Uint8Array(encodeCbor(input)),
    });
    return { status: res.status, headers: res.headers, body: decodeCbor(Buffer.from(await res.arrayBuffer())) as Record<string, any> };
  };

  const query = async (params: Record<string, string>) => {
    const res = await fetch(sb.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', authorization: AUTH, 'x-amz-date': '20261128T100000Z' },
      body: new URLSearchParams({ Version: '2010-08-01', ...params }).toString(),
    });
    return { status: res.status, text: await res.text() };
  };

  it('puts and reads metrics in CBOR, timestamps as tag 1', async () => {
    const now = new Date(Math.floor(Date.now() / 60_000) * 60_000);
    const put = await cbor('PutMetricData', {
      Namespace: 'Cbor',
      MetricData: [{ MetricName: 'Hits', Dimensions: [{ Name: 'Page', Value: 'home' }], Value: 2, Timestamp: now, Unit: 'Count' }, { MetricName: 'Hits', Dimensions: [{ Name: 'Page', Value: 'home' }], Values: [3, 5], Timestamp: now, Unit: 'Count' }],
    });
    expect(put.status).toBe(200);
    const data = await cbor('GetMetricData', {
      StartTime: new Date(now.getTime() - 600_000),
      EndTime: new Date(now.getTime() + 600_000),
      MetricDataQueries: [{ Id: 'h', MetricStat: { Metric: { Namespace: 'Cbor', MetricName: 'Hits', Dimensions: [{ Name: 'Page', Value: 'home' }] }, Period: 60, Stat: 'Sum' } }],
    });
    expect(data.status).toBe(200);
    expect(data.headers.get('smithy-protocol')).toBe('rpc-v2-cbor');
    const [result] = data.body.MetricDataResults;
    expect(result.Values).toEqual([10]);
    expect(result.Timestamps[0]).toBeInstanceOf(Date);
    expect(result.Timestamps[0].getTime()).toBe(now.getTime());
    expect(result.StatusCode).toBe('Complete');
  });

  it('answers CBOR errors with the namespaced type and the query error header', async () => {
    const res = await cbor('PutMetricData', { Namespace: 'AWS/EC2', MetricData: [{ MetricName: 'x', Value: 1 }] });
    expect(res.status).toBe(400);
    expect(res.body.__type).toBe('com.amazonaws.cloudwatch#InvalidParameterValue');
    expect(res.body.message).toBe('The value AWS/EC2 for parameter Namespace is invalid.');
    expect(res.headers.get('x-amzn-query-error')).toBe('InvalidParameterValue;Sender');
  });

  it('unflattens awsQuery member lists and answers in the 2010-08-01 XML namespace', async () => {
    const t = new Date(Math.floor(Date.now() / 60_000) * 60_000).toISOString();
    const put = await query({
      Action: 'PutMetricData',
      Namespace: 'Query',
      'MetricData.member.1.MetricName': 'Lat',
      'MetricData.member.1.Dimensions.member.1.Name': 'Api',
      'MetricData.member.1.Dimensions.member.1.Value': 'get',
      'MetricData.member.1.Dimensions.member.2.Name': 'Stage',
      'MetricData.member.1.Dimensions.member.2.Value': 'prod',
      'MetricData.member.1.Timestamp': t,
      'MetricData.member.1.Values.member.1': '10',
      'MetricData.member.1.Values.member.2': '30',
      'MetricData.member.1.Counts.member.1': '1',
      'MetricData.member.1.Counts.member.2': '2',
      'MetricData.member.1.Unit': 'Milliseconds',
      'MetricData.member.2.MetricName': 'Lat',
      'MetricData.member.2.Dimensions.member.1.Name': 'Stage',
      'MetricData.member.2.Dimensions.member.1.Value': 'prod',
      'MetricData.member.2.Dimensions.member.2.Name': 'Api',
      'MetricData.member.2.Dimensions.member.2.Value': 'get',
      'MetricData.member.2.Timestamp': t,
      'MetricData.member.2.StatisticValues.Sum': '4',
      'MetricData.member.2.StatisticValues.Minimum': '1',
      'MetricData.member.2.StatisticValues.Maximum': '3',
      'MetricData.member.2.StatisticValues.SampleCount': '2',
      'MetricData.member.2.Unit': 'Milliseconds',
    });
    expect(put.status).toBe(200);
    const stats = await query({
      Action: 'GetMetricStatistics',
      Namespace: 'Query',
      MetricName: 'Lat',
      'Dimensions.member.1.Name': 'Api',
      'Dimensions.member.1.Value': 'get',
      'Dimensions.member.2.Name': 'Stage',
      'Dimensions.member.2.Value': 'prod',
      StartTime: new Date(Date.parse(t) - 300_000).toISOString(),
      EndTime: new Date(Date.parse(t) + 300_000).toISOString(),
      Period: '600',
      'Statistics.member.1': 'Sum',
      'Statistics.member.2': 'SampleCount',
      'Statistics.member.3': 'Minimum',
      'Statistics.member.4': 'Maximum',
    });
    expect(stats.status).toBe(200);
    expect(stats.text).toContain('<GetMetricStatisticsResponse xmlns="http://monitoring.amazonaws.com/doc/2010-08-01/">');
    expect(stats.text).toMatch(/<Sum>74<\/Sum>/);
    expect(stats.text).toMatch(/<SampleCount>5<\/SampleCount>/);
    expect(stats.text).toMatch(/<Minimum>1<\/Minimum>/);
    expect(stats.text).toMatch(/<Maximum>30<\/Maximum>/);
    expect(stats.text).toMatch(/<Unit>Milliseconds<\/Unit>/);

    const bad = await query({ Action: 'GetMetricStatistics', Namespace: 'Query', MetricName: 'Lat', StartTime: t, EndTime: t, Period: '60' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('<Code>InvalidParameterCombination</Code>');
    const missing = await query({ Action: 'GetMetricStatistics', Namespace: 'Query', MetricName: 'Lat', EndTime: t, Period: '60', 'Statistics.member.1': 'Sum' });
    expect(missing.text).toContain('<Code>MissingParameter</Code><Message>The parameter StartTime is required.</Message>');
  });

  describe.skipIf(!botocore)('through the AWS CLI v1', () => {
    let model: string | undefined;
    /** botocore's CloudWatch model with awsQuery as its only protocol, so the CLI speaks query. */
    function queryModel(): string {
      if (model) return model;
      const root = mkdtempSync(join(tmpdir(), 'cw-query-model-'));
      const dir = join(root, 'cloudwatch', '2010-08-01');
      mkdirSync(dir, { recursive: true });
      const src = join(botocore!, 'data', 'cloudwatch', '2010-08-01', 'service-2.json.gz');
      const doc = JSON.parse(gunzipSync(readFileSync(src)).toString('utf8'));
      doc.metadata.protocol = 'query';
      doc.metadata.protocols = ['query'];
      writeFileSync(join(dir, 'service-2.json'), JSON.stringify(doc));
      model = root;
      return root;
    }

    for (const protocol of ['query', 'json'] as const) {
      it(`put-metric-data, get-metric-statistics, get-metric-data and list-metrics (${protocol})`, async (ctx) => {
        const aws = awsCli(requireAwsCli(ctx, 'v1'), sb, { env: protocol === 'query' ? { AWS_DATA_PATH: queryModel() } : {} });
        const ns = `Cli${protocol}`;
        const start = new Date(Date.now() - 600_000).toISOString();
        const end = new Date(Date.now() + 600_000).toISOString();
        await aws.json('cloudwatch', 'put-metric-data', '--namespace', ns, '--metric-name', 'Temp', '--dimensions', 'Device=dev1', '--value', '21', '--unit', 'Count');
        await aws.json('cloudwatch', 'put-metric-data', '--namespace', ns, '--metric-name', 'Temp', '--dimensions', 'Device=dev1', '--value', '25', '--unit', 'Count');
        const stats = await aws.json('cloudwatch', 'get-metric-statistics', '--namespace', ns, '--metric-name', 'Temp', '--dimensions', 'Name=Device,Value=dev1', '--start-time', start, '--end-time', end, '--period', '1200', '--statistics', 'Sum', 'Average', 'SampleCount');
        expect(stats.Datapoints).toHaveLength(1);
        expect(stats.Datapoints[0]).toMatchObject({ Sum: 46, Average: 23, SampleCount: 2, Unit: 'Count' });
        const queries = JSON.stringify([{ Id: 't', MetricStat: { Metric: { Namespace: ns, MetricName: 'Temp', Dimensions: [{ Name: 'Device', Value: 'dev1' }] }, Period: 1200, Stat: 'Maximum' } }]);
        const data = await aws.json('cloudwatch', 'get-metric-data', '--start-time', start, '--end-time', end, '--metric-data-queries', queries);
        expect(data.MetricDataResults[0]).toMatchObject({ Id: 't', Label: 'Temp', Values: [25], StatusCode: 'Complete' });
        const list = await aws.json('cloudwatch', 'list-metrics', '--namespace', ns);
        expect(list.Metrics).toEqual([{ Namespace: ns, MetricName: 'Temp', Dimensions: [{ Name: 'Device', Value: 'dev1' }] }]);
        await expect(aws.json('cloudwatch', 'put-metric-data', '--namespace', 'AWS/Kinesis', '--metric-name', 'x', '--value', '1')).rejects.toMatchObject({
          stderr: expect.stringContaining('(InvalidParameterValue) when calling the PutMetricData operation: The value AWS/Kinesis for parameter Namespace is invalid.'),
        });
      }, 60_000);
    }
  });
});
