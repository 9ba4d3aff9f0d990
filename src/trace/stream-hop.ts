// Hop 2 (lab 1): the reading in the Kinesis stream the IoT rule names. Read-only: the open shards'
// records from just before the publish (GetShardIterator AT_TIMESTAMP, then GetRecords), as a
// second consumer beside the stream's trigger.

import { GetRecordsCommand, GetShardIteratorCommand, KinesisClient, ListShardsCommand, type Shard } from '@aws-sdk/client-kinesis';
import { describeStream } from '../../checks/lib/stream-check.js';
import { CLOCK_SKEW_MS, type HopKind, type TraceContext, type WatchResult } from './hop.js';
import { isTraced, parseJson } from './marked-reading.js';
import { pollUntilSeen } from './poll.js';
import { lab1Route } from './routes.js';
import { text } from './messages.js';

/** Kinesis allows five GetRecords a second per shard, shared with the stream's trigger. */
const POLL_MS = 500;

export const streamHop: HopKind = {
  id: 'stream',
  title: 'Kinesis stream',
  lab: 1,
  async prepare(ctx) {
    const route = await lab1Route(ctx, ctx.topic);
    if ('state' in route) return route;
    const name = route.destination;
    const stream = await describeStream(ctx, name);
    if (!stream) return { state: 'broken', message: text('stream.missing', { rule: route.ruleName, stream: name }) };
    const shards = await openShards(ctx, name);
    return {
      state: 'built',
      where: text('stream.where', { stream: name, rule: route.ruleName }),
      evidence: { streamName: name, rule: route.ruleName, shards: shards.map((s) => s.ShardId) },
      watch: (published, signal) => {
        const reader = new ShardReader(ctx, name, shards, published.at, signal);
        return pollUntilSeen(() => reader.look((data) => isTraced(parseJson(data), published.reading)), POLL_MS, ctx.clock, signal);
      },
    };
  },
};

async function openShards(ctx: TraceContext, streamName: string): Promise<Shard[]> {
  const kinesis = ctx.clients.get(KinesisClient);
  const shards: Shard[] = [];
  let token: string | undefined;
  do {
    // ListShards takes either the stream's name or a token, never both.
    const page = await kinesis.send(new ListShardsCommand(token ? { NextToken: token } : { StreamName: streamName }), { abortSignal: ctx.signal });
    shards.push(...(page.Shards ?? []));
    token = page.NextToken;
  } while (token);
  return shards.filter((s) => s.SequenceNumberRange?.EndingSequenceNumber === undefined);
}

/** Follows every open shard from just before the publish, one GetRecords per shard per look. */
class ShardReader {
  private readonly iterators = new Map<string, string | undefined>();
  private read = 0;

  constructor(
    private readonly ctx: TraceContext,
    private readonly streamName: string,
    private readonly shards: Shard[],
    private readonly publishedAt: number,
    private readonly signal: AbortSignal,
  ) {}

  async look(match: (data: string) => boolean): Promise<WatchResult> {
    const kinesis = this.ctx.clients.get(KinesisClient);
    for (const shard of this.shards) {
      const shardId = shard.ShardId!;
      let iterator = this.iterators.get(shardId) ?? (await this.iterator(shardId));
      if (!iterator) continue;
      let out;
      try {
        out = await kinesis.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }), { abortSignal: this.signal });
      } catch (err) {
        // An iterator lives five minutes; a long trace asks for a fresh one from the same moment.
        if ((err as { name?: string }).name !== 'ExpiredIteratorException') throw err;
        this.iterators.delete(shardId);
        continue;
      }
      iterator = out.NextShardIterator;
      // A shard closed by resharding ends with no next iterator: nothing more can arrive there.
      this.iterators.set(shardId, iterator ?? '');
      for (const record of out.Records ?? []) {
        this.read++;
        if (match(Buffer.from(record.Data ?? []).toString('utf8'))) {
          // Kinesis stamps when it accepted the record: a better time than the poll's, unless the clocks disagree.
          const arrival = record.ApproximateArrivalTimestamp?.getTime();
          const now = this.ctx.clock.now();
          const stamped = arrival !== undefined && arrival >= this.publishedAt && arrival <= now;
          return {
            seen: true,
            detail: text(stamped ? 'stream.seenStamped' : 'stream.seen', { stream: this.streamName, shard: shardId }),
            at: stamped ? arrival : now,
            evidence: { shardId, sequenceNumber: record.SequenceNumber, partitionKey: record.PartitionKey, approximateArrival: record.ApproximateArrivalTimestamp?.toISOString() },
          };
        }
      }
    }
    return { seen: false, note: text('stream.notSeen', { read: this.read, stream: this.streamName }) };
  }

  private async iterator(shardId: string): Promise<string | undefined> {
    const out = await this.ctx.clients
      .get(KinesisClient)
      .send(new GetShardIteratorCommand({ StreamName: this.streamName, ShardId: shardId, ShardIteratorType: 'AT_TIMESTAMP', Timestamp: new Date(this.publishedAt - CLOCK_SKEW_MS) }), { abortSignal: this.signal });
    this.iterators.set(shardId, out.ShardIterator ?? '');
    return out.ShardIterator;
  }
}
