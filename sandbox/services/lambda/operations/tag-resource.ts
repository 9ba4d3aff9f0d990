// TagResource: adds or replaces tags on a function, named by ARN.

import { defineOperation } from '../../definition.js';
import { struct } from '../../../protocols/shapes.js';
import { findFunction } from '../configuration.js';
import { taggableResource, tags } from '../shapes.js';
import { functions } from '../store.js';

const input = struct({ Resource: taggableResource(), Tags: tags(true) });

export const tagResource = defineOperation<{ Resource: string; Tags: Record<string, string> }>({
  name: 'TagResource',
  input,
  http: { method: 'POST', path: '/2017-03-31/tags/{Resource}', status: 204 },
  handler(input, ctx) {
    const fn = findFunction(ctx.sandbox, ctx, input.Resource);
    functions(ctx.sandbox, ctx).set(fn.FunctionName, { ...fn, Tags: { ...fn.Tags, ...input.Tags } });
    return {};
  },
});
