// A function's resource-based policy: the statements AddPermission writes (as Lambda writes them) and
// the question other services ask before invoking: may this principal, from this source, invoke it?

import type { FunctionRecord, PolicyStatement } from './store.js';

export interface PermissionInput {
  StatementId: string;
  Action: string;
  Principal: string;
  SourceArn?: string;
  SourceAccount?: string;
  PrincipalOrgID?: string;
  FunctionUrlAuthType?: string;
}

function principalOf(principal: string): PolicyStatement['Principal'] {
  if (principal === '*') return '*';
  if (/^\d{12}$/.test(principal)) return { AWS: `arn:aws:iam::${principal}:root` };
  if (principal.startsWith('arn:')) return { AWS: principal };
  return { Service: principal };
}

export function statementFor(input: PermissionInput, resource: string): PolicyStatement {
  const condition: Record<string, Record<string, string>> = {};
  if (input.SourceAccount) condition.StringEquals = { 'AWS:SourceAccount': input.SourceAccount };
  if (input.PrincipalOrgID) condition.StringEquals = { ...condition.StringEquals, 'aws:PrincipalOrgID': input.PrincipalOrgID };
  if (input.FunctionUrlAuthType) condition.StringEquals = { ...condition.StringEquals, 'lambda:FunctionUrlAuthType': input.FunctionUrlAuthType };
  if (input.SourceArn) condition.ArnLike = { 'AWS:SourceArn': input.SourceArn };
  return {
    Sid: input.StatementId,
    Effect: 'Allow',
    Principal: principalOf(input.Principal),
    Action: input.Action,
    Resource: resource,
    ...(Object.keys(condition).length > 0 ? { Condition: condition } : {}),
  };
}

export function policyDocument(fn: FunctionRecord): string {
  return JSON.stringify({ Version: '2012-10-17', Id: 'default', Statement: fn.policy });
}

/** ArnLike: `*` and `?` wildcards, compared segment-wise as one string. */
function arnLike(pattern: string, value: string): boolean {
  const regex = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
  return regex.test(value);
}

export interface InvokeCaller {
  /** A service principal (`apigateway.amazonaws.com`) or an account id / principal ARN. */
  principal: string;
  sourceArn?: string;
  sourceAccount?: string;
}

/** Whether some statement allows `caller` to call lambda:InvokeFunction on the function. */
export function allowsInvoke(fn: FunctionRecord, caller: InvokeCaller): boolean {
  return fn.policy.some((s) => {
    if (!['lambda:InvokeFunction', 'lambda:*', '*'].includes(s.Action)) return false;
    const p = s.Principal;
    const principalMatches =
      p === '*' ||
      (typeof p === 'object' && 'Service' in p && p.Service === caller.principal) ||
      (typeof p === 'object' && 'AWS' in p && (p.AWS === caller.principal || p.AWS === `arn:aws:iam::${caller.principal}:root`));
    if (!principalMatches) return false;
    const sourceArn = s.Condition?.ArnLike?.['AWS:SourceArn'];
    if (sourceArn && !(caller.sourceArn && arnLike(sourceArn, caller.sourceArn))) return false;
    const sourceAccount = s.Condition?.StringEquals?.['AWS:SourceAccount'];
    if (sourceAccount && sourceAccount !== caller.sourceAccount) return false;
    return true;
  });
}
