// iam:PassRole: handing a role to a service (a function's execution role, a delivery stream's or a
// crawler's role) needs permission to pass it, as in AWS, besides the operation's own permission.

import type { RequestContext } from '../../edge/context.js';
import type { Permission } from '../definition.js';

/** The PassRole permission for a role named by ARN (or, as Glue accepts, by name in the caller's account). */
export function passRole(role: string | undefined, ctx: RequestContext): Permission[] {
  if (!role) return [];
  const arn = role.startsWith('arn:') ? role : `arn:aws:iam::${ctx.accountId}:role/${role}`;
  return [{ action: 'iam:PassRole', resource: arn }];
}
