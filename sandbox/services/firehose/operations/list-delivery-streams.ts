// ListDeliveryStreams: names in alphabetical order, optionally of one source type, paged by
// ExclusiveStartDeliveryStreamName (default Limit 10).

import { defineOperation } from '../../definition.js';
import { int, struct } from '../../../protocols/shapes.js';
import { deliveryStreamName, deliveryStreamType } from '../shapes.js';
import { streams } from '../store.js';

const input = struct({
  Limit: int({ min: 1, max: 10000 }),
  DeliveryStreamType: deliveryStreamType,
  ExclusiveStartDeliveryStreamName: deliveryStreamName(false),
});

const DEFAULT_LIMIT = 10;

export const listDeliveryStreams = defineOperation<{ Limit?: number; DeliveryStreamType?: string; ExclusiveStartDeliveryStreamName?: string }>({
  name: 'ListDeliveryStreams',
  input,
  handler(input, ctx) {
    const start = input.ExclusiveStartDeliveryStreamName;
    const names = streams(ctx.sandbox, ctx)
      .values()
      .filter((s) => !input.DeliveryStreamType || s.type === input.DeliveryStreamType)
      .map((s) => s.name)
      .filter((n) => start === undefined || n > start)
      .sort();
    const limit = input.Limit ?? DEFAULT_LIMIT;
    return { DeliveryStreamNames: names.slice(0, limit), HasMoreDeliveryStreams: names.length > limit };
  },
});
