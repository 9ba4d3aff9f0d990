// RemoveTagsFromStream: removes tags by key (keys that are absent are ignored).

import { defineOperation } from '../../definition.js';
import { list, str, struct } from '../../../protocols/shapes.js';
import { refOf, requireStream, saveStream } from '../store.js';
import { streamTarget, type StreamTarget } from '../shapes.js';
import { checkTagKeys } from '../tags.js';
import { emptyResult } from '../empty-result.js';

export const removeTagsFromStream = defineOperation<StreamTarget & { TagKeys: string[] }>({
  name: 'RemoveTagsFromStream',
  input: struct({ ...streamTarget(), TagKeys: list(str({ min: 1, max: 128 }), { required: true, min: 1, max: 50 }) }),
  readOnly: false,
  handler(input, ctx) {
    const stream = requireStream(ctx, input, 'readable');
    checkTagKeys(refOf(stream), input.TagKeys, 'remove');
    const tags = { ...stream.tags };
    for (const key of input.TagKeys) delete tags[key];
    saveStream(ctx.sandbox, { ...stream, tags });
    return emptyResult(ctx);
  },
});
