// The IAM permissions IAM's own operations need: the action named after the operation, on the role or
// policy it names (IAM's ARNs have no region).

import type { RequestContext } from '../../edge/context.js';
import type { Permission } from '../definition.js';

export function permissions(operation: string, input: { RoleName?: string; PolicyArn?: string; PolicyName?: string }, ctx: RequestContext): Permission[] {
  const action = `iam:${operation}`;
  const account = `arn:aws:iam::${ctx.accountId}`;
  if (input.RoleName) return [{ action, resource: `${account}:role/${input.RoleName}` }];
  if (input.PolicyArn) return [{ action, resource: input.PolicyArn }];
  if (operation === 'CreatePolicy' && input.PolicyName) return [{ action, resource: `${account}:policy/${input.PolicyName}` }];
  return [{ action, resource: '*' }];
}
