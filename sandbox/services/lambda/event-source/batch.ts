// A batch as the function sees it and what its answer means: the Kinesis event of DESIGN.md (records in
// shard order, data base64, arrival in epoch seconds), cut to fit Lambda's 6 MB request limit, and a
// ReportBatchItemFailures response read as AWS reads it.

import type { KinesisRecordView } from '../../kinesis/api.js';

/** Lambda's synchronous request limit; a batch is cut so its event fits. */
const PAYLOAD_LIMIT = 6_291_456;

export interface EventContext {
  shardId: string;
  streamArn: string;
  region: string;
  roleArn: string;
}

function eventRecord(record: KinesisRecordView, ctx: EventContext): Record<string, unknown> {
  return {
    kinesis: {
      kinesisSchemaVersion: '1.0',
      partitionKey: record.partitionKey,
      sequenceNumber: record.sequenceNumber,
      data: record.data.toString('base64'),
      approximateArrivalTimestamp: record.approximateArrivalTimestamp / 1000,
    },
    eventSource: 'aws:kinesis',
    eventVersion: '1.0',
    eventID: `${ctx.shardId}:${record.sequenceNumber}`,
    eventName: 'aws:kinesis:record',
    invokeIdentityArn: ctx.roleArn,
    awsRegion: ctx.region,
    eventSourceARN: ctx.streamArn,
  };
}

export interface BatchEvent {
  /** The records the event holds: a prefix of those offered (at least one). */
  records: KinesisRecordView[];
  payload: Buffer;
}

/** The event for as many of `records` (in order) as fit in one invocation. */
export function buildEvent(records: KinesisRecordView[], ctx: EventContext): BatchEvent {
  const parts: string[] = [];
  let size = '{"Records":[]}'.length;
  for (const record of records) {
    const json = JSON.stringify(eventRecord(record, ctx));
    if (parts.length > 0 && size + json.length + 1 > PAYLOAD_LIMIT) break;
    parts.push(json);
    size += json.length + 1;
  }
  return { records: records.slice(0, parts.length), payload: Buffer.from(`{"Records":[${parts.join(',')}]}`) };
}

export type BatchOutcome =
  | { kind: 'ok' }
  /** Records before `firstFailed` succeeded; the batch is retried from it. */
  | { kind: 'partial'; firstFailed: number }
  | { kind: 'failed'; reason: string };

/**
 * A successful invocation's response under ReportBatchItemFailures: no failures (or no report) is success;
 * failures checkpoint before the lowest failed sequence number; a malformed report (an identifier that is
 * empty or not in the batch) fails the whole batch.
 */
export function readItemFailures(payload: Buffer, records: KinesisRecordView[]): BatchOutcome {
  let response: unknown;
  try {
    response = JSON.parse(payload.toString('utf8') || 'null');
  } catch {
    return { kind: 'ok' };
  }
  if (!response || typeof response !== 'object') return { kind: 'ok' };
  const failures = (response as { batchItemFailures?: unknown }).batchItemFailures;
  if (failures === undefined || failures === null) return { kind: 'ok' };
  if (!Array.isArray(failures)) return { kind: 'failed', reason: 'malformed batchItemFailures' };
  if (failures.length === 0) return { kind: 'ok' };
  let first = records.length;
  for (const failure of failures) {
    const id = (failure as { itemIdentifier?: unknown } | null)?.itemIdentifier;
    const index = typeof id === 'string' && id !== '' ? records.findIndex((r) => r.sequenceNumber === id) : -1;
    if (index < 0) return { kind: 'failed', reason: `invalid itemIdentifier ${JSON.stringify(id)}` };
    first = Math.min(first, index);
  }
  return { kind: 'partial', firstFailed: first };
}
