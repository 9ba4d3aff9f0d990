// CreateStream: a PROVISIONED stream with ShardCount equal hash-key ranges, or ON_DEMAND with 4 shards;
// CREATING for provisioningDelayMs, then ACTIVE.

import { defineOperation } from '../../definition.js';
import { int, str, struct } from '../../../protocols/shapes.js';
import { ServiceError } from '../../../protocols/errors.js';
import { FULL_RANGE, splitRange } from '../hash-keys.js';
import { streamExists } from '../errors.js';
import { requireShardCapacity } from '../shard-quota.js';
import { lookupStream, provisioningDelay, removeStream, saveStream, shardIdFor, startingSequence, streamArn, streamTable, type StreamMeta } from '../store.js';
import { streamName, tagMap } from '../shapes.js';
import { checkTags } from '../tags.js';
import { emptyResult } from '../empty-result.js';
import { DEFAULT_MAX_RECORD_KIB } from '../records.js';

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
  MaxRecordSizeInKiB?: number;
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
    requireShardCapacity(ctx, count);
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
      maxRecordSizeKiB: input.MaxRecordSizeInKiB ?? DEFAULT_MAX_RECORD_KIB,
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
