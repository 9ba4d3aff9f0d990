// DescribeLogStreams: a group's streams ordered by name (prefix allowed) or by last event time.

import { defineOperation } from '../../definition.js';
import { bool, int, str, struct } from '../../../protocols/shapes.js';
import { findGroup, groupArn, groupIdentifier, groupName, pageAfter, streamName } from '../shapes.js';
import { streamsOf, type LogStream } from '../store.js';
import { orderByWithPrefix } from '../errors.js';

const input = struct({
  logGroupName: groupName(),
  logGroupIdentifier: groupIdentifier(),
  logStreamNamePrefix: streamName(),
  orderBy: str({ enum: ['LogStreamName', 'LastEventTime'] }),
  descending: bool(),
  nextToken: str({ min: 1 }),
  limit: int({ min: 1, max: 50 }),
});

interface Input {
  logGroupName?: string;
  logGroupIdentifier?: string;
  logStreamNamePrefix?: string;
  orderBy?: 'LogStreamName' | 'LastEventTime';
  descending?: boolean;
  nextToken?: string;
  limit?: number;
}

const byName = (s: LogStream) => s.logStreamName;
// Streams without events sort first by time, as their last event time is absent.
const byTime = (s: LogStream) => String(s.lastEventTimestamp ?? 0).padStart(16, '0') + '\u0000' + s.logStreamName;

export const describeLogStreams = defineOperation<Input>({
  name: 'DescribeLogStreams',
  input,
  handler(input, ctx) {
    const group = findGroup(ctx, input);
    const orderBy = input.orderBy ?? 'LogStreamName';
    if (orderBy === 'LastEventTime' && input.logStreamNamePrefix !== undefined) throw orderByWithPrefix();
    const key = orderBy === 'LastEventTime' ? byTime : byName;
    const descending = input.descending ?? false;
    const streams = streamsOf(ctx.sandbox, ctx, group.logGroupName)
      .filter((s) => input.logStreamNamePrefix === undefined || s.logStreamName.startsWith(input.logStreamNamePrefix))
      .sort((a, b) => (key(a) < key(b) ? -1 : 1) * (descending ? -1 : 1));
    const { page, nextToken } = pageAfter(streams, key, input.nextToken, input.limit ?? 50, descending);
    return {
      logStreams: page.map((s) => ({
        logStreamName: s.logStreamName,
        creationTime: s.creationTime,
        firstEventTimestamp: s.firstEventTimestamp,
        lastEventTimestamp: s.lastEventTimestamp,
        lastIngestionTime: s.lastIngestionTime,
        uploadSequenceToken: s.uploadSequenceToken,
        arn: `${groupArn(ctx, group.logGroupName)}:log-stream:${s.logStreamName}`,
        storedBytes: 0,
      })),
      nextToken,
    };
  },
});
