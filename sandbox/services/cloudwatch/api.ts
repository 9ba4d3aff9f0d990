// What other services tell CloudWatch in-process: the metrics AWS services publish about themselves
// (AWS/Kinesis, AWS/Firehose, AWS/Lambda, AWS/IoT).

import type { Principal } from '../../edge/context.js';

export interface MetricDatum {
  namespace: string;
  name: string;
  dimensions: Record<string, string>;
  value: number;
  unit?: string;
  /** Epoch ms; defaults to the caller's clock now. */
  timestamp?: number;
}

export interface CloudWatchApi {
  putMetric(owner: Principal, datum: MetricDatum): void;
}
