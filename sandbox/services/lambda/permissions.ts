// The IAM permissions Lambda's operations need: the action named after the operation (Invoke is
// lambda:InvokeFunction), on the function FunctionName names (a name, a partial or a full ARN), and
// iam:PassRole for the execution role a function is given.

import { arn, type RequestContext } from '../../edge/context.js';
import type { Permission } from '../definition.js';
import { passRole } from '../iam/pass-role.js';

const ACTIONS: Record<string, string> = { Invoke: 'lambda:InvokeFunction' };

export function permissions(operation: string, input: { FunctionName?: string; Resource?: string; Role?: string }, ctx: RequestContext): Permission[] {
  return [{ action: ACTIONS[operation] ?? `lambda:${operation}`, resource: functionResource(input, ctx) }, ...passRole(input.Role, ctx)];
}

function functionResource(input: { FunctionName?: string; Resource?: string }, ctx: RequestContext): string {
  const name = input.FunctionName;
  if (!name) return input.Resource ?? '*';
  if (name.startsWith('arn:')) return name;
  // `123456789012:function:f` (a partial ARN) or `f` (optionally `f:qualifier`).
  const partial = /^(\d{12}):function:(.+)$/.exec(name);
  return partial ? `arn:aws:lambda:${ctx.region}:${partial[1]}:function:${partial[2]}` : arn('lambda', ctx, `function:${name}`);
}
