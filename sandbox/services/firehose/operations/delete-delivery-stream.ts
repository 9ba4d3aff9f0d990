// DeleteDeliveryStream: removes the stream with whatever it still buffered (AWS makes no delivery
// guarantee for it) and its Kinesis read positions. A CREATING stream cannot be deleted.

import { defineOperation } from '../../definition.js';
import { bool, struct } from '../../../protocols/shapes.js';
import { deliveryStreamName } from '../shapes.js';
import { streamKey, streams } from '../store.js';
import { streamNotActive } from '../errors.js';
import { getStream, statusOf } from '../ingest.js';
import { deliveryEngine } from '../delivery.js';
import { stopReading } from '../kinesis-source.js';

const input = struct({ DeliveryStreamName: deliveryStreamName(), AllowForceDelete: bool() });

export const deleteDeliveryStream = defineOperation<{ DeliveryStreamName: string }>({
  name: 'DeleteDeliveryStream',
  input,
  handler(input, ctx) {
    const stream = getStream(ctx.sandbox, ctx, input.DeliveryStreamName);
    const status = statusOf(ctx.sandbox, stream);
    if (status === 'CREATING') throw streamNotActive(stream.name, status);
    streams(ctx.sandbox, ctx).delete(stream.name);
    const key = streamKey(ctx, stream.name);
    deliveryEngine(ctx.sandbox).drop(key);
    stopReading(ctx.sandbox, key);
    return {};
  },
});
