// Input shapes CloudWatch's operations share: units, dimensions, the metric identity.

import { list, str, struct } from '../../protocols/shapes.js';
import type { Dimension } from './store.js';
import { collectionTooLarge, invalidNextToken, missingParameter } from './errors.js';

export const UNITS = [
  'Seconds', 'Microseconds', 'Milliseconds', 'Bytes', 'Kilobytes', 'Megabytes', 'Gigabytes', 'Terabytes', 'Bits', 'Kilobits',
  'Megabits', 'Gigabits', 'Terabits', 'Percent', 'Count', 'Bytes/Second', 'Kilobytes/Second', 'Megabytes/Second',
  'Gigabytes/Second', 'Terabytes/Second', 'Bits/Second', 'Kilobits/Second', 'Megabits/Second', 'Gigabits/Second',
  'Terabits/Second', 'Count/Second', 'None',
] as const;

export const STATISTICS = ['SampleCount', 'Average', 'Sum', 'Minimum', 'Maximum'] as const;

export const unit = () => str({ enum: UNITS });
export const namespace = () => str({ min: 1, max: 255, pattern: '[^:].*' });
export const metricName = () => str({ min: 1, max: 255 });
// Required members are checked by the handlers: CloudWatch answers MissingParameter, not a validation error.
export const dimensions = () => list(struct({ Name: str({ min: 1, max: 255 }), Value: str({ min: 1, max: 1024 }) }));
export const metric = () => struct({ Namespace: namespace(), MetricName: metricName(), Dimensions: dimensions() });

export interface DimensionInput {
  Name?: string;
  Value?: string;
}

export interface MetricInput {
  Namespace?: string;
  MetricName?: string;
  Dimensions?: DimensionInput[];
}

/** The dimensions of a request, every Name and Value present and at most 30 of them. */
export function checkDimensions(dims: DimensionInput[] | undefined, param: string): Dimension[] {
  if (!dims) return [];
  if (dims.length > 30) throw collectionTooLarge(param, 30);
  return dims.map((d, i) => {
    if (d.Name === undefined) throw missingParameter(`${param}.member.${i + 1}.Name`);
    if (d.Value === undefined) throw missingParameter(`${param}.member.${i + 1}.Value`);
    return { Name: d.Name, Value: d.Value };
  });
}

/** Pagination tokens: an opaque form of the offset where the next page starts. */
export const pageToken = (offset: number) => Buffer.from(JSON.stringify({ o: offset })).toString('base64');

export function pageOffset(token: string | undefined): number {
  if (token === undefined) return 0;
  try {
    const o = (JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as { o?: unknown }).o;
    if (typeof o === 'number' && Number.isInteger(o) && o >= 0) return o;
  } catch {
    // fall through to the error
  }
  throw invalidNextToken();
}
