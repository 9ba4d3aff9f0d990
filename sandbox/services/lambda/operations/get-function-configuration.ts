// GetFunctionConfiguration: the function's settings and state.

import { defineOperation } from '../../definition.js';
import { struct } from '../../../protocols/shapes.js';
import { configuration, findFunction } from '../configuration.js';
import { namespacedFunctionName, qualifier } from '../shapes.js';

const input = struct({ FunctionName: namespacedFunctionName(), Qualifier: qualifier() });

export const getFunctionConfiguration = defineOperation<{ FunctionName: string; Qualifier?: string }>({
  name: 'GetFunctionConfiguration',
  input,
  http: { method: 'GET', path: '/2015-03-31/functions/{FunctionName}/configuration', query: { Qualifier: 'Qualifier' } },
  handler(input, ctx) {
    return configuration(ctx.sandbox, findFunction(ctx.sandbox, ctx, input.FunctionName, input.Qualifier), ctx.clock.now());
  },
});
