// TagDeliveryStream: adds or overwrites tags, at most 50 per stream.

import { defineOperation } from '../../definition.js';
import { struct } from '../../../protocols/shapes.js';
import { deliveryStreamName, tagList } from '../shapes.js';
import { streams } from '../store.js';
import { tooManyTags } from '../errors.js';
import { getStream } from '../ingest.js';

export const MAX_TAGS = 50;

const input = struct({ DeliveryStreamName: deliveryStreamName(), Tags: tagList(true) });

export const tagDeliveryStream = defineOperation<{ DeliveryStreamName: string; Tags: { Key: string; Value?: string }[] }>({
  name: 'TagDeliveryStream',
  input,
  readOnly: false,
  handler(input, ctx) {
    const stream = getStream(ctx.sandbox, ctx, input.DeliveryStreamName);
    const tags = new Map(stream.tags.map((t) => [t.Key, t]));
    for (const t of input.Tags) tags.set(t.Key, { Key: t.Key, Value: t.Value ?? '' });
    if (tags.size > MAX_TAGS) throw tooManyTags(stream.name, MAX_TAGS);
    streams(ctx.sandbox, ctx).set(stream.name, { ...stream, tags: [...tags.values()] });
    return {};
  },
});
