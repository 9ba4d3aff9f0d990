// The stream-level CloudWatch metrics Kinesis publishes (namespace AWS/Kinesis, dimension StreamName),
// sent through CloudWatch's in-process API when that service runs in this sandbox.

import type { Sandbox } from '../../sandbox.js';
import type { Principal } from '../../edge/context.js';

export type MetricUnit = 'Count' | 'Bytes' | 'Milliseconds';
export type Metric = [name: string, value: number, unit: MetricUnit];

export function publishMetrics(sandbox: Sandbox, owner: Principal, streamName: string, metrics: Metric[]): void {
  const cloudwatch = sandbox.apis.cloudwatch;
  if (!cloudwatch) return;
  const timestamp = owner.clock.now();
  for (const [name, value, unit] of metrics) {
    cloudwatch.putMetric(owner, { namespace: 'AWS/Kinesis', name, dimensions: { StreamName: streamName }, value, unit, timestamp });
  }
}
