// CloudWatch metrics over the wire with @aws-sdk/client-cloudwatch (awsJson 1.0) at default settings:
// exact aggregation, dimensions and units, GetMetricData paging, ListMetrics, and AWS's errors.

import { describe, expect, it } from 'vitest';
import {
  CloudWatchClient,
  GetMetricDataCommand,
  GetMetricStatisticsCommand,
  ListMetricsCommand,
  PutMetricDataCommand,
  type MetricDatum,
} from '@aws-sdk/client-cloudwatch';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock, startSandbox } from '../../sandbox/index.js';
import { clientConfig, useSandbox } from './support.js';

const T0 = Date.UTC(2026, 10, 28, 10, 0, 0);
const at = (min: number, sec = 0) => new Date(T0 + min * 60_000 + sec * 1000);

describe('CloudWatch metrics', () => {
  const clock = new ManualClock(T0 + 10 * 60_000);
  const sb = useSandbox({ clock });
  const cw = () => new CloudWatchClient(sb.config());
  const dims = [{ Name: 'Device', Value: 'dev1' }];

  const stats = (MetricName: string, period: number, start: Date, end: Date, extra: object = {}) =>
    cw().send(
      new GetMetricStatisticsCommand({
        Namespace: 'Lab',
        MetricName,
        Dimensions: dims,
        StartTime: start,
        EndTime: end,
        Period: period,
        Statistics: ['Sum', 'Minimum', 'Maximum', 'SampleCount', 'Average'],
        ...extra,
      }),
    );

  it('aggregates Value, Values/Counts and StatisticValues exactly per 60 s and 300 s period', async () => {
    const data: MetricDatum[] = [
      { MetricName: 'Temp', Dimensions: dims, Timestamp: at(0, 10), Value: 1, Unit: 'Count' },
      { MetricName: 'Temp', Dimensions: dims, Timestamp: at(0, 50), Value: 5, Unit: 'Count' },
      { MetricName: 'Temp', Dimensions: dims, Timestamp: at(1, 30), Values: [2, 4], Counts: [1, 3], Unit: 'Count' },
      { MetricName: 'Temp', Dimensions: dims, Timestamp: at(4), StatisticValues: { Sum: 10, Minimum: 1, Maximum: 6, SampleCount: 4 }, Unit: 'Count' },
      { MetricName: 'Temp', Dimensions: dims, Timestamp: at(5, 59), Value: 7, Unit: 'Count' },
    ];
    await cw().send(new PutMetricDataCommand({ Namespace: 'Lab', MetricData: data }));

    const perMinute = await stats('Temp', 60, at(0, 30), at(6));
    expect(perMinute.Label).toBe('Temp');
    const points = [...perMinute.Datapoints!].sort((a, b) => a.Timestamp!.getTime() - b.Timestamp!.getTime());
    expect(points).toEqual([
      { Timestamp: at(0), Sum: 6, Minimum: 1, Maximum: 5, SampleCount: 2, Average: 3, Unit: 'Count' },
      { Timestamp: at(1), Sum: 14, Minimum: 2, Maximum: 4, SampleCount: 4, Average: 3.5, Unit: 'Count' },
      { Timestamp: at(4), Sum: 10, Minimum: 1, Maximum: 6, SampleCount: 4, Average: 2.5, Unit: 'Count' },
      { Timestamp: at(5), Sum: 7, Minimum: 7, Maximum: 7, SampleCount: 1, Average: 7, Unit: 'Count' },
    ]);

    const fiveMinutes = await stats('Temp', 300, at(0), at(10));
    const five = [...fiveMinutes.Datapoints!].sort((a, b) => a.Timestamp!.getTime() - b.Timestamp!.getTime());
    expect(five).toEqual([
      { Timestamp: at(0), Sum: 30, Minimum: 1, Maximum: 6, SampleCount: 10, Average: 3, Unit: 'Count' },
      { Timestamp: at(5), Sum: 7, Minimum: 7, Maximum: 7, SampleCount: 1, Average: 7, Unit: 'Count' },
    ]);

    // EndTime is exclusive; a dimension subset is a different metric.
    expect((await stats('Temp', 60, at(0), at(1))).Datapoints).toHaveLength(1);
    const subset = await cw().send(
      new GetMetricStatisticsCommand({ Namespace: 'Lab', MetricName: 'Temp', StartTime: at(0), EndTime: at(10), Period: 60, Statistics: ['Sum'] }),
    );
    expect(subset.Datapoints).toEqual([]);
  });

  it('keeps units apart and filters by Unit', async () => {
    await cw().send(
      new PutMetricDataCommand({
        Namespace: 'Lab',
        MetricData: [
          { MetricName: 'Mixed', Dimensions: dims, Timestamp: at(2), Value: 3, Unit: 'Bytes' },
          { MetricName: 'Mixed', Dimensions: dims, Timestamp: at(2, 5), Value: 4, Unit: 'Count' },
          { MetricName: 'Mixed', Dimensions: dims, Timestamp: at(2, 6), Value: 5 },
        ],
      }),
    );
    const all = await stats('Mixed', 60, at(0), at(5));
    expect(all.Datapoints!.map((d) => [d.Unit, d.Sum]).sort()).toEqual([
      ['Bytes', 3],
      ['Count', 4],
      ['None', 5],
    ]);
    const bytes = await stats('Mixed', 60, at(0), at(5), { Unit: 'Bytes' });
    expect(bytes.Datapoints!.map((d) => [d.Unit, d.Sum])).toEqual([['Bytes', 3]]);
  });

  it('answers GetMetricData newest first, ascending on request, with labels, ReturnData and paging', async () => {
    const metric = { Namespace: 'Lab', MetricName: 'Temp', Dimensions: dims };
    const out = await cw().send(
      new GetMetricDataCommand({
        StartTime: at(0),
        EndTime: at(10),
        MetricDataQueries: [
          { Id: 'sum1', MetricStat: { Metric: metric, Period: 60, Stat: 'Sum' } },
          { Id: 'max5', Label: 'five-minute max', MetricStat: { Metric: metric, Period: 300, Stat: 'Maximum' } },
          { Id: 'hidden', MetricStat: { Metric: metric, Period: 60, Stat: 'SampleCount' }, ReturnData: false },
        ],
      }),
    );
    expect(out.MetricDataResults).toEqual([
      { Id: 'sum1', Label: 'Temp', Timestamps: [at(5), at(4), at(1), at(0)], Values: [7, 10, 14, 6], StatusCode: 'Complete', Messages: [] },
      { Id: 'max5', Label: 'five-minute max', Timestamps: [at(5), at(0)], Values: [7, 6], StatusCode: 'Complete', Messages: [] },
    ]);
    expect(out.NextToken).toBeUndefined();

    const pages: { ids: string[]; values: number[]; codes: string[] }[] = [];
    let NextToken: string | undefined;
    do {
      const page = await cw().send(
        new GetMetricDataCommand({
          StartTime: at(0),
          EndTime: at(10),
          ScanBy: 'TimestampAscending',
          MaxDatapoints: 3,
          NextToken,
          MetricDataQueries: [
            { Id: 'a', MetricStat: { Metric: metric, Period: 60, Stat: 'Sum' } },
            { Id: 'b', MetricStat: { Metric: metric, Period: 300, Stat: 'SampleCount' } },
          ],
        }),
      );
      pages.push({ ids: page.MetricDataResults!.map((r) => r.Id!), values: page.MetricDataResults!.flatMap((r) => r.Values!), codes: page.MetricDataResults!.map((r) => r.StatusCode!) });
      NextToken = page.NextToken;
    } while (NextToken);
    expect(pages.map((p) => p.values)).toEqual([[6, 14, 10], [7, 10, 1]]);
    expect(pages[0].codes).toEqual(['PartialData', 'PartialData']);
    expect(pages[1].codes).toEqual(['Complete', 'Complete']);
  });

  it('says in the result that metric math and percentiles are not evaluated', async () => {
    const out = await cw().send(
      new GetMetricDataCommand({
        StartTime: at(0),
        EndTime: at(10),
        MetricDataQueries: [
          { Id: 'm', Expression: 'SUM(METRICS())' },
          { Id: 'p', MetricStat: { Metric: { Namespace: 'Lab', MetricName: 'Temp', Dimensions: dims }, Period: 60, Stat: 'p99' } },
        ],
      }),
    );
    for (const r of out.MetricDataResults!) {
      expect(r.StatusCode).toBe('InternalError');
      expect(r.Messages![0].Value).toMatch(/not supported by the sandbox/);
    }
  });

  it('lists metrics by namespace, name and dimension filter, recently active, in pages of 500', async () => {
    await cw().send(new PutMetricDataCommand({ Namespace: 'Other', MetricData: [{ MetricName: 'X', Dimensions: [{ Name: 'Device', Value: 'dev2' }], Value: 1 }] }));
    const lab = await cw().send(new ListMetricsCommand({ Namespace: 'Lab' }));
    expect(lab.Metrics!.map((m) => m.MetricName).sort()).toEqual(['Mixed', 'Temp']);
    expect(lab.Metrics![0].Dimensions).toEqual(dims);
    const byDim = await cw().send(new ListMetricsCommand({ Dimensions: [{ Name: 'Device', Value: 'dev2' }] }));
    expect(byDim.Metrics).toEqual([{ Namespace: 'Other', MetricName: 'X', Dimensions: [{ Name: 'Device', Value: 'dev2' }] }]);
    const byName = await cw().send(new ListMetricsCommand({ MetricName: 'Temp', Dimensions: [{ Name: 'Device' }] }));
    expect(byName.Metrics).toHaveLength(1);

    const many = Array.from({ length: 520 }, (_, i) => ({ MetricName: `m${i}`, Value: i }));
    await cw().send(new PutMetricDataCommand({ Namespace: 'Many', MetricData: many }));
    const first = await cw().send(new ListMetricsCommand({ Namespace: 'Many' }));
    expect(first.Metrics).toHaveLength(500);
    const second = await cw().send(new ListMetricsCommand({ Namespace: 'Many', NextToken: first.NextToken }));
    expect(second.Metrics).toHaveLength(20);
    expect(second.NextToken).toBeUndefined();
    expect(new Set([...first.Metrics!, ...second.Metrics!].map((m) => m.MetricName)).size).toBe(520);

    clock.advance(3 * 3_600_000 + 1);
    const recent = await cw().send(new ListMetricsCommand({ Namespace: 'Lab', RecentlyActive: 'PT3H' }));
    expect(recent.Metrics).toEqual([]);
    expect((await cw().send(new ListMetricsCommand({ Namespace: 'Lab' }))).Metrics).toHaveLength(2);
    clock.set(T0 + 10 * 60_000);
  });

  it('answers invalid requests with CloudWatch error codes', async () => {
    const put = (input: ConstructorParameters<typeof PutMetricDataCommand>[0]) => cw().send(new PutMetricDataCommand(input));
    await expect(put({ Namespace: 'AWS/Kinesis', MetricData: [{ MetricName: 'x', Value: 1 }] })).rejects.toMatchObject({
      name: 'InvalidParameterValueException',
      Code: 'InvalidParameterValue',
      message: 'The value AWS/Kinesis for parameter Namespace is invalid.',
    });
    // Over 10 KiB the SDK gzips the body (Content-Encoding: gzip): the 1001 items must still be read.
    await expect(put({ Namespace: 'Lab', MetricData: Array.from({ length: 1001 }, () => ({ MetricName: 'x', Value: 1 })) })).rejects.toMatchObject({
      name: 'InvalidParameterValueException',
      message: 'The collection MetricData must not have a size greater than 1000.',
    });
    const tooManyDims = Array.from({ length: 31 }, (_, i) => ({ Name: `d${i}`, Value: 'v' }));
    await expect(put({ Namespace: 'Lab', MetricData: [{ MetricName: 'x', Value: 1, Dimensions: tooManyDims }] })).rejects.toMatchObject({
      name: 'InvalidParameterValueException',
      message: 'The collection MetricData.member.1.Dimensions must not have a size greater than 30.',
    });
    await expect(put({ Namespace: 'Lab', MetricData: [{ MetricName: 'x', Value: 1, StatisticValues: { Sum: 1, Minimum: 1, Maximum: 1, SampleCount: 1 } }] })).rejects.toMatchObject({
      name: 'InvalidParameterCombinationException',
    });
    await expect(put({ Namespace: 'Lab', MetricData: [{ MetricName: 'x', Values: [1, 2], Counts: [1] }] })).rejects.toMatchObject({
      name: 'InvalidParameterValueException',
      message: 'The parameters MetricData.member.1.Values and MetricData.member.1.Counts must be of the same size.',
    });
    await expect(put({ Namespace: 'Lab', MetricData: [{ MetricName: 'x', Value: 1, Timestamp: at(-15 * 24 * 60) }] })).rejects.toMatchObject({
      name: 'InvalidParameterValueException',
    });

    await expect(stats('Temp', 90, at(0), at(10))).rejects.toMatchObject({ name: 'InvalidParameterValueException', message: 'The parameter Period must be a multiple of 60.' });
    await expect(stats('Temp', 60, at(0), at(0))).rejects.toMatchObject({ name: 'InvalidParameterValueException' });
    await expect(stats('Temp', 60, new Date(T0 - 2 * 86_400_000), at(0))).rejects.toMatchObject({
      name: 'InvalidParameterCombinationException',
      message: expect.stringContaining('You have requested up to 2,880 datapoints, which exceeds the limit of 1,440.'),
    });
    await expect(stats('Temp', 60, at(0), at(10), { Statistics: undefined })).rejects.toMatchObject({ name: 'InvalidParameterCombinationException' });
    await expect(stats('Temp', 60, at(0), at(10), { Statistics: undefined, ExtendedStatistics: ['p99'] })).rejects.toMatchObject({
      name: 'InvalidParameterValueException',
      message: expect.stringContaining('ExtendedStatistics'),
    });
    await expect(
      cw().send(new GetMetricDataCommand({ StartTime: at(0), EndTime: at(10), MetricDataQueries: [{ Id: 'A', MetricStat: { Metric: { Namespace: 'Lab', MetricName: 'Temp' }, Period: 60, Stat: 'Sum' } }] })),
    ).rejects.toMatchObject({ name: 'InvalidParameterValueException' });
    await expect(cw().send(new ListMetricsCommand({ NextToken: 'garbage' }))).rejects.toMatchObject({ name: 'InvalidNextToken' });
  });
});

