// AWS/IoT metrics: what the broker (PublishIn, Connect, Subscribe) and the rules engine (TopicMatch,
// per-action Success/Failure) tell CloudWatch, when CloudWatch is part of the sandbox.

import type { Principal } from '../edge/context.js';
import type { Sandbox } from '../sandbox.js';

export function iotMetric(sandbox: Sandbox, owner: Principal, name: string, dimensions: Record<string, string>, value = 1): void {
  sandbox.apis.cloudwatch?.putMetric(owner, { namespace: 'AWS/IoT', name, dimensions, value, unit: 'Count' });
}
