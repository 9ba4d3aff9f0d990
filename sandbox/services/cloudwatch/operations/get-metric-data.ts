// GetMetricData: MetricStat queries over one time range, newest first unless ScanBy says otherwise,
// paged by MaxDatapoints. Metric math (Expression) and percentile stats are answered with a message
// in the query's result saying the sandbox does not evaluate them.

import { defineOperation } from '../../definition.js';
import { bool, int, list, str, struct, timestamp } from '../../../protocols/shapes.js';
import { STATISTICS, checkDimensions, metric, pageOffset, pageToken, unit, type MetricInput } from '../shapes.js';
import { aggregate, alignStart, metricStore, statistic, visibleCutoff, type PeriodDatapoint } from '../store.js';
import { collectionTooLarge, duplicateId, invalidValue, missingParameter, mutuallyExclusive, periodNotMultiple, startNotBeforeEnd } from '../errors.js';

const input = struct({
  MetricDataQueries: list(
    struct({
      Id: str({ min: 1, max: 255 }),
      MetricStat: struct({ Metric: metric(), Period: int({ min: 1 }), Stat: str(), Unit: unit() }),
      Expression: str({ min: 1, max: 2048 }),
      Label: str(),
      ReturnData: bool(),
      Period: int({ min: 1 }),
      AccountId: str({ min: 1, max: 255 }),
    }),
  ),
  StartTime: timestamp(),
  EndTime: timestamp(),
  NextToken: str(),
  ScanBy: str({ enum: ['TimestampDescending', 'TimestampAscending'] }),
  MaxDatapoints: int(),
  LabelOptions: struct({ Timezone: str() }),
});

interface Query {
  Id?: string;
  MetricStat?: { Metric?: MetricInput; Period?: number; Stat?: string; Unit?: string };
  Expression?: string;
  Label?: string;
  ReturnData?: boolean;
}

interface Input {
  MetricDataQueries?: Query[];
  StartTime?: Date;
  EndTime?: Date;
  NextToken?: string;
  ScanBy?: string;
  MaxDatapoints?: number;
}

const MAX_QUERIES = 500;
const DEFAULT_MAX_DATAPOINTS = 100_800;
const ID = /^[a-z][a-zA-Z0-9_]*$/;
// Percentiles, trimmed means and the like: valid in AWS, not computable from Sum/Min/Max/SampleCount.
const PERCENTILE_LIKE = /^(p|tm|wm|tc|ts|pr|TM|WM|TC|TS|PR)[\d.(]/;

interface Answer {
  id: string;
  label: string;
  points: PeriodDatapoint[];
  stat: string;
  message?: string;
}

export const getMetricData = defineOperation<Input>({
  name: 'GetMetricData',
  input,
  handler(input, ctx) {
    const queries = input.MetricDataQueries;
    if (!queries || queries.length === 0) throw missingParameter('MetricDataQueries');
    if (queries.length > MAX_QUERIES) throw collectionTooLarge('MetricDataQueries', MAX_QUERIES);
    if (!input.StartTime) throw missingParameter('StartTime');
    if (!input.EndTime) throw missingParameter('EndTime');
    const now = ctx.clock.now();
    const start = alignStart(input.StartTime.getTime(), now);
    const end = input.EndTime.getTime();
    if (start >= end) throw startNotBeforeEnd();
    const cutoff = visibleCutoff(ctx.sandbox, now);
    const store = metricStore(ctx.sandbox);
    const ids = new Set<string>();
    const answers: Answer[] = [];
    queries.forEach((q, i) => {
      const param = `MetricDataQueries.member.${i + 1}`;
      if (q.Id === undefined) throw missingParameter(`${param}.Id`);
      if (!ID.test(q.Id)) throw invalidValue(`${param}.Id`, q.Id);
      if (ids.has(q.Id)) throw duplicateId(q.Id);
      ids.add(q.Id);
      if (q.MetricStat && q.Expression !== undefined) throw mutuallyExclusive(`${param}.MetricStat`, `${param}.Expression`);
      if (!q.MetricStat && q.Expression === undefined) throw missingParameter(`${param}.MetricStat`);
      const returned = q.ReturnData ?? true;
      if (q.Expression !== undefined) {
        if (returned) answers.push({ id: q.Id, label: q.Label ?? q.Id, points: [], stat: '', message: 'Metric math expressions are not supported by the sandbox.' });
        return;
      }
      const ms = q.MetricStat!;
      const m = ms.Metric;
      if (!m) throw missingParameter(`${param}.MetricStat.Metric`);
      if (m.Namespace === undefined) throw missingParameter(`${param}.MetricStat.Metric.Namespace`);
      if (m.MetricName === undefined) throw missingParameter(`${param}.MetricStat.Metric.MetricName`);
      if (ms.Period === undefined) throw missingParameter(`${param}.MetricStat.Period`);
      if (ms.Stat === undefined) throw missingParameter(`${param}.MetricStat.Stat`);
      if (ms.Period % 60 !== 0) throw periodNotMultiple(`${param}.MetricStat.Period`);
      const percentile = PERCENTILE_LIKE.test(ms.Stat);
      if (!percentile && !(STATISTICS as readonly string[]).includes(ms.Stat)) throw invalidValue(`${param}.MetricStat.Stat`, ms.Stat);
      const dims = checkDimensions(m.Dimensions, `${param}.MetricStat.Metric.Dimensions`);
      if (!returned) return;
      const label = q.Label ?? m.MetricName;
      if (percentile) {
        answers.push({ id: q.Id, label, points: [], stat: ms.Stat, message: `The statistic ${ms.Stat} is not supported by the sandbox; use ${STATISTICS.join(', ')}.` });
        return;
      }
      const series = store.find(ctx, { namespace: m.Namespace, name: m.MetricName, dimensions: dims });
      const points = aggregate(series, { start, end, periodMs: ms.Period * 1000, unit: ms.Unit, cutoff, byUnit: false });
      if ((input.ScanBy ?? 'TimestampDescending') === 'TimestampDescending') points.reverse();
      answers.push({ id: q.Id, label, points, stat: ms.Stat });
    });

    // Pages cut the concatenation of all queries' datapoints, in query order.
    const offset = pageOffset(input.NextToken);
    let budget = input.MaxDatapoints !== undefined && input.MaxDatapoints > 0 ? input.MaxDatapoints : DEFAULT_MAX_DATAPOINTS;
    let before = 0;
    let more = false;
    const results = answers.map((a) => {
      const from = Math.max(0, offset - before);
      const take = Math.min(Math.max(0, a.points.length - from), budget);
      budget -= take;
      before += a.points.length;
      const page = a.points.slice(from, from + take);
      const partial = from + take < a.points.length;
      if (partial) more = true;
      return {
        Id: a.id,
        Label: a.label,
        Timestamps: page.map((p) => new Date(p.timestamp)),
        Values: page.map((p) => statistic(p, a.stat)),
        StatusCode: a.message ? 'InternalError' : partial ? 'PartialData' : 'Complete',
        Messages: a.message ? [{ Code: 'Unsupported', Value: a.message }] : [],
      };
    });
    const consumed = offset + results.reduce((n, r) => n + r.Values.length, 0);
    return { MetricDataResults: results, NextToken: more ? pageToken(consumed) : undefined, Messages: [] };
  },
});
