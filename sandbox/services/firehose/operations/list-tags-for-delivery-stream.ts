// ListTagsForDeliveryStream: tags in key order, paged by ExclusiveStartTagKey (Limit 1-50, default 50).

import { defineOperation } from '../../definition.js';
import { int, struct } from '../../../protocols/shapes.js';
import { deliveryStreamName, tagKey } from '../shapes.js';
import { getStream } from '../ingest.js';
import { MAX_TAGS } from './tag-delivery-stream.js';

const input = struct({ DeliveryStreamName: deliveryStreamName(), ExclusiveStartTagKey: tagKey(), Limit: int({ min: 1, max: 50 }) });

export const listTagsForDeliveryStream = defineOperation<{ DeliveryStreamName: string; ExclusiveStartTagKey?: string; Limit?: number }>({
  name: 'ListTagsForDeliveryStream',
  input,
  handler(input, ctx) {
    const start = input.ExclusiveStartTagKey;
    const tags = getStream(ctx.sandbox, ctx, input.DeliveryStreamName)
      .tags.filter((t) => start === undefined || t.Key > start)
      .sort((a, b) => (a.Key < b.Key ? -1 : a.Key > b.Key ? 1 : 0));
    const limit = input.Limit ?? MAX_TAGS;
    return { Tags: tags.slice(0, limit).map((t) => ({ Key: t.Key, Value: t.Value ?? '' })), HasMoreTags: tags.length > limit };
  },
});
