// The IAM permissions Kinesis's operations need: the action named after the operation, on the stream
// named by StreamName or StreamARN (ListStreams and calls without a stream: any resource).

import { arn, type RequestContext } from '../../edge/context.js';
import type { Permission } from '../definition.js';

export function permissions(operation: string, input: { StreamName?: string; StreamARN?: string }, ctx: RequestContext): Permission[] {
  const resource = input.StreamARN ?? (input.StreamName ? arn('kinesis', ctx, `stream/${input.StreamName}`) : '*');
  return [{ action: `kinesis:${operation}`, resource }];
}
