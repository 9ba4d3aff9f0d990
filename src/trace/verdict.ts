// The trace's lesson in one line: how long the stream path took against the Firehose path, in words
// a student remembers ("about a second" against "the buffer interval").

import type { HopReport } from './hop.js';
import { say, text, type TraceText } from './messages.js';
import type { Language } from '../i18n/index.js';

export function elapsed(ms: number): TraceText {
  if (ms < 1000) return text('elapsed.ms', { ms: Math.max(0, Math.round(ms)) });
  if (ms < 60_000) return text('elapsed.seconds', { seconds: (ms / 1000).toFixed(1) });
  const seconds = Math.round(ms / 1000);
  return text('elapsed.minutes', { minutes: Math.floor(seconds / 60), seconds: seconds % 60 });
}

/** `850 ms`, `2.4 s`, `1 min 5 s`: in the workbook's language, or in `lng`. */
export function formatElapsed(ms: number, lng?: Language): string {
  return say(elapsed(ms), lng);
}

/** Roughly, for the verdict: "under a second", "about a second", "a few seconds", or the time itself. */
export function roughly(ms: number): TraceText {
  if (ms < 700) return text('roughly.underASecond');
  if (ms < 1500) return text('roughly.aboutASecond');
  if (ms < 10_000) return text('roughly.fewSeconds');
  return text('roughly.about', { elapsed: elapsed(ms) });
}

/** The verdict's parts, to be said joined by "; " (see sayVerdict). */
export function verdict(hops: Pick<HopReport, 'id' | 'status' | 'afterMs'>[], timeoutMs: number, bufferSeconds: number | undefined): TraceText[] {
  const byId = new Map(hops.map((h) => [h.id, h]));
  const parts: TraceText[] = [];

  const stream = byId.get('stream');
  const table = byId.get('table');
  const streamPath = [stream, table].filter((h): h is NonNullable<typeof h> => h !== undefined);
  if (streamPath.every((h) => h.status === 'not-built')) parts.push(text('verdict.streamNotBuilt'));
  else if (streamPath.every((h) => h.status === 'found')) {
    const slowest = Math.max(...streamPath.map((h) => h.afterMs ?? 0));
    parts.push(text('verdict.streamFound', { roughly: roughly(slowest), stream: elapsed(stream!.afterMs!), table: elapsed(table!.afterMs!) }));
  } else {
    const missing = streamPath.filter((h) => h.status !== 'found').map((h) => text(`hops.${h.id}`));
    parts.push(text('verdict.streamNotThrough', { missing }));
  }

  const api = byId.get('api');
  if (api?.status === 'found') parts.push(text('verdict.apiFound', { elapsed: elapsed(api.afterMs!) }));
  else if (api && api.status !== 'not-built') parts.push(text('verdict.apiNotServed'));

  const lake = byId.get('lake');
  const interval = bufferSeconds === undefined ? text('verdict.interval') : text('verdict.intervalHere', { seconds: bufferSeconds });
  if (!lake || lake.status === 'not-built') parts.push(text('verdict.lakeNotBuilt'));
  else if (lake.status === 'found') parts.push(text('verdict.lakeFound', { interval, elapsed: elapsed(lake.afterMs!) }));
  else if (lake.status === 'not-found') parts.push(text('verdict.lakeNotFound', { timeout: elapsed(timeoutMs), interval }));
  else parts.push(text('verdict.lakeNotThrough'));

  return parts;
}

export function sayVerdict(parts: TraceText[], lng?: Language): string {
  return parts.map((p) => say(p, lng)).join('; ') + '.';
}
