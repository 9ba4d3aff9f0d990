// Deploy step: a statement in a function's resource policy letting a service invoke it from a source
// (API Gateway for one API's method): added unless a statement already allows exactly that.

import { AddPermissionCommand, GetPolicyCommand, LambdaClient } from '@aws-sdk/client-lambda';
import type { SolutionContext } from '../../src/engine/solution.js';
import { orUndefined } from '../../checks/lib/not-found.js';
import { parsePolicyDocument, statementsOf } from '../../checks/lib/policy.js';
import type { Ledger } from './ledger.js';
import { ts } from './messages.js';

export interface InvokePermission {
  functionName: string;
  statementId: string;
  /** `apigateway.amazonaws.com`. */
  principal: string;
  sourceArn: string;
}

export async function ensureInvokePermission(ctx: SolutionContext, ledger: Ledger, wanted: InvokePermission): Promise<void> {
  const lambda = ctx.clients.get(LambdaClient);
  const policy = await orUndefined(lambda.send(new GetPolicyCommand({ FunctionName: wanted.functionName })));
  const present = statementsOf(parsePolicyDocument(policy?.Policy)).some((s) => {
    const principal = (s.Principal as { Service?: string } | undefined)?.Service;
    const source = (s.Condition as { ArnLike?: Record<string, string> } | undefined)?.ArnLike?.['AWS:SourceArn'];
    return s.Effect === 'Allow' && principal === wanted.principal && source === wanted.sourceArn;
  });
  const what = ts('ledger.invokePermission', { principal: wanted.principal, function: wanted.functionName });
  if (present) {
    ledger.record(what, 'unchanged');
    return;
  }
  await lambda.send(
    new AddPermissionCommand({ FunctionName: wanted.functionName, StatementId: wanted.statementId, Action: 'lambda:InvokeFunction', Principal: wanted.principal, SourceArn: wanted.sourceArn }),
  );
  ledger.record(what, 'created');
}
