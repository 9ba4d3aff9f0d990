// The IAM permissions Firehose's operations need: the action named after the operation, on the
// delivery stream each names.

import { arn, type RequestContext } from '../../edge/context.js';
import type { Permission } from '../definition.js';

export function permissions(operation: string, input: { DeliveryStreamName?: string }, ctx: RequestContext): Permission[] {
  const resource = input.DeliveryStreamName ? arn('firehose', ctx, `deliverystream/${input.DeliveryStreamName}`) : '*';
  return [{ action: `firehose:${operation}`, resource }];
}