describe('CloudWatch metric delay and in-process metrics', () => {
  const clock = new ManualClock(T0);
  const sb = useSandbox({ clock, metricDelayMs: 120_000 });
  const cw = () => new CloudWatchClient(sb.config());
  const kinesisSum = async () => {
    const out = await cw().send(
      new GetMetricStatisticsCommand({
        Namespace: 'AWS/Kinesis',
        MetricName: 'IncomingRecords',
        Dimensions: [{ Name: 'StreamName', Value: 's1' }],
        StartTime: new Date(T0 - 3_600_000),
        EndTime: new Date(clock.now() + 60_000),
        Period: 3600,
        Statistics: ['Sum'],
      }),
    );
    return out.Datapoints!.reduce((n, d) => n + d.Sum!, 0);
  };

  it('hides datapoints newer than now minus metricDelayMs, then shows them', async () => {
    const cwApi = sb.running.sandbox.api('cloudwatch');
    const owner = { accountId: '000000000000', region: 'us-east-1', clock };
    cwApi.putMetric(owner, { namespace: 'AWS/Kinesis', name: 'IncomingRecords', dimensions: { StreamName: 's1' }, value: 3, unit: 'Count' });
    clock.advance(30_000);
    cwApi.putMetric(owner, { namespace: 'AWS/Kinesis', name: 'IncomingRecords', dimensions: { StreamName: 's1' }, value: 4, unit: 'Count' });
    expect(await kinesisSum()).toBe(0);
    clock.advance(89_999);
    expect(await kinesisSum()).toBe(0);
    clock.advance(1);
    expect(await kinesisSum()).toBe(3);
    clock.advance(30_000);
    expect(await kinesisSum()).toBe(7);
    // Another region of the same account sees nothing.
    expect((await new CloudWatchClient(sb.config({ region: 'eu-west-1' })).send(new ListMetricsCommand({}))).Metrics).toEqual([]);
    expect((await cw().send(new ListMetricsCommand({ Namespace: 'AWS/Kinesis' }))).Metrics).toEqual([
      { Namespace: 'AWS/Kinesis', MetricName: 'IncomingRecords', Dimensions: [{ Name: 'StreamName', Value: 's1' }] },
    ]);
  });

  it('applies the delay to PutMetricData too, by datapoint timestamp', async () => {
    await cw().send(new PutMetricDataCommand({ Namespace: 'Lab', MetricData: [{ MetricName: 'Late', Value: 1 }, { MetricName: 'Late', Value: 2, Timestamp: new Date(clock.now() - 600_000) }] }));
    const sum = async () =>
      (
        await cw().send(
          new GetMetricDataCommand({
            StartTime: new Date(clock.now() - 3_600_000),
            EndTime: new Date(clock.now() + 3_600_000),
            MetricDataQueries: [{ Id: 'late', MetricStat: { Metric: { Namespace: 'Lab', MetricName: 'Late' }, Period: 3600, Stat: 'Sum' } }],
          }),
        )
      ).MetricDataResults![0].Values!.reduce((a, b) => a + b, 0);
    expect(await sum()).toBe(2);
    clock.advance(120_000);
    expect(await sum()).toBe(3);
  });
});

