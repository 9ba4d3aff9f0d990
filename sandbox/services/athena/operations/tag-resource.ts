// TagResource: adds or overwrites tags of a workgroup (by its ARN), at most 50 per resource.

import { defineOperation } from '../../definition.js';
import { str, struct } from '../../../protocols/shapes.js';
import { tooManyTags } from '../errors.js';
import { tagList } from '../shapes.js';
import { workGroups, type Tag } from '../store.js';
import { taggedWorkGroup } from './list-tags-for-resource.js';

export const MAX_TAGS = 50;

const input = struct({ ResourceARN: str({ required: true, min: 1, max: 1011 }), Tags: tagList(true) });

export const tagResource = defineOperation<{ ResourceARN: string; Tags: Tag[] }>({
  name: 'TagResource',
  input,
  handler(input, ctx) {
    const wg = taggedWorkGroup(ctx, input.ResourceARN);
    const tags = new Map(wg.tags.map((t) => [t.Key, t]));
    for (const t of input.Tags) tags.set(t.Key, { Key: t.Key, Value: t.Value ?? '' });
    if (tags.size > MAX_TAGS) throw tooManyTags();
    workGroups(ctx.sandbox, ctx).set(wg.name, { ...wg, tags: [...tags.values()] });
    return {};
  },
});
