// UntagDeliveryStream: removes tags by key (absent keys are ignored).

import { defineOperation } from '../../definition.js';
import { list, struct } from '../../../protocols/shapes.js';
import { deliveryStreamName, tagKey } from '../shapes.js';
import { streams } from '../store.js';
import { getStream } from '../ingest.js';

const input = struct({ DeliveryStreamName: deliveryStreamName(), TagKeys: list(tagKey(), { required: true, min: 1, max: 50 }) });

export const untagDeliveryStream = defineOperation<{ DeliveryStreamName: string; TagKeys: string[] }>({
  name: 'UntagDeliveryStream',
  input,
  readOnly: false,
  handler(input, ctx) {
    const stream = getStream(ctx.sandbox, ctx, input.DeliveryStreamName);
    const remove = new Set(input.TagKeys);
    streams(ctx.sandbox, ctx).set(stream.name, { ...stream, tags: stream.tags.filter((t) => !remove.has(t.Key)) });
    return {};
  },
});
