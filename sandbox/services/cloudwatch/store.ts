// CloudWatch's metric store: per account and region, one series per namespace, metric name and
// dimension set, each holding 1-minute buckets of Sum/Minimum/Maximum/SampleCount per unit.
// An in-memory index answers reads; the state tables ('cloudwatch.series', 'cloudwatch.buckets')
// make it durable. Writes are marked dirty and flushed in a batch (once a second, at the end of every
// PutMetricData and on close), so the in-process putMetric Kinesis calls on every record stays cheap.

import type { Sandbox } from '../../sandbox.js';
import type { Table } from '../../store/state-store.js';
import { scopePrefix, type ScopeOwner } from '../../store/scoped-table.js';

export interface Dimension {
  Name: string;
  Value: string;
}

/** A sub-aggregate: the newest sample time in it (epoch ms), then sum, min, max and sample count. */
export type Agg = [newest: number, sum: number, min: number, max: number, count: number];

/**
 * One minute of one series, per unit. Samples already visible (older than the metric delay) are
 * folded into one entry; younger ones stay apart per second so they can appear when their time comes.
 */
export type Bucket = Record<string, Agg[]>;

interface SeriesRow {
  namespace: string;
  name: string;
  /** Sorted by name: the dimension set is the identity, not its order. */
  dimensions: Dimension[];
  /** Epoch ms of the last put (ListMetrics' RecentlyActive). */
  lastPut: number;
}

export interface Series extends SeriesRow {
  key: string;
  /** Its row key's prefix (`account/region/seriesKey`). */
  rowKey: string;
  buckets: Map<number, Bucket>;
}

export interface Sample {
  sum: number;
  min: number;
  max: number;
  count: number;
}

export interface MetricIdentity {
  namespace: string;
  name: string;
  dimensions: Dimension[];
}

const MINUTE = 60_000;
/** Persist a series' lastPut only when it moved this much: ListMetrics needs hours, not milliseconds. */
const LAST_PUT_GRANULARITY = MINUTE;

export function seriesKey(namespace: string, name: string, dimensions: Dimension[]): string {
  return JSON.stringify([namespace, name, sortDimensions(dimensions).map((d) => [d.Name, d.Value])]);
}

export function sortDimensions(dimensions: Dimension[]): Dimension[] {
  return dimensions.length < 2 ? dimensions : [...dimensions].sort((a, b) => (a.Name < b.Name ? -1 : a.Name > b.Name ? 1 : 0));
}

function merge(into: Agg, t: number, s: Sample): void {
  if (t > into[0]) into[0] = t;
  into[1] += s.sum;
  if (s.min < into[2]) into[2] = s.min;
  if (s.max > into[3]) into[3] = s.max;
  into[4] += s.count;
}

function mergeAgg(into: Agg, from: Agg): void {
  merge(into, from[0], { sum: from[1], min: from[2], max: from[3], count: from[4] });
}

/** Folds the entries visible at `cutoff` into one, then adds the sample where it belongs. */
function addSample(aggs: Agg[], t: number, sample: Sample, cutoff: number): void {
  let visible: Agg | undefined;
  for (let i = 0; i < aggs.length; ) {
    const a = aggs[i];
    if (a[0] > cutoff) {
      i++;
      continue;
    }
    if (!visible) {
      visible = a;
      i++;
    } else {
      mergeAgg(visible, a);
      aggs.splice(i, 1);
    }
  }
  if (t <= cutoff) {
    if (visible) merge(visible, t, sample);
    else aggs.unshift([t, sample.sum, sample.min, sample.max, sample.count]);
    return;
  }
  const second = Math.floor(t / 1000);
  const same = aggs.find((a) => a[0] > cutoff && Math.floor(a[0] / 1000) === second);
  if (same) merge(same, t, sample);
  else aggs.push([t, sample.sum, sample.min, sample.max, sample.count]);
}

