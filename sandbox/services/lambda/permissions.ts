// The IAM permissions Lambda's operations need: the action named after the operation (Invoke is
// lambda:InvokeFunction), on the function FunctionName names (a name, a partial or a full ARN).

import { arn, type RequestContext } from '../../edge/context.js';
import type { Permission } from '../definition.js';

const ACTIONS: Record<string, string> = { Invoke: 'lambda:InvokeFunction' };

export function permissions(operation: string, input: { FunctionName?: string; Resource?: string }, ctx: RequestContext): Permission[] {
  const action = ACTIONS[operation] ?? `lambda:${operation}`;
  const name = input.FunctionName;
  if (!name) return [{ action, resource: input.Resource ?? '*' }];
  if (name.startsWith('arn:')) return [{ action, resource: name }];
  // `123456789012:function:f` (a partial ARN) or `f` (optionally `f:qualifier`).
  const partial = /^(\d{12}):function:(.+)$/.exec(name);
  const resource = partial ? `arn:aws:lambda:${ctx.region}:${partial[1]}:function:${partial[2]}` : arn('lambda', ctx, `function:${name}`);
  return [{ action, resource }];
}
