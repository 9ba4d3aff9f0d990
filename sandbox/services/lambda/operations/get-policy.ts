// GetPolicy: the function's resource-based policy document.

import { defineOperation } from '../../definition.js';
import { struct } from '../../../protocols/shapes.js';
import { findFunction } from '../configuration.js';
import { noPolicy } from '../errors.js';
import { policyDocument } from '../policy.js';
import { namespacedFunctionName, qualifier } from '../shapes.js';

const input = struct({ FunctionName: namespacedFunctionName(), Qualifier: qualifier() });

export const getPolicy = defineOperation<{ FunctionName: string; Qualifier?: string }>({
  name: 'GetPolicy',
  input,
  http: { method: 'GET', path: '/2015-03-31/functions/{FunctionName}/policy', query: { Qualifier: 'Qualifier' } },
  handler(input, ctx) {
    const fn = findFunction(ctx.sandbox, ctx, input.FunctionName, input.Qualifier);
    if (fn.policy.length === 0) throw noPolicy();
    return { Policy: policyDocument(fn), RevisionId: fn.RevisionId };
  },
});
