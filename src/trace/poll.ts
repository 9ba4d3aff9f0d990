// Looks again and again until something is seen or the signal aborts: how the hops that have no
// push (Kinesis, DynamoDB, the API, S3) watch for the reading.

import type { Clock } from '../engine/clock.js';
import type { WatchResult } from './hop.js';

export async function pollUntilSeen(look: () => Promise<WatchResult>, intervalMs: number, clock: Clock, signal: AbortSignal): Promise<WatchResult> {
  let last: WatchResult = { seen: false };
  while (!signal.aborted) {
    try {
      last = await look();
    } catch (err) {
      // Time ran out in the middle of a call: what was seen before is the answer.
      if (signal.aborted) break;
      throw err;
    }
    if (last.seen) return last;
    try {
      await clock.sleep(intervalMs, signal);
    } catch {
      break;
    }
  }
  return last;
}
