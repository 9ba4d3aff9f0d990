// The AWS/Firehose metrics a delivery stream publishes about itself (dimension DeliveryStreamName).

import type { Sandbox } from '../../sandbox.js';
import type { Principal } from '../../edge/context.js';

export const NAMESPACE = 'AWS/Firehose';

export type Unit = 'Count' | 'Bytes' | 'Milliseconds' | 'Seconds';

/** Publishes `[name, value, unit]` data points; a sandbox without CloudWatch simply has no metrics. */
export function publish(sandbox: Sandbox, owner: Pick<Principal, 'accountId' | 'region'>, streamName: string, data: [string, number, Unit][]): void {
  const cloudwatch = sandbox.apis.cloudwatch;
  if (!cloudwatch) return;
  const principal = { accountId: owner.accountId, region: owner.region, clock: sandbox.clock };
  const timestamp = sandbox.clock.now();
  for (const [name, value, unit] of data) {
    cloudwatch.putMetric(principal, { namespace: NAMESPACE, name, dimensions: { DeliveryStreamName: streamName }, value, unit, timestamp });
  }
}
