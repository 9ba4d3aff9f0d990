// GetMetricStatistics: the statistics of one metric (exact dimension set) per period, with AWS's
// limit of 1,440 datapoints per call. Percentiles (ExtendedStatistics) are not kept, so refused.

import { defineOperation } from '../../definition.js';
import { int, list, str, struct, timestamp } from '../../../protocols/shapes.js';
import { STATISTICS, checkDimensions, dimensions, metricName, namespace, unit, type DimensionInput } from '../shapes.js';
import { aggregate, alignStart, metricStore, statistic, visibleCutoff } from '../store.js';
import { extendedStatisticsUnsupported, missingParameter, periodNotMultiple, startNotBeforeEnd, statisticsChoice, tooManyDatapoints } from '../errors.js';

const input = struct({
  Namespace: namespace(),
  MetricName: metricName(),
  Dimensions: dimensions(),
  StartTime: timestamp(),
  EndTime: timestamp(),
  Period: int({ min: 1 }),
  Statistics: list(str({ enum: STATISTICS }), { min: 1, max: 5 }),
  ExtendedStatistics: list(str(), { min: 1, max: 10 }),
  Unit: unit(),
});

interface Input {
  Namespace?: string;
  MetricName?: string;
  Dimensions?: DimensionInput[];
  StartTime?: Date;
  EndTime?: Date;
  Period?: number;
  Statistics?: string[];
  ExtendedStatistics?: string[];
  Unit?: string;
}

const MAX_DATAPOINTS = 1440;

export const getMetricStatistics = defineOperation<Input>({
  name: 'GetMetricStatistics',
  input,
  handler(input, ctx) {
    for (const p of ['Namespace', 'MetricName', 'StartTime', 'EndTime', 'Period'] as const) if (input[p] === undefined) throw missingParameter(p);
    const dims = checkDimensions(input.Dimensions, 'Dimensions');
    if (!input.Statistics === !input.ExtendedStatistics) throw statisticsChoice();
    if (input.ExtendedStatistics) throw extendedStatisticsUnsupported();
    const period = input.Period!;
    if (period % 60 !== 0) throw periodNotMultiple('Period');
    const now = ctx.clock.now();
    const start = alignStart(input.StartTime!.getTime(), now);
    const end = input.EndTime!.getTime();
    if (start >= end) throw startNotBeforeEnd();
    const periodMs = period * 1000;
    const requested = Math.ceil((end - start) / periodMs);
    if (requested > MAX_DATAPOINTS) throw tooManyDatapoints(requested);
    const series = metricStore(ctx.sandbox).find(ctx, { namespace: input.Namespace!, name: input.MetricName!, dimensions: dims });
    const points = aggregate(series, { start, end, periodMs, unit: input.Unit, cutoff: visibleCutoff(ctx.sandbox, now), byUnit: true });
    return {
      Label: input.MetricName,
      Datapoints: points.map((p) => {
        const dp: Record<string, unknown> = { Timestamp: new Date(p.timestamp) };
        for (const stat of input.Statistics!) dp[stat] = statistic(p, stat);
        dp.Unit = p.unit;
        return dp;
      }),
    };
  },
});
