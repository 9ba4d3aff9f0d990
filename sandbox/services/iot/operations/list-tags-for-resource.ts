// ListTagsForResource: a resource's tags as a Key/Value list.

import { defineOperation } from '../../definition.js';
import { str, struct } from '../../../protocols/shapes.js';
import { tags } from '../store.js';
import { requireTaggable } from '../tagging.js';

export const listTagsForResource = defineOperation<{ resourceArn: string; nextToken?: string }>({
  name: 'ListTagsForResource',
  input: struct({ resourceArn: str({ required: true }), nextToken: str() }),
  http: { method: 'GET', path: '/tags' },
  handler(input, ctx) {
    requireTaggable(ctx, input.resourceArn);
    return { tags: Object.entries(tags(ctx.sandbox, ctx).get(input.resourceArn) ?? {}).map(([Key, Value]) => ({ Key, Value })) };
  },
});
