// The checks CreateEventSourceMapping and UpdateEventSourceMapping share: the event source is a Kinesis
// stream that exists, the function's execution role may read the stream (Lambda checks this
// with the role when the mapping is created), and the Kinesis-only settings are coherent.

import type { RequestContext } from '../../../edge/context.js';
import type { Sandbox } from '../../../sandbox.js';
import { invalidParameter } from '../errors.js';
import type { FunctionRecord } from '../store.js';
import { cannotAccessStream, startingPositionMissing, streamNotFound, timestampMissing, timestampWithoutAtTimestamp, unrecognizedEventSource, unsupportedOnSuccess } from './errors.js';

/** The actions AWS names in its error; the role must allow them all on the stream. */
const READ_ACTIONS = ['kinesis:GetRecords', 'kinesis:GetShardIterator', 'kinesis:DescribeStream', 'kinesis:ListShards'];

const KINESIS_STREAM_ARN = /^arn:aws[a-zA-Z-]*:kinesis:([a-z0-9-]+):(\d{12}):stream\/([a-zA-Z0-9_.-]+)$/;

export interface StreamSource {
  streamArn: string;
  streamName: string;
}

/** The Kinesis stream an EventSourceArn names, checked to exist in the caller's account and region. */
export function kinesisSource(ctx: RequestContext, eventSourceArn: string | undefined): StreamSource {
  if (!eventSourceArn) throw unrecognizedEventSource();
  const match = KINESIS_STREAM_ARN.exec(eventSourceArn);
  if (!match) {
    if (/^arn:aws[a-zA-Z-]*:kinesis:/.test(eventSourceArn)) throw streamNotFound(eventSourceArn);
    throw invalidParameter(`Unsupported event source for this sandbox: ${eventSourceArn}. Only Kinesis data streams are supported.`);
  }
  const [, region, accountId] = match;
  const kinesis = ctx.sandbox.apis.kinesis;
  const stream = region === ctx.region && accountId === ctx.accountId ? kinesis?.findStream(ctx, eventSourceArn) : undefined;
  if (!stream) throw streamNotFound(eventSourceArn);
  return { streamArn: stream.streamArn, streamName: stream.streamName };
}

/** Whether a function's execution role may read a stream as its mapping reads it (always when IAM does not run here). */
export function roleReadsStream(sandbox: Sandbox, roleArn: string, streamArn: string): boolean {
  const iam = sandbox.apis.iam;
  if (!iam) return true;
  const role = iam.getRoleByArn(roleArn);
  return role !== undefined && READ_ACTIONS.every((action) => iam.allows(role, action, streamArn));
}

/** The function's execution role must be able to read the stream (Lambda checks it when the mapping is made or changed). */
export function checkRoleReads(ctx: RequestContext, fn: FunctionRecord, source: StreamSource): void {
  if (!roleReadsStream(ctx.sandbox, fn.Role, source.streamArn)) throw cannotAccessStream(source.streamArn);
}

export interface PositionInput {
  StartingPosition?: string;
  StartingPositionTimestamp?: Date;
}

/** Kinesis needs a starting position; a timestamp goes only with AT_TIMESTAMP (and AT_TIMESTAMP needs one). */
export function checkStartingPosition(input: PositionInput): void {
  if (!input.StartingPosition) throw startingPositionMissing();
  if (input.StartingPositionTimestamp !== undefined && input.StartingPosition !== 'AT_TIMESTAMP') throw timestampWithoutAtTimestamp();
  if (input.StartingPosition === 'AT_TIMESTAMP' && input.StartingPositionTimestamp === undefined) throw timestampMissing();
}

export interface DestinationInput {
  DestinationConfig?: { OnSuccess?: { Destination?: string }; OnFailure?: { Destination?: string } };
}

/** Stream sources take an on-failure destination only. */
export function onFailureDestination(input: DestinationInput): string | undefined {
  if (input.DestinationConfig?.OnSuccess?.Destination) throw unsupportedOnSuccess();
  return input.DestinationConfig?.OnFailure?.Destination || undefined;
}
