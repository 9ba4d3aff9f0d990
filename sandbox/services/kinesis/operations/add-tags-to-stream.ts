// AddTagsToStream: adds or overwrites tags (at most 50 a stream).

import { defineOperation } from '../../definition.js';
import { struct } from '../../../protocols/shapes.js';
import { refOf, requireStream, saveStream } from '../store.js';
import { streamTarget, tagMap, type StreamTarget } from '../shapes.js';
import { checkTags, mergeTags } from '../tags.js';
import { emptyResult } from '../empty-result.js';

export const addTagsToStream = defineOperation<StreamTarget & { Tags: Record<string, string> }>({
  name: 'AddTagsToStream',
  input: struct({ ...streamTarget(), Tags: tagMap({ required: true }) }),
  readOnly: false,
  handler(input, ctx) {
    const stream = requireStream(ctx, input, 'readable');
    checkTags(refOf(stream), input.Tags);
    saveStream(ctx.sandbox, { ...stream, tags: mergeTags(refOf(stream), stream.tags, input.Tags) });
    return emptyResult(ctx);
  },
});
