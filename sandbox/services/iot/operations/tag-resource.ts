// TagResource: adds or replaces tags on a thing, certificate, policy or rule.

import { defineOperation } from '../../definition.js';
import { str, struct } from '../../../protocols/shapes.js';
import { tagList, tagsToMap } from '../shapes.js';
import { tags } from '../store.js';
import { requireTaggable } from '../tagging.js';

export const tagResource = defineOperation<{ resourceArn: string; tags: { Key: string; Value?: string }[] }>({
  name: 'TagResource',
  input: struct({ resourceArn: str({ required: true }), tags: tagList(true) }),
  http: { method: 'POST', path: '/tags' },
  handler(input, ctx) {
    requireTaggable(ctx, input.resourceArn);
    const table = tags(ctx.sandbox, ctx);
    table.set(input.resourceArn, { ...(table.get(input.resourceArn) ?? {}), ...tagsToMap(input.tags) });
    return {};
  },
});
