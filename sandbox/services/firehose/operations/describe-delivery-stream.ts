// DescribeDeliveryStream: status (CREATING -> ACTIVE), VersionId, source and the one S3 destination.

import { defineOperation } from '../../definition.js';
import { int, str, struct } from '../../../protocols/shapes.js';
import { deliveryStreamName } from '../shapes.js';
import { describeDestination } from '../destination.js';
import { getStream, statusOf } from '../ingest.js';

const input = struct({
  DeliveryStreamName: deliveryStreamName(),
  Limit: int({ min: 1, max: 10000 }),
  ExclusiveStartDestinationId: str({ min: 1, max: 100, pattern: '[a-zA-Z0-9-]+' }),
});

export const describeDeliveryStream = defineOperation<{ DeliveryStreamName: string; ExclusiveStartDestinationId?: string }>({
  name: 'DescribeDeliveryStream',
  input,
  handler(input, ctx) {
    const stream = getStream(ctx.sandbox, ctx, input.DeliveryStreamName);
    // There is one destination: starting after it leaves none.
    const destinations = input.ExclusiveStartDestinationId ? [] : [describeDestination(stream.destination)];
    return {
      DeliveryStreamDescription: {
        DeliveryStreamName: stream.name,
        DeliveryStreamARN: stream.arn,
        DeliveryStreamStatus: statusOf(ctx.sandbox, stream),
        DeliveryStreamEncryptionConfiguration: stream.encryption ? { ...stream.encryption, Status: 'ENABLED' } : { Status: 'DISABLED' },
        DeliveryStreamType: stream.type,
        VersionId: String(stream.version),
        CreateTimestamp: new Date(stream.createdAt),
        LastUpdateTimestamp: stream.updatedAt === undefined ? undefined : new Date(stream.updatedAt),
        Source: stream.source
          ? {
              KinesisStreamSourceDescription: {
                KinesisStreamARN: stream.source.KinesisStreamARN,
                RoleARN: stream.source.RoleARN,
                DeliveryStartTimestamp: new Date(stream.source.deliveryStartTimestamp),
              },
            }
          : undefined,
        Destinations: destinations,
        HasMoreDestinations: false,
      },
    };
  },
});
