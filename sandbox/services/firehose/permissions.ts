// The IAM permissions Firehose's operations need: the action named after the operation, on the
// delivery stream each names, and iam:PassRole for the roles a stream is given.

import { arn, type RequestContext } from '../../edge/context.js';
import type { Permission } from '../definition.js';
import { passRole } from '../iam/pass-role.js';

type RoleHolder = { RoleARN?: string } | undefined;

interface StreamInput {
  DeliveryStreamName?: string;
  S3DestinationConfiguration?: RoleHolder;
  ExtendedS3DestinationConfiguration?: RoleHolder;
  S3DestinationUpdate?: RoleHolder;
  ExtendedS3DestinationUpdate?: RoleHolder;
  KinesisStreamSourceConfiguration?: RoleHolder;
}

export function permissions(operation: string, input: StreamInput, ctx: RequestContext): Permission[] {
  const resource = input.DeliveryStreamName ? arn('firehose', ctx, `deliverystream/${input.DeliveryStreamName}`) : '*';
  const roles = [input.S3DestinationConfiguration, input.ExtendedS3DestinationConfiguration, input.S3DestinationUpdate, input.ExtendedS3DestinationUpdate, input.KinesisStreamSourceConfiguration]
    .map((holder) => holder?.RoleARN)
    .filter((role, i, all): role is string => role !== undefined && all.indexOf(role) === i);
  return [{ action: `firehose:${operation}`, resource }, ...roles.flatMap((role) => passRole(role, ctx))];
}
