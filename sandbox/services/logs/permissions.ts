// The IAM permissions CloudWatch Logs' operations need: the action named after the operation, on the
// log group (`log-group:<name>:*`) or, for a stream's own calls, the stream (`...:log-stream:<name>`).

import { arn, type RequestContext } from '../../edge/context.js';
import type { Permission } from '../definition.js';

const STREAM_OPERATIONS = new Set(['CreateLogStream', 'DeleteLogStream', 'PutLogEvents', 'GetLogEvents']);

export function permissions(operation: string, input: { logGroupName?: string; logStreamName?: string; resourceArn?: string }, ctx: RequestContext): Permission[] {
  const action = `logs:${operation}`;
  if (input.resourceArn) return [{ action, resource: input.resourceArn }];
  if (!input.logGroupName) return [{ action, resource: '*' }];
  const group = arn('logs', ctx, `log-group:${input.logGroupName}`);
  const resource = STREAM_OPERATIONS.has(operation) && input.logStreamName ? `${group}:log-stream:${input.logStreamName}` : `${group}:*`;
  return [{ action, resource }];
}
