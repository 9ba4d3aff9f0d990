// GetFunction: the configuration, where to download the code, and the tags.

import { defineOperation } from '../../definition.js';
import { struct } from '../../../protocols/shapes.js';
import { configuration, findFunction } from '../configuration.js';
import { codeDownloadUrl } from '../code-download.js';
import { namespacedFunctionName, qualifier } from '../shapes.js';

const input = struct({ FunctionName: namespacedFunctionName(), Qualifier: qualifier() });

export const getFunction = defineOperation<{ FunctionName: string; Qualifier?: string }>({
  name: 'GetFunction',
  input,
  http: { method: 'GET', path: '/2015-03-31/functions/{FunctionName}', query: { Qualifier: 'Qualifier' } },
  handler(input, ctx) {
    const fn = findFunction(ctx.sandbox, ctx, input.FunctionName, input.Qualifier);
    return {
      Configuration: configuration(ctx.sandbox, fn, ctx.clock.now()),
      Code: { RepositoryType: 'S3', Location: codeDownloadUrl(ctx.sandbox, fn) },
      Tags: Object.keys(fn.Tags).length > 0 ? fn.Tags : undefined,
    };
  },
});
