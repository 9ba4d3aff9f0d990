// UpdateShardCount (UNIFORM_SCALING): closes the open shards (each gets its ending sequence number) and
// opens TargetShardCount children over equal hash-key ranges, each naming the parent shards it overlaps.
// Like AWS, a call may at most double or halve the open shard count; the stream is UPDATING meanwhile.

import { defineOperation } from '../../definition.js';
import { int, str, struct } from '../../../protocols/shapes.js';
import { onDemandUpdateShardCount, shardCountScaleDown, shardCountScaleUp } from '../errors.js';
import { FULL_RANGE, splitRange } from '../hash-keys.js';
import { isOpen, refOf, requireStream } from '../store.js';
import { reshard } from '../resharding.js';
import { streamTarget, type StreamTarget } from '../shapes.js';
import { requireShardCapacity } from '../shard-quota.js';

const input = struct({ ...streamTarget(), TargetShardCount: int({ required: true, min: 1 }), ScalingType: str({ required: true, enum: ['UNIFORM_SCALING'] }) });

export const updateShardCount = defineOperation<StreamTarget & { TargetShardCount: number }>({
  name: 'UpdateShardCount',
  input,
  handler(input, ctx) {
    const stream = requireStream(ctx, input, 'active');
    if (stream.mode === 'ON_DEMAND') throw onDemandUpdateShardCount(refOf(stream));
    const open = stream.shards.filter(isOpen).sort((a, b) => (BigInt(a.hashStart) < BigInt(b.hashStart) ? -1 : 1));
    const current = open.length;
    const target = input.TargetShardCount;
    if (target > current * 2) throw shardCountScaleUp(current, target);
    if (target * 2 < current) throw shardCountScaleDown(current, target);
    requireShardCapacity(ctx, target - current);
    const output = { StreamName: stream.name, StreamARN: stream.arn, CurrentShardCount: current, TargetShardCount: target };
    if (target === current) return output;

    const children = splitRange(FULL_RANGE, target).map((range) => ({
      range,
      parents: open.filter((p) => BigInt(p.hashStart) <= range.end && BigInt(p.hashEnd) >= range.start),
    }));
    reshard(ctx, stream, open, children);
    return output;
  },
});
