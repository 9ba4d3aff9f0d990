// AWS/ApiGateway metrics of one request: Count, 4XXError, 5XXError, Latency and IntegrationLatency, by
// ApiName and by ApiName and Stage, as API Gateway publishes them.

import type { Principal } from '../../../edge/context.js';
import type { Sandbox } from '../../../sandbox.js';

export interface RequestMetrics {
  apiName: string;
  stageName: string;
  status: number;
  latencyMs: number;
  /** Absent when no integration ran (unknown route, missing permission). */
  integrationLatencyMs?: number;
}

export function publishMetrics(sandbox: Sandbox, owner: Principal, m: RequestMetrics): void {
  const cloudwatch = sandbox.apis.cloudwatch;
  if (!cloudwatch) return;
  const byApi: Record<string, string> = { ApiName: m.apiName };
  for (const dimensions of [byApi, { ...byApi, Stage: m.stageName }]) {
    const put = (name: string, value: number, unit: string) => cloudwatch.putMetric(owner, { namespace: 'AWS/ApiGateway', name, dimensions, value, unit });
    put('Count', 1, 'Count');
    put('4XXError', m.status >= 400 && m.status < 500 ? 1 : 0, 'Count');
    put('5XXError', m.status >= 500 ? 1 : 0, 'Count');
    put('Latency', m.latencyMs, 'Milliseconds');
    if (m.integrationLatencyMs !== undefined) put('IntegrationLatency', m.integrationLatencyMs, 'Milliseconds');
  }
}
