// PutLogEvents: appends a chronological batch to a stream. Sequence tokens are no longer required
// (AWS ignores them) but one is still returned; events too old, expired or too new are reported in
// rejectedLogEventsInfo and the rest accepted.

import { defineOperation } from '../../definition.js';
import { any, list, long, str, struct } from '../../../protocols/shapes.js';
import { findGroup, findStream, groupName, streamName } from '../shapes.js';
import { appendEvents } from '../store.js';
import { notChronological, spansTooLong, uploadTooLarge } from '../errors.js';

const input = struct({
  logGroupName: groupName(true),
  logStreamName: streamName(true),
  logEvents: list(struct({ timestamp: long({ required: true, min: 0 }), message: str({ required: true, min: 1 }) }), { required: true, min: 1, max: 10000 }),
  sequenceToken: str({ min: 1 }),
  entity: any(),
});

interface Input {
  logGroupName: string;
  logStreamName: string;
  logEvents: { timestamp: number; message: string }[];
}

const DAY = 86_400_000;
const MAX_BATCH_BYTES = 1_048_576;
/** AWS counts 26 bytes of overhead per event towards the batch size. */
const EVENT_OVERHEAD = 26;

export const putLogEvents = defineOperation<Input>({
  name: 'PutLogEvents',
  input,
  readOnly: false,
  handler(input, ctx) {
    const group = findGroup(ctx, input);
    const stream = findStream(ctx, group.logGroupName, input.logStreamName);
    const events = input.logEvents;
    for (let i = 1; i < events.length; i++) if (events[i].timestamp < events[i - 1].timestamp) throw notChronological();
    if (events[events.length - 1].timestamp - events[0].timestamp > DAY) throw spansTooLong();
    const bytes = events.reduce((n, e) => n + Buffer.byteLength(e.message) + EVENT_OVERHEAD, 0);
    if (bytes > MAX_BATCH_BYTES) throw uploadTooLarge(bytes, MAX_BATCH_BYTES);

    const now = ctx.clock.now();
    const tooOld = now - 14 * DAY;
    const expired = group.retentionInDays ? now - group.retentionInDays * DAY : -Infinity;
    const tooNew = now + 2 * 3_600_000;
    let tooOldEnd = -1;
    let expiredEnd = -1;
    let tooNewStart = events.length;
    events.forEach((e, i) => {
      if (e.timestamp < tooOld) tooOldEnd = i;
      if (e.timestamp < expired) expiredEnd = i;
      if (e.timestamp > tooNew && tooNewStart === events.length) tooNewStart = i;
    });
    const firstAccepted = Math.max(tooOldEnd, expiredEnd) + 1;
    const nextSequenceToken = appendEvents(ctx.sandbox, ctx, group.logGroupName, stream, events.slice(firstAccepted, tooNewStart), now);
    const rejected = {
      tooNewLogEventStartIndex: tooNewStart < events.length ? tooNewStart : undefined,
      tooOldLogEventEndIndex: tooOldEnd >= 0 ? tooOldEnd : undefined,
      expiredLogEventEndIndex: expiredEnd >= 0 ? expiredEnd : undefined,
    };
    const anyRejected = Object.values(rejected).some((v) => v !== undefined);
    return { nextSequenceToken, rejectedLogEventsInfo: anyRejected ? rejected : undefined };
  },
});
