// FilterLogEvents: the events of a group (or some of its streams) in a time range that match a
// filter pattern, across streams in time order, paged by a cursor on the event id.

import { defineOperation } from '../../definition.js';
import { bool, int, list, long, str, struct } from '../../../protocols/shapes.js';
import { findGroup, groupIdentifier, groupName, streamName } from '../shapes.js';
import { readEvents, streamsOf } from '../store.js';
import { compileFilterPattern } from '../filter-pattern.js';
import { invalidToken, namesAndPrefix } from '../errors.js';

const input = struct({
  logGroupName: groupName(),
  logGroupIdentifier: groupIdentifier(),
  logStreamNames: list(streamName(), { min: 1, max: 100 }),
  logStreamNamePrefix: streamName(),
  startTime: long({ min: 0 }),
  endTime: long({ min: 0 }),
  filterPattern: str({ min: 0, max: 1024 }),
  nextToken: str({ min: 1 }),
  limit: int({ min: 1, max: 10000 }),
  interleaved: bool(),
  unmask: bool(),
});

interface Input {
  logGroupName?: string;
  logGroupIdentifier?: string;
  logStreamNames?: string[];
  logStreamNamePrefix?: string;
  startTime?: number;
  endTime?: number;
  filterPattern?: string;
  nextToken?: string;
  limit?: number;
}

const TOKEN = /^e\/(\d+)$/;

export const filterLogEvents = defineOperation<Input>({
  name: 'FilterLogEvents',
  input,
  handler(input, ctx) {
    const group = findGroup(ctx, input);
    if (input.logStreamNames && input.logStreamNamePrefix !== undefined) throw namesAndPrefix();
    const matches = compileFilterPattern(input.filterPattern);
    let after = '';
    if (input.nextToken !== undefined) {
      const m = TOKEN.exec(Buffer.from(input.nextToken, 'base64url').toString('utf8'));
      if (!m) throw invalidToken();
      after = m[1];
    }
    const wanted = input.logStreamNames ? new Set(input.logStreamNames) : undefined;
    const now = ctx.clock.now();
    const found = streamsOf(ctx.sandbox, ctx, group.logGroupName)
      .filter((s) => (wanted ? wanted.has(s.logStreamName) : input.logStreamNamePrefix === undefined || s.logStreamName.startsWith(input.logStreamNamePrefix)))
      .flatMap((s) => readEvents(ctx.sandbox, ctx, group, s, now).map((e) => ({ ...e, logStreamName: s.logStreamName })))
      .filter(
        (e) =>
          e.eventId > after &&
          (input.startTime === undefined || e.timestamp >= input.startTime) &&
          (input.endTime === undefined || e.timestamp <= input.endTime) &&
          matches(e.message),
      )
      .sort((a, b) => (a.eventId < b.eventId ? -1 : 1));
    const limit = input.limit ?? 10000;
    const page = found.slice(0, limit);
    return {
      events: page.map((e) => ({ logStreamName: e.logStreamName, timestamp: e.timestamp, message: e.message, ingestionTime: e.ingestionTime, eventId: e.eventId })),
      searchedLogStreams: [],
      nextToken: found.length > limit ? Buffer.from(`e/${page[page.length - 1].eventId}`).toString('base64url') : undefined,
    };
  },
});
