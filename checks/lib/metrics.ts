// CloudWatch sums over a recent window, for checks that prove data flows (Kinesis, Lambda, Firehose).
// Metric names changed over the years, so a series accepts several names and reports the first with data.

import { CloudWatchClient, GetMetricDataCommand, type MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import type { CheckContext } from '../../src/engine/types.js';

export interface Series {
  /** What students call it in messages: `IncomingRecords`. */
  label: string;
  /** Equivalent metric names, any of which counts. */
  names: string[];
}

export interface SeriesSum {
  label: string;
  /** The metric name that had data, or the first name when none had. */
  metric: string;
  sum: number;
  /** Start of the earliest one-minute period with data (epoch ms), when there was any. */
  firstAt?: number;
}

/** Sums each series over the last `windowMs` in one GetMetricData call with one-minute periods. */
export async function sumSeries(
  ctx: CheckContext,
  namespace: string,
  dimensions: Record<string, string>,
  series: readonly Series[],
  windowMs: number,
): Promise<SeriesSum[]> {
  const end = ctx.clock.now();
  // Round the end up to the next minute so the newest partial minute is included.
  const endTime = new Date(Math.ceil((end + 1) / 60_000) * 60_000);
  const startTime = new Date(endTime.getTime() - windowMs - 60_000);
  const queries: MetricDataQuery[] = series.flatMap((s, i) =>
    s.names.map((name, j) => ({
      Id: `m${i}_${j}`,
      MetricStat: {
        Metric: { Namespace: namespace, MetricName: name, Dimensions: Object.entries(dimensions).map(([Name, Value]) => ({ Name, Value })) },
        Period: 60,
        Stat: 'Sum',
      },
      ReturnData: true,
    })),
  );
  const sums = new Map<string, number>();
  const firsts = new Map<string, number>();
  let nextToken: string | undefined;
  do {
    const out = await ctx.clients
      .get(CloudWatchClient)
      .send(new GetMetricDataCommand({ MetricDataQueries: queries, StartTime: startTime, EndTime: endTime, NextToken: nextToken }), { abortSignal: ctx.signal });
    for (const r of out.MetricDataResults ?? []) {
      const total = (r.Values ?? []).reduce((a, b) => a + b, 0);
      sums.set(r.Id!, (sums.get(r.Id!) ?? 0) + total);
      (r.Timestamps ?? []).forEach((t, k) => {
        if ((r.Values?.[k] ?? 0) > 0 && t.getTime() < (firsts.get(r.Id!) ?? Infinity)) firsts.set(r.Id!, t.getTime());
      });
    }
    nextToken = out.NextToken;
  } while (nextToken);
  return series.map((s, i) => {
    const found = s.names.map((name, j) => ({ name, sum: sums.get(`m${i}_${j}`) ?? 0, firstAt: firsts.get(`m${i}_${j}`) })).find((x) => x.sum > 0);
    return { label: s.label, metric: found?.name ?? s.names[0]!, sum: found?.sum ?? 0, firstAt: found?.firstAt };
  });
}
