// UntagResource: removes tags by key from an API or a stage.

import { defineOperation } from '../../definition.js';
import { list, str, struct } from '../../../protocols/shapes.js';
import { taggable } from '../tags.js';

export const untagResource = defineOperation<{ resourceArn: string; tagKeys: string[] }>({
  name: 'UntagResource',
  input: struct({ resourceArn: str({ required: true }), tagKeys: list(str(), { required: true }) }),
  http: { method: 'DELETE', path: '/tags/{resourceArn}', query: { tagKeys: 'tagKeys' }, status: 204 },
  handler(input, ctx) {
    const target = taggable(ctx, input.resourceArn);
    const kept = Object.fromEntries(Object.entries(target.tags).filter(([key]) => !input.tagKeys.includes(key)));
    target.save(kept);
    return {};
  },
});
