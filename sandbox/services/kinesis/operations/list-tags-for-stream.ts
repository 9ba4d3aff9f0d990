// ListTagsForStream: tags in key order, paged by Limit and ExclusiveStartTagKey.

import { defineOperation } from '../../definition.js';
import { int, str, struct } from '../../../protocols/shapes.js';
import { requireStream } from '../store.js';
import { streamTarget, type StreamTarget } from '../shapes.js';

export const listTagsForStream = defineOperation<StreamTarget & { ExclusiveStartTagKey?: string; Limit?: number }>({
  name: 'ListTagsForStream',
  input: struct({ ...streamTarget(), ExclusiveStartTagKey: str({ min: 1, max: 128 }), Limit: int({ min: 1, max: 50 }) }),
  handler(input, ctx) {
    const stream = requireStream(ctx, input, 'exists');
    const start = input.ExclusiveStartTagKey;
    const keys = Object.keys(stream.tags)
      .sort()
      .filter((k) => start === undefined || k > start);
    const limit = input.Limit ?? 50;
    return {
      Tags: keys.slice(0, limit).map((Key) => ({ Key, Value: stream.tags[Key] })),
      HasMoreTags: keys.length > limit,
    };
  },
});
