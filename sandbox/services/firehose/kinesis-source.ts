// A KinesisStreamAsSource stream reads its Kinesis stream as a real consumer, once per tick per shard
// (AWS polls GetRecords once a second per shard), through the Kinesis in-process API so the reads count
// in the stream's GetRecords metrics. Reading starts at LATEST when the delivery stream is created (as
// AWS does); each shard's position is persisted so a restart continues where it stopped.

import type { Sandbox } from '../../sandbox.js';
import type { Principal } from '../../edge/context.js';
import type { ShardPosition } from '../kinesis/api.js';
import { parseStreamKey, shardPositions, streamKey, streamsTable, type DeliveryStream } from './store.js';
import { deliveryEngine } from './delivery.js';
import { statusOf } from './ingest.js';
import { publish } from './metrics.js';

/** GetRecords' own maximum. */
const READ_LIMIT = 10_000;

/** Records where each existing shard's LATEST is now, so only records put after creation are delivered. */
export function startReading(sandbox: Sandbox, owner: Principal, stream: DeliveryStream): void {
  const kinesis = sandbox.apis.kinesis;
  if (!kinesis || !stream.source) return;
  const positions = shardPositions(sandbox);
  for (const shard of kinesis.shards(owner, stream.source.streamName)) {
    if (shard.closed) continue;
    const position = kinesis.resolvePosition(owner, stream.source.streamName, shard.shardId, { type: 'LATEST' });
    positions.set(`${streamKey(owner, stream.name)}/${shard.shardId}`, position);
  }
}

export function stopReading(sandbox: Sandbox, key: string): void {
  const positions = shardPositions(sandbox);
  for (const [k] of [...positions.entries(`${key}/`)]) positions.delete(k);
}

/** One poll of every Kinesis-sourced stream's shards. */
export function pollKinesisSources(sandbox: Sandbox): void {
  const kinesis = sandbox.apis.kinesis;
  if (!kinesis) return;
  const positions = shardPositions(sandbox);
  for (const [key, stream] of streamsTable(sandbox).entries()) {
    if (stream.type !== 'KinesisStreamAsSource' || !stream.source || statusOf(sandbox, stream) !== 'ACTIVE') continue;
    const { accountId, region } = parseStreamKey(key);
    const owner: Principal = { accountId, region, clock: sandbox.clock };
    const source = stream.source.streamName;
    if (!kinesis.findStream(owner, source)) continue;
    for (const shard of kinesis.shards(owner, source)) {
      const positionKey = `${key}/${shard.shardId}`;
      // A shard born after creation (resharding) is read from the delivery start.
      const position: ShardPosition = positions.get(positionKey) ?? { type: 'AT_TIMESTAMP', timestamp: stream.source.deliveryStartTimestamp };
      let result;
      try {
        result = kinesis.read(owner, source, shard.shardId, position, READ_LIMIT);
      } catch (err) {
        sandbox.warn(`firehose ${stream.name}: reading ${source}/${shard.shardId} failed: ${(err as Error).message}`);
        continue;
      }
      if (result.records.length > 0) {
        const data = result.records.map((r) => r.data);
        deliveryEngine(sandbox).accept(owner, stream, data, sandbox.clock.now());
        publish(sandbox, owner, stream.name, [
          ['DataReadFromKinesisStream.Records', data.length, 'Count'],
          ['DataReadFromKinesisStream.Bytes', data.reduce((n, d) => n + d.length, 0), 'Bytes'],
          ['KinesisMillisBehindLatest', result.millisBehindLatest, 'Milliseconds'],
        ]);
      }
      if (JSON.stringify(result.next) !== JSON.stringify(positions.get(positionKey))) positions.set(positionKey, result.next);
    }
  }
}
