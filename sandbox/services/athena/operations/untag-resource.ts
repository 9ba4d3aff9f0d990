// UntagResource: removes tags of a workgroup by key (keys it does not have are ignored).

import { defineOperation } from '../../definition.js';
import { list, str, struct } from '../../../protocols/shapes.js';
import { workGroups } from '../store.js';
import { taggedWorkGroup } from './list-tags-for-resource.js';

const input = struct({ ResourceARN: str({ required: true, min: 1, max: 1011 }), TagKeys: list(str({ min: 1, max: 128 }), { required: true }) });

export const untagResource = defineOperation<{ ResourceARN: string; TagKeys: string[] }>({
  name: 'UntagResource',
  input,
  handler(input, ctx) {
    const wg = taggedWorkGroup(ctx, input.ResourceARN);
    workGroups(ctx.sandbox, ctx).set(wg.name, { ...wg, tags: wg.tags.filter((t) => !input.TagKeys.includes(t.Key)) });
    return {};
  },
});
