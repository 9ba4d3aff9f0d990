// The IAM permissions Glue's operations need: the action named after the operation on any resource
// (the catalog's ARNs are not mapped), and iam:PassRole for the role a crawler is given.

import type { RequestContext } from '../../edge/context.js';
import type { Permission } from '../definition.js';
import { passRole } from '../iam/pass-role.js';

const PASSES_ROLE = new Set(['CreateCrawler', 'UpdateCrawler']);

export function permissions(operation: string, input: { Role?: string }, ctx: RequestContext): Permission[] {
  return [{ action: `glue:${operation}`, resource: '*' }, ...(PASSES_ROLE.has(operation) ? passRole(input.Role, ctx) : [])];
}
