// DeleteFunction: the function, its code and its warm processes go.

import { defineOperation } from '../../definition.js';
import { struct } from '../../../protocols/shapes.js';
import { findFunction } from '../configuration.js';
import { removeCodeDirectories } from '../code.js';
import { lambdaHost } from '../host.js';
import { namespacedFunctionName, qualifier } from '../shapes.js';
import { functions, workerKey } from '../store.js';

const input = struct({ FunctionName: namespacedFunctionName(), Qualifier: qualifier() });

export const deleteFunction = defineOperation<{ FunctionName: string; Qualifier?: string }>({
  name: 'DeleteFunction',
  input,
  http: { method: 'DELETE', path: '/2015-03-31/functions/{FunctionName}', query: { Qualifier: 'Qualifier' }, status: 204 },
  handler(input, ctx) {
    const fn = findFunction(ctx.sandbox, ctx, input.FunctionName, input.Qualifier);
    functions(ctx.sandbox, ctx).delete(fn.FunctionName);
    lambdaHost(ctx.sandbox).pool.retire(workerKey(ctx, fn.FunctionName));
    ctx.sandbox.blobs.remove(fn.codeLocation);
    removeCodeDirectories(ctx.sandbox, fn);
    return {};
  },
});
