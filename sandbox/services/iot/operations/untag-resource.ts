// UntagResource: removes tags by key.

import { defineOperation } from '../../definition.js';
import { list, str, struct } from '../../../protocols/shapes.js';
import { tags } from '../store.js';
import { requireTaggable } from '../tagging.js';

export const untagResource = defineOperation<{ resourceArn: string; tagKeys: string[] }>({
  name: 'UntagResource',
  input: struct({ resourceArn: str({ required: true }), tagKeys: list(str(), { required: true }) }),
  http: { method: 'POST', path: '/untag' },
  handler(input, ctx) {
    requireTaggable(ctx, input.resourceArn);
    const table = tags(ctx.sandbox, ctx);
    const drop = new Set(input.tagKeys);
    table.set(input.resourceArn, Object.fromEntries(Object.entries(table.get(input.resourceArn) ?? {}).filter(([k]) => !drop.has(k))));
    return {};
  },
});
