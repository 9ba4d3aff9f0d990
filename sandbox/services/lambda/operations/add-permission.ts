// AddPermission: a statement in the function's resource-based policy (who may call which action,
// from which source).

import { defineOperation } from '../../definition.js';
import { bool, str, struct } from '../../../protocols/shapes.js';
import { findFunction } from '../configuration.js';
import { revisionMismatch, statementExists } from '../errors.js';
import { statementFor, type PermissionInput } from '../policy.js';
import { namespacedFunctionName, qualifier } from '../shapes.js';
import { saveFunction } from '../update.js';

const input = struct({
  FunctionName: namespacedFunctionName(),
  StatementId: str({ required: true, min: 1, max: 100, pattern: '([a-zA-Z0-9-_]+)' }),
  Action: str({ required: true, pattern: '(lambda:[*]|lambda:[a-zA-Z]+|[*])' }),
  Principal: str({ required: true, pattern: '[^\\s]+' }),
  SourceArn: str({ pattern: 'arn:(aws[a-zA-Z0-9-]*):([a-zA-Z0-9\\-])+:([a-z]{2}(-gov)?-[a-z]+-\\d{1})?:(\\d{12})?:(.*)' }),
  SourceAccount: str({ min: 0, max: 12, pattern: '\\d{12}' }),
  EventSourceToken: str({ min: 0, max: 256, pattern: '[a-zA-Z0-9._\\-]+' }),
  Qualifier: qualifier(),
  RevisionId: str(),
  PrincipalOrgID: str({ min: 12, max: 34, pattern: 'o-[a-z0-9]{10,32}' }),
  FunctionUrlAuthType: str({ enum: ['NONE', 'AWS_IAM'] }),
  InvokedViaFunctionUrl: bool(),
});

type Input = PermissionInput & { FunctionName: string; Qualifier?: string; RevisionId?: string };

export const addPermission = defineOperation<Input>({
  name: 'AddPermission',
  input,
  http: { method: 'POST', path: '/2015-03-31/functions/{FunctionName}/policy', query: { Qualifier: 'Qualifier' }, status: 201 },
  handler(input, ctx) {
    const fn = findFunction(ctx.sandbox, ctx, input.FunctionName, input.Qualifier);
    if (input.RevisionId !== undefined && input.RevisionId !== fn.RevisionId) throw revisionMismatch();
    if (fn.policy.some((s) => s.Sid === input.StatementId)) throw statementExists();
    const statement = statementFor(input, fn.FunctionArn);
    saveFunction(ctx, { ...fn, policy: [...fn.policy, statement] }, { runtimeChanged: false });
    return { Statement: JSON.stringify(statement) };
  },
});
