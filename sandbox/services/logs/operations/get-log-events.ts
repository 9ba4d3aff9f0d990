// GetLogEvents: one stream's events in time order, a page at a time. Without a token it returns the
// newest `limit` events (or the oldest with startFromHead); `f/...` and `b/...` tokens page forward
// and backward, and at the end of the stream the forward token comes back unchanged.

import { defineOperation } from '../../definition.js';
import { bool, int, long, str, struct } from '../../../protocols/shapes.js';
import { findGroup, findStream, groupIdentifier, groupName, streamName } from '../shapes.js';
import { readEvents } from '../store.js';
import { invalidToken } from '../errors.js';

const input = struct({
  logGroupName: groupName(),
  logGroupIdentifier: groupIdentifier(),
  logStreamName: streamName(true),
  startTime: long({ min: 0 }),
  endTime: long({ min: 0 }),
  nextToken: str({ min: 1 }),
  limit: int({ min: 1, max: 10000 }),
  startFromHead: bool(),
  unmask: bool(),
});

interface Input {
  logGroupName?: string;
  logGroupIdentifier?: string;
  logStreamName: string;
  startTime?: number;
  endTime?: number;
  nextToken?: string;
  limit?: number;
  startFromHead?: boolean;
}

const TOKEN = /^([fb])\/(\d{56})\/s$/;
const token = (direction: 'f' | 'b', position: number) => `${direction}/${String(position).padStart(56, '0')}/s`;

export const getLogEvents = defineOperation<Input>({
  name: 'GetLogEvents',
  input,
  handler(input, ctx) {
    const group = findGroup(ctx, input);
    const stream = findStream(ctx, group.logGroupName, input.logStreamName);
    const events = readEvents(ctx.sandbox, ctx, group, stream, ctx.clock.now()).filter(
      (e) => (input.startTime === undefined || e.timestamp >= input.startTime) && (input.endTime === undefined || e.timestamp < input.endTime),
    );
    const limit = input.limit ?? 10000;
    let from: number;
    let to: number;
    if (input.nextToken !== undefined) {
      const match = TOKEN.exec(input.nextToken);
      if (!match) throw invalidToken();
      const position = Math.min(Number(match[2]), events.length);
      if (match[1] === 'f') [from, to] = [position, Math.min(events.length, position + limit)];
      else [from, to] = [Math.max(0, position - limit), position];
    } else if (input.startFromHead) {
      [from, to] = [0, Math.min(events.length, limit)];
    } else {
      [from, to] = [Math.max(0, events.length - limit), events.length];
    }
    return {
      events: events.slice(from, to).map((e) => ({ timestamp: e.timestamp, message: e.message, ingestionTime: e.ingestionTime })),
      nextForwardToken: token('f', to),
      nextBackwardToken: token('b', from),
    };
  },
});
