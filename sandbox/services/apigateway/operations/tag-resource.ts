// TagResource: adds or replaces tags on an API or a stage.

import { defineOperation } from '../../definition.js';
import { str, struct } from '../../../protocols/shapes.js';
import { tags } from '../shapes.js';
import { taggable } from '../tags.js';

export const tagResource = defineOperation<{ resourceArn: string; tags: Record<string, string> }>({
  name: 'TagResource',
  input: struct({ resourceArn: str({ required: true }), tags: tags(true) }),
  http: { method: 'PUT', path: '/tags/{resourceArn}', status: 204 },
  handler(input, ctx) {
    const target = taggable(ctx, input.resourceArn);
    target.save({ ...target.tags, ...input.tags });
    return {};
  },
});
