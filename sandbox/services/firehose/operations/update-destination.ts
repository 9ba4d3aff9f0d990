// UpdateDestination: changes the S3 destination when CurrentDeliveryStreamVersionId matches, and bumps the
// version (the <version> in new object keys). An S3DestinationUpdate keeps the extended settings.

import { defineOperation } from '../../definition.js';
import { any, str, struct } from '../../../protocols/shapes.js';
import { deliveryStreamName, extendedS3Destination, otherDestinations, s3Destination } from '../shapes.js';
import { streams } from '../store.js';
import { buildDestination, DESTINATION_ID, type S3DestinationInput } from '../destination.js';
import { checkRoleAssumable } from '../role.js';
import { destinationNotFound, invalidArgument, notEmulated, streamNotActive, versionMismatch } from '../errors.js';
import { getStream, statusOf } from '../ingest.js';

const input = struct({
  DeliveryStreamName: deliveryStreamName(),
  CurrentDeliveryStreamVersionId: str({ required: true, min: 1, max: 50, pattern: '[0-9]+' }),
  DestinationId: str({ required: true, min: 1, max: 100, pattern: '[a-zA-Z0-9-]+' }),
  S3DestinationUpdate: s3Destination(true),
  ExtendedS3DestinationUpdate: extendedS3Destination(true),
  ...Object.fromEntries(otherDestinations.map((d) => [`${d}DestinationUpdate`, any()])),
});

interface Input {
  DeliveryStreamName: string;
  CurrentDeliveryStreamVersionId: string;
  DestinationId: string;
  S3DestinationUpdate?: S3DestinationInput;
  ExtendedS3DestinationUpdate?: S3DestinationInput;
  [other: string]: unknown;
}

export const updateDestination = defineOperation<Input>({
  name: 'UpdateDestination',
  input,
  readOnly: false,
  handler(input, ctx) {
    const stream = getStream(ctx.sandbox, ctx, input.DeliveryStreamName);
    const status = statusOf(ctx.sandbox, stream);
    if (status !== 'ACTIVE') throw streamNotActive(stream.name, status);
    if (input.DestinationId !== DESTINATION_ID) throw destinationNotFound(stream.name, input.DestinationId);
    if (Number(input.CurrentDeliveryStreamVersionId) !== stream.version) throw versionMismatch(stream.name, stream.version, input.CurrentDeliveryStreamVersionId);
    const other = otherDestinations.find((d) => input[`${d}DestinationUpdate`] !== undefined);
    if (other) throw notEmulated(`the ${other} destination (only S3 and ExtendedS3 destinations are delivered)`);
    const updates = [input.S3DestinationUpdate, input.ExtendedS3DestinationUpdate].filter((u) => u !== undefined);
    if (updates.length !== 1) throw invalidArgument('Exactly one destination update must be specified.');
    const destination = buildDestination(updates[0]!, input.ExtendedS3DestinationUpdate !== undefined, stream.destination);
    if (destination.RoleARN !== stream.destination.RoleARN) checkRoleAssumable(ctx.sandbox, ctx, destination.RoleARN);
    streams(ctx.sandbox, ctx).set(stream.name, { ...stream, destination, version: stream.version + 1, updatedAt: ctx.clock.now() });
    return {};
  },
});
