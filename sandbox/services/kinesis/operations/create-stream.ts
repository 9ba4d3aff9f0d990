// CreateStream: a PROVISIONED stream with ShardCount equal hash-key ranges, or ON_DEMAND with 4 shards;
// CREATING for provisioningDelayMs, then ACTIVE.

import { defineOperation } from '../../definition.js';
import { int, str, struct } from '../../../protocols/shapes.js';
import { ServiceError } from '../../../protocols/errors.js';
import type { RequestContext } from '../../../edge/context.js';
import { FULL_RANGE, splitRange } from '../hash-keys.js';
import { shardLimitExceeded, streamExists } from '../errors.js';
import { lookupStream, provisioningDelay, removeStream, saveStream, shardIdFor, startingSequence, streamArn, streamTable, statusOf, type StreamMeta } from '../store.js';
import { streamName, tagMap } from '../shapes.js';
import { openShardCount } from '../views.js';
import { checkTags } from '../tags.js';
import { emptyResult } from '../empty-result.js';

const ON_DEMAND_SHARDS = 4;

const input = struct({
  StreamName: streamName({ required: true }),
  ShardCount: int({ min: 1 }),
  StreamModeDetails: struct({ StreamMode: str({ required: true, enum: ['PROVISIONED', 'ON_DEMAND'] }) }),
  Tags: tagMap(),
  WarmThroughputMiBps: int({ min: 0 }),
  MaxRecordSizeInKiB: int({ min: 1024, max: 10240 }),
});

interface Input {
  StreamName: string;
  ShardCount?: number;
  StreamModeDetails?: { StreamMode: 'PROVISIONED' | 'ON_DEMAND' };
  Tags?: Record<string, string>;
}

/** AWS's default shard quota: 500 in its largest regions, 200 elsewhere. */
export function shardLimit(region: string): number {
  return ['us-east-1', 'us-west-2', 'eu-west-1'].includes(region) ? 500 : 200;
}

/** Open shards of every live stream in the account and region. */
export function shardsInUse(ctx: RequestContext): number {
  const now = ctx.clock.now();
  return streamTable(ctx.sandbox, ctx)
    .values()
    .filter((s) => statusOf(s, ctx.sandbox, now) !== undefined)
    .reduce((n, s) => n + openShardCount(s), 0);
}

export const createStream = defineOperation<Input>({
  name: 'CreateStream',
  input,
  handler(input, ctx) {
    const mode = input.StreamModeDetails?.StreamMode ?? 'PROVISIONED';
    if (mode === 'PROVISIONED' && input.ShardCount === undefined) {
      throw new ServiceError('ValidationException', "1 validation error detected: Value null at 'shardCount' failed to satisfy constraint: Member must not be null", 400);
    }
    const count = mode === 'ON_DEMAND' ? ON_DEMAND_SHARDS : input.ShardCount!;
    if (lookupStream(ctx.sandbox, ctx, input.StreamName)) throw streamExists({ name: input.StreamName, accountId: ctx.accountId });
    const gone = streamTable(ctx.sandbox, ctx).get(input.StreamName);
    if (gone) removeStream(ctx.sandbox, gone);
    const inUse = shardsInUse(ctx);
    const limit = shardLimit(ctx.region);
    if (inUse + count > limit) throw shardLimitExceeded(ctx.accountId, ctx.region, inUse, limit, count);
    const ref = { name: input.StreamName, accountId: ctx.accountId };
    if (input.Tags) checkTags(ref, input.Tags);
    const now = ctx.clock.now();
    const stream: StreamMeta = {
      name: input.StreamName,
      arn: streamArn(ctx, input.StreamName),
      accountId: ctx.accountId,
      region: ctx.region,
      createdAt: now,
      mode,
      modeChangedAt: now,
      retentionHours: 24,
      shards: splitRange(FULL_RANGE, count).map((range, index) => ({
        shardId: shardIdFor(index),
        index,
        hashStart: range.start.toString(),
        hashEnd: range.end.toString(),
        startSeq: startingSequence(now, index),
        createdAt: now,
      })),
      tags: { ...input.Tags },
      busyUntil: now + provisioningDelay(ctx.sandbox),
      busyStatus: 'CREATING',
    };
    saveStream(ctx.sandbox, stream);
    return emptyResult(ctx);
  },
});
