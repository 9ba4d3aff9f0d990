// Amazon CloudWatch metrics: PutMetricData, GetMetricStatistics, GetMetricData and ListMetrics in the
// three protocols its clients speak (RPC v2 CBOR, awsJson 1.0, awsQuery), and the in-process
// putMetric through which Kinesis, Firehose, Lambda and IoT publish their AWS/* metrics.

import type { Sandbox } from '../../sandbox.js';
import { defineService } from '../definition.js';
import { metricStore, visibleCutoff } from './store.js';
import { putMetricData } from './operations/put-metric-data.js';
import { getMetricStatistics } from './operations/get-metric-statistics.js';
import { getMetricData } from './operations/get-metric-data.js';
import { listMetrics } from './operations/list-metrics.js';

export const service = defineService({
  name: 'cloudwatch',
  signingName: 'monitoring',
  iamPrefix: 'cloudwatch',
  protocols: ['rpcv2Cbor', 'awsJson1_0', 'awsQuery'],
  targetPrefix: 'GraniteServiceVersion20100801',
  smithyName: 'GraniteServiceVersion20100801',
  xmlNamespace: 'http://monitoring.amazonaws.com/doc/2010-08-01/',
  errorNamespace: 'com.amazonaws.cloudwatch',
  validationCode: 'ValidationError',
  operations: [putMetricData, getMetricStatistics, getMetricData, listMetrics],
});

/** How often samples published in-process are written to the state tables. */
const FLUSH_MS = 1000;

export function start(sandbox: Sandbox): void {
  const store = metricStore(sandbox);
  sandbox.apis.cloudwatch = {
    putMetric(owner, datum) {
      const now = owner.clock.now();
      const v = datum.value;
      const series = store.seriesOf(owner, datum.namespace, datum.name, datum.dimensions, now);
      store.put(series, datum.timestamp ?? now, datum.unit ?? 'None', { sum: v, min: v, max: v, count: 1 }, visibleCutoff(sandbox, now), now);
    },
  };
  sandbox.every(FLUSH_MS, () => store.flush());
  sandbox.onClose(() => store.flush());
}
