// RemovePermission: drops one statement of the function's resource-based policy.

import { defineOperation } from '../../definition.js';
import { str, struct } from '../../../protocols/shapes.js';
import { findFunction } from '../configuration.js';
import { noPolicy, revisionMismatch, statementNotFound } from '../errors.js';
import { namespacedFunctionName, qualifier } from '../shapes.js';
import { saveFunction } from '../update.js';

const input = struct({
  FunctionName: namespacedFunctionName(),
  StatementId: str({ required: true, min: 1, max: 100, pattern: '([a-zA-Z0-9-_.]+)' }),
  Qualifier: qualifier(),
  RevisionId: str(),
});

export const removePermission = defineOperation<{ FunctionName: string; StatementId: string; Qualifier?: string; RevisionId?: string }>({
  name: 'RemovePermission',
  input,
  http: { method: 'DELETE', path: '/2015-03-31/functions/{FunctionName}/policy/{StatementId}', query: { Qualifier: 'Qualifier', RevisionId: 'RevisionId' }, status: 204 },
  handler(input, ctx) {
    const fn = findFunction(ctx.sandbox, ctx, input.FunctionName, input.Qualifier);
    if (input.RevisionId !== undefined && input.RevisionId !== fn.RevisionId) throw revisionMismatch();
    if (fn.policy.length === 0) throw noPolicy();
    if (!fn.policy.some((s) => s.Sid === input.StatementId)) throw statementNotFound(input.StatementId);
    saveFunction(ctx, { ...fn, policy: fn.policy.filter((s) => s.Sid !== input.StatementId) }, { runtimeChanged: false });
    return {};
  },
});
