// The trace's lesson in one line: how long the stream path took against the Firehose path, in words
// a student remembers ("about a second" against "the buffer interval").

import type { HopOutcome } from './hop.js';

export function formatElapsed(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.round(ms))} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

/** Roughly, for the verdict: "under a second", "about a second", "a few seconds", or the time itself. */
export function roughly(ms: number): string {
  if (ms < 700) return 'under a second';
  if (ms < 1500) return 'about a second';
  if (ms < 10_000) return 'a few seconds';
  return `about ${formatElapsed(ms)}`;
}

export function verdict(hops: HopOutcome[], timeoutMs: number, bufferSeconds: number | undefined): string {
  const byId = new Map(hops.map((h) => [h.id, h]));
  const parts: string[] = [];

  const stream = byId.get('stream');
  const table = byId.get('table');
  const streamPath = [stream, table].filter((h): h is HopOutcome => h !== undefined);
  if (streamPath.every((h) => h.status === 'not-built')) parts.push('Kinesis Data Streams: lab 1 not built yet');
  else if (streamPath.every((h) => h.status === 'found')) {
    const slowest = Math.max(...streamPath.map((h) => h.afterMs ?? 0));
    parts.push(`Kinesis Data Streams: ${roughly(slowest)} (stream ${formatElapsed(stream!.afterMs!)}, DynamoDB ${formatElapsed(table!.afterMs!)})`);
  } else {
    const missing = streamPath.filter((h) => h.status !== 'found').map((h) => h.title);
    parts.push(`Kinesis Data Streams: not through (${missing.join(', ')}: see above)`);
  }

  const api = byId.get('api');
  if (api?.status === 'found') parts.push(`API: ${formatElapsed(api.afterMs!)} (it reads the table, so it follows the stream)`);
  else if (api && api.status !== 'not-built') parts.push('API: the reading was not served (see above)');

  const lake = byId.get('lake');
  const interval = bufferSeconds === undefined ? 'the buffer interval' : `the buffer interval (${bufferSeconds} s here)`;
  if (!lake || lake.status === 'not-built') parts.push('Firehose: lab 2 not built yet');
  else if (lake.status === 'found') parts.push(`Firehose: ${interval}; this reading reached S3 after ${formatElapsed(lake.afterMs!)}`);
  else if (lake.status === 'not-found') parts.push(`Firehose: not in S3 within ${formatElapsed(timeoutMs)}, though it should take ${interval}`);
  else parts.push('Firehose: not through (see above)');

  return parts.join('; ') + '.';
}
