// UntagResource: removes tags from a function, named by ARN.

import { defineOperation } from '../../definition.js';
import { list, str, struct } from '../../../protocols/shapes.js';
import { findFunction } from '../configuration.js';
import { taggableResource } from '../shapes.js';
import { functions } from '../store.js';

const input = struct({ Resource: taggableResource(), TagKeys: list(str(), { required: true }) });

export const untagResource = defineOperation<{ Resource: string; TagKeys: string[] }>({
  name: 'UntagResource',
  input,
  http: { method: 'DELETE', path: '/2017-03-31/tags/{Resource}', query: { TagKeys: 'tagKeys' }, status: 204 },
  handler(input, ctx) {
    const fn = findFunction(ctx.sandbox, ctx, input.Resource);
    const drop = new Set(input.TagKeys);
    const kept = Object.fromEntries(Object.entries(fn.Tags).filter(([k]) => !drop.has(k)));
    functions(ctx.sandbox, ctx).set(fn.FunctionName, { ...fn, Tags: kept });
    return {};
  },
});
