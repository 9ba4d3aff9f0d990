// ListTags: a function's tags, named by ARN.

import { defineOperation } from '../../definition.js';
import { struct } from '../../../protocols/shapes.js';
import { findFunction } from '../configuration.js';
import { taggableResource } from '../shapes.js';

const input = struct({ Resource: taggableResource() });

export const listTags = defineOperation<{ Resource: string }>({
  name: 'ListTags',
  input,
  http: { method: 'GET', path: '/2017-03-31/tags/{Resource}' },
  handler(input, ctx) {
    return { Tags: findFunction(ctx.sandbox, ctx, input.Resource).Tags };
  },
});
