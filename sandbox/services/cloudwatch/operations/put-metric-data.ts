// PutMetricData: adds datapoints (a Value, Values with Counts, or a StatisticSet) to custom metrics.
// Namespaces starting with AWS/ belong to AWS services and are refused, as AWS refuses them.

import { defineOperation } from '../../definition.js';
import { bool, double, int, list, struct, timestamp } from '../../../protocols/shapes.js';
import type { RequestContext } from '../../../edge/context.js';
import { checkDimensions, dimensions, metricName, namespace, unit, type DimensionInput } from '../shapes.js';
import { metricStore, visibleCutoff, type Sample } from '../store.js';
import {
  collectionTooLarge,
  invalidValue,
  missingParameter,
  mutuallyExclusive,
  sizesDiffer,
  timestampTooNew,
  timestampTooOld,
  valueRequired,
} from '../errors.js';

const statisticSet = struct({ SampleCount: double(), Sum: double(), Minimum: double(), Maximum: double() });

const input = struct({
  Namespace: namespace(),
  MetricData: list(
    struct({
      MetricName: metricName(),
      Dimensions: dimensions(),
      Timestamp: timestamp(),
      Value: double(),
      StatisticValues: statisticSet,
      Values: list(double()),
      Counts: list(double()),
      Unit: unit(),
      StorageResolution: int({ min: 1 }),
    }),
  ),
  StrictEntityValidation: bool(),
});

interface Datum {
  MetricName?: string;
  Dimensions?: DimensionInput[];
  Timestamp?: Date;
  Value?: number;
  StatisticValues?: { SampleCount?: number; Sum?: number; Minimum?: number; Maximum?: number };
  Values?: number[];
  Counts?: number[];
  Unit?: string;
}

interface Input {
  Namespace?: string;
  MetricData?: Datum[];
}

const MAX_DATA = 1000;
const MAX_VALUES = 150;
const TWO_WEEKS = 14 * 86_400_000;
const TWO_HOURS = 2 * 3_600_000;

function sampleOf(d: Datum, param: string): Sample {
  const given = [d.Value !== undefined && 'Value', d.StatisticValues && 'StatisticValues', d.Values && 'Values'].filter(Boolean) as string[];
  if (given.length === 0) throw valueRequired(param);
  if (given.length > 1) throw mutuallyExclusive(`${param}.${given[0]}`, `${param}.${given[1]}`);
  if (d.Value !== undefined) return { sum: d.Value, min: d.Value, max: d.Value, count: 1 };
  if (d.StatisticValues) {
    const s = d.StatisticValues;
    for (const k of ['SampleCount', 'Sum', 'Minimum', 'Maximum'] as const) if (s[k] === undefined) throw missingParameter(`${param}.StatisticValues.${k}`);
    if (s.SampleCount! <= 0) throw invalidValue(`${param}.StatisticValues.SampleCount`, String(s.SampleCount));
    if (s.Minimum! > s.Maximum!) throw invalidValue(`${param}.StatisticValues.Minimum`, String(s.Minimum));
    return { sum: s.Sum!, min: s.Minimum!, max: s.Maximum!, count: s.SampleCount! };
  }
  const values = d.Values!;
  if (values.length > MAX_VALUES) throw collectionTooLarge(`${param}.Values`, MAX_VALUES);
  if (d.Counts && d.Counts.length !== values.length) throw sizesDiffer(`${param}.Values`, `${param}.Counts`);
  const sample: Sample = { sum: 0, min: Infinity, max: -Infinity, count: 0 };
  values.forEach((v, i) => {
    const n = d.Counts ? d.Counts[i] : 1;
    if (n <= 0) return;
    sample.sum += v * n;
    sample.count += n;
    if (v < sample.min) sample.min = v;
    if (v > sample.max) sample.max = v;
  });
  if (sample.count === 0) throw invalidValue(`${param}.Counts`, '0');
  return sample;
}

export const putMetricData = defineOperation<Input>({
  name: 'PutMetricData',
  input,
  readOnly: false,
  handler(input, ctx: RequestContext) {
    if (input.Namespace === undefined) throw missingParameter('Namespace');
    if (input.Namespace.startsWith('AWS/')) throw invalidValue('Namespace', input.Namespace);
    const data = input.MetricData ?? [];
    if (data.length === 0) throw missingParameter('MetricData');
    if (data.length > MAX_DATA) throw collectionTooLarge('MetricData', MAX_DATA);
    const now = ctx.clock.now();
    // Validate the whole request before storing anything: AWS accepts all of it or none.
    const checked = data.map((d, i) => {
      const param = `MetricData.member.${i + 1}`;
      if (d.MetricName === undefined) throw missingParameter(`${param}.MetricName`);
      const dims = checkDimensions(d.Dimensions, `${param}.Dimensions`);
      const t = d.Timestamp?.getTime() ?? now;
      if (t < now - TWO_WEEKS) throw timestampTooOld(`${param}.Timestamp`);
      if (t > now + TWO_HOURS) throw timestampTooNew(`${param}.Timestamp`);
      return { name: d.MetricName, dims, t, unit: d.Unit ?? 'None', sample: sampleOf(d, param) };
    });
    const store = metricStore(ctx.sandbox);
    const cutoff = visibleCutoff(ctx.sandbox, now);
    for (const c of checked) {
      const series = store.series(ctx, { namespace: input.Namespace, name: c.name, dimensions: c.dims }, now);
      store.put(series, c.t, c.unit, c.sample, cutoff, now);
    }
    store.flush();
    return {};
  },
});
