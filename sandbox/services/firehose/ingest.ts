// Records entering a DirectPut stream (PutRecord, PutRecordBatch, the in-process API): the stream must
// exist, be ACTIVE and not read from Kinesis; accepted records are journaled and buffered before the
// caller gets their ids, and the ingestion metrics are published.

import { performance } from 'node:perf_hooks';
import type { Sandbox } from '../../sandbox.js';
import type { Principal } from '../../edge/context.js';
import { streams, streamStatus, type DeliveryStream } from './store.js';
import { notForKinesisSource, streamNotActive, streamNotFound } from './errors.js';
import { deliveryEngine, newRecordIds } from './delivery.js';
import { publish } from './metrics.js';

/** The stream by name, or AWS's ResourceNotFoundException. */
export function getStream(sandbox: Sandbox, owner: Principal, name: string): DeliveryStream {
  const stream = streams(sandbox, owner).get(name);
  if (!stream) throw streamNotFound(name, owner.accountId);
  return stream;
}

export function statusOf(sandbox: Sandbox, stream: DeliveryStream): 'CREATING' | 'ACTIVE' {
  return streamStatus(stream, sandbox.clock.now(), sandbox.options.provisioningDelayMs ?? 0);
}

/** Accepts the records; returns their ids and whether the stream encrypts them at rest. */
export function ingest(
  sandbox: Sandbox,
  owner: Principal,
  name: string,
  records: Buffer[],
  operation: 'PutRecord' | 'PutRecordBatch',
  startedAt = performance.now(),
): { recordIds: string[]; encrypted: boolean } {
  const stream = getStream(sandbox, owner, name);
  if (stream.type === 'KinesisStreamAsSource') throw notForKinesisSource();
  const status = statusOf(sandbox, stream);
  if (status !== 'ACTIVE') throw streamNotActive(name, status);
  deliveryEngine(sandbox).accept(owner, stream, records, sandbox.clock.now());
  const bytes = records.reduce((n, r) => n + r.length, 0);
  publish(sandbox, owner, name, [
    ['IncomingRecords', records.length, 'Count'],
    ['IncomingBytes', bytes, 'Bytes'],
    ['IncomingPutRequests', 1, 'Count'],
    [`${operation}.Records`, records.length, 'Count'],
    [`${operation}.Bytes`, bytes, 'Bytes'],
    [`${operation}.Latency`, performance.now() - startedAt, 'Milliseconds'],
  ]);
  return { recordIds: newRecordIds(records.length), encrypted: stream.encryption !== undefined };
}