export interface PeriodDatapoint {
  timestamp: number;
  unit: string;
  sum: number;
  min: number;
  max: number;
  count: number;
}

export class MetricStore {
  private readonly scopes = new Map<string, Map<string, Series>>();
  /** In-process publishers' series by an unsorted, uncanonical key: the hot path skips building seriesKey. */
  private readonly quick = new Map<string, Series>();
  private readonly dirtyBuckets = new Map<Bucket, string>();
  private readonly dirtySeries = new Set<Series>();
  private readonly seriesTable: Table<SeriesRow>;
  private readonly bucketTable: Table<Bucket>;

  constructor(sandbox: Sandbox) {
    this.seriesTable = sandbox.state.table<SeriesRow>('cloudwatch.series');
    this.bucketTable = sandbox.state.table<Bucket>('cloudwatch.buckets');
    for (const [rowKey, row] of this.seriesTable.entries()) {
      const [prefix, key] = splitScope(rowKey);
      this.scope(prefix).set(key, { ...row, key, rowKey, buckets: new Map() });
    }
    for (const [key, bucket] of this.bucketTable.entries()) {
      const at = key.lastIndexOf('@');
      const [prefix, sKey] = splitScope(key.slice(0, at));
      this.scope(prefix).get(sKey)?.buckets.set(Number(key.slice(at + 1)), bucket);
    }
  }

  private scope(prefix: string): Map<string, Series> {
    let scope = this.scopes.get(prefix);
    if (!scope) {
      scope = new Map();
      this.scopes.set(prefix, scope);
    }
    return scope;
  }

  /** The series of a metric, created if new. */
  series(owner: ScopeOwner, metric: MetricIdentity, now: number): Series {
    const prefix = scopePrefix(owner, 'region');
    const scope = this.scope(prefix);
    const key = seriesKey(metric.namespace, metric.name, metric.dimensions);
    let series = scope.get(key);
    if (!series) {
      series = { namespace: metric.namespace, name: metric.name, dimensions: sortDimensions(metric.dimensions), lastPut: now, key, rowKey: prefix + key, buckets: new Map() };
      scope.set(key, series);
      this.dirtySeries.add(series);
    }
    return series;
  }

  /** The series for a metric published in-process, found by a cheap key when seen before. */
  seriesOf(owner: ScopeOwner, namespace: string, name: string, dimensions: Record<string, string>, now: number): Series {
    let quickKey = `${owner.accountId}/${owner.region}\n${namespace}\n${name}`;
    for (const k in dimensions) quickKey += `\n${k}\n${dimensions[k]}`;
    let series = this.quick.get(quickKey);
    if (!series) {
      const dims = Object.entries(dimensions).map(([Name, Value]) => ({ Name, Value }));
      series = this.series(owner, { namespace, name, dimensions: dims }, now);
      this.quick.set(quickKey, series);
    }
    return series;
  }

  /** Adds one sample (or a pre-aggregated set) at `timestamp`; `cutoff` is now minus the metric delay. */
  put(series: Series, timestamp: number, unit: string, sample: Sample, cutoff: number, now: number): void {
    if (now - series.lastPut >= LAST_PUT_GRANULARITY) {
      series.lastPut = now;
      this.dirtySeries.add(series);
    }
    const minute = timestamp - (timestamp % MINUTE);
    let bucket = series.buckets.get(minute);
    if (!bucket) {
      bucket = {};
      series.buckets.set(minute, bucket);
    }
    addSample((bucket[unit] ??= []), timestamp, sample, cutoff);
    if (!this.dirtyBuckets.has(bucket)) this.dirtyBuckets.set(bucket, `${series.rowKey}@${minute}`);
  }

