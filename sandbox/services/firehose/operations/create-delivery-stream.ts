// CreateDeliveryStream: a DirectPut or KinesisStreamAsSource stream with one S3 destination. It is
// CREATING for the sandbox's provisioning delay, then ACTIVE; a Kinesis source starts at LATEST.

import { defineOperation } from '../../definition.js';
import { any, str, struct } from '../../../protocols/shapes.js';
import { arn } from '../../../edge/context.js';
import { streams, type DeliveryStream } from '../store.js';
import { buildDestination, type S3DestinationInput } from '../destination.js';
import { deliveryStreamName, deliveryStreamType, extendedS3Destination, otherDestinations, roleArn, s3Destination, tagList } from '../shapes.js';
import { invalidArgument, kinesisStreamNotFound, notEmulated, streamExists } from '../errors.js';
import { startReading } from '../kinesis-source.js';
import { checkRoleAssumable } from '../role.js';

const input = struct({
  DeliveryStreamName: deliveryStreamName(),
  DeliveryStreamType: deliveryStreamType,
  DirectPutSourceConfiguration: any(),
  KinesisStreamSourceConfiguration: struct({
    KinesisStreamARN: str({ required: true, min: 1, max: 512, pattern: 'arn:.*:kinesis:[a-zA-Z0-9\\-]+:\\d{12}:stream/[a-zA-Z0-9_.-]+' }),
    RoleARN: roleArn(true),
  }),
  DeliveryStreamEncryptionConfigurationInput: struct({
    KeyARN: str({ min: 1, max: 512 }),
    KeyType: str({ required: true, enum: ['AWS_OWNED_CMK', 'CUSTOMER_MANAGED_CMK'] }),
  }),
  S3DestinationConfiguration: s3Destination(),
  ExtendedS3DestinationConfiguration: extendedS3Destination(),
  ...Object.fromEntries(otherDestinations.map((d) => [`${d}DestinationConfiguration`, any()])),
  Tags: tagList(),
  MSKSourceConfiguration: any(),
  DatabaseSourceConfiguration: any(),
});

interface Input {
  DeliveryStreamName: string;
  DeliveryStreamType?: string;
  KinesisStreamSourceConfiguration?: { KinesisStreamARN: string; RoleARN: string };
  DeliveryStreamEncryptionConfigurationInput?: { KeyType: string; KeyARN?: string };
  S3DestinationConfiguration?: S3DestinationInput;
  ExtendedS3DestinationConfiguration?: S3DestinationInput;
  Tags?: { Key: string; Value?: string }[];
  [other: string]: unknown;
}

export const createDeliveryStream = defineOperation<Input>({
  name: 'CreateDeliveryStream',
  input,
  handler(input, ctx) {
    const table = streams(ctx.sandbox, ctx);
    const name = input.DeliveryStreamName;
    if (table.has(name)) throw streamExists(name, ctx.accountId);
    const type = input.DeliveryStreamType ?? 'DirectPut';
    if (type !== 'DirectPut' && type !== 'KinesisStreamAsSource') throw notEmulated(`the ${type} source`);
    const other = otherDestinations.find((d) => input[`${d}DestinationConfiguration`] !== undefined);
    if (other) throw notEmulated(`the ${other} destination (only S3 and ExtendedS3 destinations are delivered)`);
    const configured = [input.S3DestinationConfiguration, input.ExtendedS3DestinationConfiguration].filter((c) => c !== undefined);
    if (configured.length !== 1) throw invalidArgument('Exactly one destination configuration must be specified.');
    const source = input.KinesisStreamSourceConfiguration;
    if (type === 'KinesisStreamAsSource' && !source) {
      throw invalidArgument('KinesisStreamSourceConfiguration is required when DeliveryStreamType is KinesisStreamAsSource.');
    }
    if (type === 'DirectPut' && source) throw invalidArgument('KinesisStreamSourceConfiguration is only allowed when DeliveryStreamType is KinesisStreamAsSource.');
    if (type === 'KinesisStreamAsSource' && input.DeliveryStreamEncryptionConfigurationInput) {
      throw invalidArgument('Server-side encryption is not supported for KinesisStreamAsSource delivery streams; encrypt the Kinesis stream instead.');
    }
    const destination = buildDestination(configured[0]!, input.ExtendedS3DestinationConfiguration !== undefined);
    checkRoleAssumable(ctx.sandbox, ctx, destination.RoleARN);
    if (source) checkRoleAssumable(ctx.sandbox, ctx, source.RoleARN);
    const now = ctx.clock.now();
    let streamSource: DeliveryStream['source'];
    if (source) {
      const found = ctx.sandbox.apis.kinesis?.findStream(ctx, source.KinesisStreamARN);
      if (!found) throw kinesisStreamNotFound(source.KinesisStreamARN);
      streamSource = { ...source, streamName: found.streamName, deliveryStartTimestamp: now };
    }
    const stream: DeliveryStream = {
      name,
      arn: arn('firehose', ctx, `deliverystream/${name}`),
      type,
      createdAt: now,
      version: 1,
      destination,
      source: streamSource,
      encryption: input.DeliveryStreamEncryptionConfigurationInput,
      tags: input.Tags ?? [],
    };
    table.set(name, stream);
    startReading(ctx.sandbox, ctx, stream);
    return { DeliveryStreamARN: stream.arn };
  },
});
