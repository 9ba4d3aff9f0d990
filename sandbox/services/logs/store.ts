// CloudWatch Logs state per account and region: log groups ('logs.groups', by name), their streams
// ('logs.streams', by `group:stream`; ':' cannot occur in a group name) and the streams' events,
// stored one row per accepted batch ('logs.events', by `group:stream#n`), so a PutLogEvents writes
// O(batch), never the whole stream.

import { createHash } from 'node:crypto';
import type { Sandbox } from '../../sandbox.js';
import type { ScopeOwner } from '../../store/scoped-table.js';
import { scoped } from '../../store/scoped-table.js';

export interface LogGroup {
  logGroupName: string;
  creationTime: number;
  retentionInDays?: number;
  tags: Record<string, string>;
  storedBytes: number;
}

export interface LogStream {
  logStreamName: string;
  creationTime: number;
  firstEventTimestamp?: number;
  lastEventTimestamp?: number;
  lastIngestionTime?: number;
  storedBytes: number;
  /** How many batch rows the stream has in 'logs.events'. */
  batches: number;
  uploadSequenceToken: string;
}

/** One accepted batch: [timestamp, ingestionTime, message] per event, in the order sent. */
type Batch = [number, number, string][];

export interface StoredEvent {
  timestamp: number;
  ingestionTime: number;
  message: string;
  /** Sortable: timestamp, stream, batch and position, as digits. */
  eventId: string;
}

export const logGroups = (sandbox: Sandbox, owner: ScopeOwner) => scoped(sandbox.state.table<LogGroup>('logs.groups'), owner, 'region');
export const logStreams = (sandbox: Sandbox, owner: ScopeOwner) => scoped(sandbox.state.table<LogStream>('logs.streams'), owner, 'region');
const batches = (sandbox: Sandbox, owner: ScopeOwner) => scoped(sandbox.state.table<Batch>('logs.events'), owner, 'region');

export const streamKey = (group: string, stream: string) => `${group}:${stream}`;
const batchKey = (group: string, stream: string, n: number) => `${group}:${stream}#${n}`;

export function newGroup(name: string, now: number, tags: Record<string, string> = {}): LogGroup {
  return { logGroupName: name, creationTime: now, tags, storedBytes: 0 };
}

export function newStream(name: string, now: number): LogStream {
  return { logStreamName: name, creationTime: now, storedBytes: 0, batches: 0, uploadSequenceToken: sequenceToken(0) };
}

const sequenceToken = (n: number) => String(n + 1).padStart(56, '4');

const DAY = 86_400_000;

/** Appends already-checked events (chronological) to a stream; returns the stream's new sequence token. */
export function appendEvents(sandbox: Sandbox, owner: ScopeOwner, group: string, stream: LogStream, events: { timestamp: number; message: string }[], now: number): string {
  const streams = logStreams(sandbox, owner);
  if (events.length === 0) return stream.uploadSequenceToken;
  const bytes = events.reduce((n, e) => n + Buffer.byteLength(e.message), 0);
  batches(sandbox, owner).set(batchKey(group, stream.logStreamName, stream.batches), events.map((e) => [e.timestamp, now, e.message]));
  const first = events[0].timestamp;
  const last = events[events.length - 1].timestamp;
  const updated: LogStream = {
    ...stream,
    firstEventTimestamp: stream.firstEventTimestamp === undefined ? first : Math.min(stream.firstEventTimestamp, first),
    lastEventTimestamp: stream.lastEventTimestamp === undefined ? last : Math.max(stream.lastEventTimestamp, last),
    lastIngestionTime: now,
    storedBytes: stream.storedBytes + bytes,
    batches: stream.batches + 1,
    uploadSequenceToken: sequenceToken(stream.batches + 1),
  };
  streams.set(streamKey(group, stream.logStreamName), updated);
  const groups = logGroups(sandbox, owner);
  const g = groups.get(group);
  if (g) groups.set(group, { ...g, storedBytes: g.storedBytes + bytes });
  return updated.uploadSequenceToken;
}

/** A stream's events ordered by timestamp (then arrival), without those its group's retention expired. */
export function readEvents(sandbox: Sandbox, owner: ScopeOwner, group: LogGroup, stream: LogStream, now: number): StoredEvent[] {
  const rows = batches(sandbox, owner);
  const streamId = BigInt('0x' + createHash('md5').update(streamKey(group.logGroupName, stream.logStreamName)).digest('hex').slice(0, 16))
    .toString()
    .padStart(20, '0');
  const oldest = group.retentionInDays ? now - group.retentionInDays * DAY : -Infinity;
  const out: StoredEvent[] = [];
  for (let n = 0; n < stream.batches; n++) {
    const batch = rows.get(batchKey(group.logGroupName, stream.logStreamName, n)) ?? [];
    batch.forEach(([timestamp, ingestionTime, message], i) => {
      if (timestamp < oldest) return;
      const eventId = String(timestamp).padStart(16, '0') + streamId + String(n).padStart(10, '0') + String(i).padStart(6, '0');
      out.push({ timestamp, ingestionTime, message, eventId });
    });
  }
  return out.sort((a, b) => (a.eventId < b.eventId ? -1 : 1));
}

export function deleteStream(sandbox: Sandbox, owner: ScopeOwner, group: string, stream: LogStream): void {
  const rows = batches(sandbox, owner);
  for (let n = 0; n < stream.batches; n++) rows.delete(batchKey(group, stream.logStreamName, n));
  logStreams(sandbox, owner).delete(streamKey(group, stream.logStreamName));
}

/** The streams of a group, by name. */
export function streamsOf(sandbox: Sandbox, owner: ScopeOwner, group: string): LogStream[] {
  return logStreams(sandbox, owner).values(`${group}:`);
}