describe('CloudWatch metric persistence', () => {
  it('keeps put and in-process datapoints across a restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cw-persist-'));
    const clock = new ManualClock(T0);
    try {
      const first = await startSandbox({ port: 0, dataDir, clock, verbose: false });
      await new CloudWatchClient(clientConfig(first.endpoint)).send(
        new PutMetricDataCommand({ Namespace: 'Lab', MetricData: [{ MetricName: 'Kept', Value: 2 }, { MetricName: 'Kept', Value: 3 }] }),
      );
      const owner = { accountId: '000000000000', region: 'us-east-1', clock };
      for (let i = 0; i < 5; i++) first.sandbox.api('cloudwatch').putMetric(owner, { namespace: 'AWS/Kinesis', name: 'IncomingRecords', dimensions: { StreamName: 's' }, value: 10, unit: 'Count' });
      await first.stop();

      const second = await startSandbox({ port: 0, dataDir, clock, verbose: false });
      const cw = new CloudWatchClient(clientConfig(second.endpoint));
      const read = async (Namespace: string, MetricName: string, Dimensions?: { Name: string; Value: string }[]) =>
        (await cw.send(new GetMetricStatisticsCommand({ Namespace, MetricName, Dimensions, StartTime: at(0), EndTime: at(1), Period: 60, Statistics: ['Sum', 'SampleCount'] }))).Datapoints;
      expect(await read('Lab', 'Kept')).toEqual([{ Timestamp: at(0), Sum: 5, SampleCount: 2, Unit: 'None' }]);
      expect(await read('AWS/Kinesis', 'IncomingRecords', [{ Name: 'StreamName', Value: 's' }])).toEqual([{ Timestamp: at(0), Sum: 50, SampleCount: 5, Unit: 'Count' }]);
      expect((await cw.send(new ListMetricsCommand({}))).Metrics).toHaveLength(2);
      await second.stop();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
