// The IAM permission an HTTP publish needs: iot:Publish on the topic's ARN.

import { arn, type RequestContext } from '../../edge/context.js';
import type { Permission } from '../definition.js';

export function permissions(operation: string, input: { topic?: string }, ctx: RequestContext): Permission[] {
  return [{ action: `iot:${operation}`, resource: input.topic ? arn('iot', ctx, `topic/${input.topic}`) : '*' }];
}
