// Whether a function's resource policy lets a service invoke it from a given source (API Gateway's
// `arn:aws:execute-api:<region>:<account>:<api>/<stage>/<METHOD>/<resource path>`), as Lambda judges it.

import { GetPolicyCommand, LambdaClient } from '@aws-sdk/client-lambda';
import type { CheckContext } from '../../src/engine/types.js';
import { memo } from './memo.js';
import { orUndefined } from './not-found.js';
import { parsePolicyDocument, statementsOf, wildcardMatch, type Statement } from './policy.js';

export function functionPolicy(ctx: CheckContext, functionName: string): Promise<Statement[]> {
  return memo(ctx, `lambda.policy.${functionName}`, async () => {
    const out = await orUndefined(ctx.clients.get(LambdaClient).send(new GetPolicyCommand({ FunctionName: functionName }), { abortSignal: ctx.signal }));
    return statementsOf(parsePolicyDocument(out?.Policy));
  });
}

const asList = (v: unknown): string[] => (v === undefined ? [] : Array.isArray(v) ? (v as string[]) : [v as string]);

/** The statement that allows `service` to invoke from `sourceArn`, if any. */
export function allowingStatement(statements: Statement[], service: string, sourceArn: string): Statement | undefined {
  return statements.find((s) => {
    if (s.Effect !== 'Allow') return false;
    const principal = s.Principal as { Service?: string | string[] } | string | undefined;
    const services = typeof principal === 'string' ? [principal] : asList(principal?.Service);
    if (!services.includes(service) && !services.includes('*')) return false;
    if (!asList(s.Action).some((a) => wildcardMatch(a, 'lambda:InvokeFunction', true))) return false;
    const condition = s.Condition as Record<string, Record<string, string | string[]>> | undefined;
    const patterns = [...asList(condition?.ArnLike?.['AWS:SourceArn']), ...asList(condition?.ArnEquals?.['AWS:SourceArn'])];
    return patterns.length === 0 || patterns.some((p) => wildcardMatch(p, sourceArn));
  });
}