  /** Writes every changed series and bucket to the state tables. */
  flush(): void {
    for (const s of this.dirtySeries) this.seriesTable.set(s.rowKey, { namespace: s.namespace, name: s.name, dimensions: s.dimensions, lastPut: s.lastPut });
    this.dirtySeries.clear();
    for (const [bucket, key] of this.dirtyBuckets) this.bucketTable.set(key, bucket);
    this.dirtyBuckets.clear();
  }

  all(owner: ScopeOwner): Iterable<Series> {
    return this.scopes.get(scopePrefix(owner, 'region'))?.values() ?? [];
  }

  find(owner: ScopeOwner, metric: MetricIdentity): Series | undefined {
    return this.scopes.get(scopePrefix(owner, 'region'))?.get(seriesKey(metric.namespace, metric.name, metric.dimensions));
  }
}

function splitScope(key: string): [prefix: string, rest: string] {
  const second = key.indexOf('/', key.indexOf('/') + 1);
  return [key.slice(0, second + 1), key.slice(second + 1)];
}

export interface AggregateQuery {
  /** Inclusive, already aligned. */
  start: number;
  /** Exclusive. */
  end: number;
  periodMs: number;
  /** Only samples of this unit; all units when absent. */
  unit?: string;
  /** Samples newer than this are not visible yet. */
  cutoff: number;
  /** One datapoint per period and unit (GetMetricStatistics) rather than per period (GetMetricData). */
  byUnit: boolean;
}

/** The datapoints of one series, one per period (and unit), ascending by time. */
export function aggregate(series: Series | undefined, { start, end, periodMs, unit, cutoff, byUnit }: AggregateQuery): PeriodDatapoint[] {
  if (!series) return [];
  const byKey = new Map<string, PeriodDatapoint>();
  for (const [minute, bucket] of series.buckets) {
    if (minute < start || minute >= end) continue;
    const timestamp = start + Math.floor((minute - start) / periodMs) * periodMs;
    for (const u in bucket) {
      if (unit !== undefined && u !== unit) continue;
      for (const a of bucket[u]) {
        if (a[0] > cutoff) continue;
        const k = byUnit ? `${timestamp}|${u}` : String(timestamp);
        const p = byKey.get(k);
        if (!p) byKey.set(k, { timestamp, unit: u, sum: a[1], min: a[2], max: a[3], count: a[4] });
        else {
          p.sum += a[1];
          if (a[2] < p.min) p.min = a[2];
          if (a[3] > p.max) p.max = a[3];
          p.count += a[4];
        }
      }
    }
  }
  return [...byKey.values()].sort((a, b) => a.timestamp - b.timestamp || (a.unit < b.unit ? -1 : 1));
}

/** The value of a statistic for one datapoint. */
export function statistic(p: PeriodDatapoint, stat: string): number {
  switch (stat) {
    case 'Sum':
      return p.sum;
    case 'Minimum':
      return p.min;
    case 'Maximum':
      return p.max;
    case 'SampleCount':
      return p.count;
    default:
      return p.sum / p.count;
  }
}

/**
 * Where AWS starts the periods of a query: StartTime rounded down to the minute when it is within
 * 15 days, to 5 minutes within 63 days, to the hour beyond.
 */
export function alignStart(start: number, now: number): number {
  const age = now - start;
  const unit = age <= 15 * 86_400_000 ? MINUTE : age <= 63 * 86_400_000 ? 5 * MINUTE : 60 * MINUTE;
  return Math.floor(start / unit) * unit;
}

const stores = new WeakMap<Sandbox, MetricStore>();

/** The one metric store of a sandbox, loaded from its state on first use. */
export function metricStore(sandbox: Sandbox): MetricStore {
  let store = stores.get(sandbox);
  if (!store) {
    store = new MetricStore(sandbox);
    stores.set(sandbox, store);
  }
  return store;
}

/** Now minus the sandbox's metric delay: samples newer than this are not visible yet. */
export function visibleCutoff(sandbox: Sandbox, now: number): number {
  return now - (sandbox.options.metricDelayMs ?? 0);
}
