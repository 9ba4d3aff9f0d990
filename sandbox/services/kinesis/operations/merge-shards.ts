// MergeShards: closes two open shards whose hash-key ranges meet (ShardToMerge's range ending just
// before AdjacentShardToMerge's) and opens one child over both, naming them parent and adjacent parent.

import { defineOperation } from '../../definition.js';
import { struct } from '../../../protocols/shapes.js';
import { shardsNotAdjacent } from '../errors.js';
import { hashRangeOf, requireOpenShards, reshard } from '../resharding.js';
import { refOf } from '../store.js';
import { shardId, streamTarget, type StreamTarget } from '../shapes.js';
import { emptyResult } from '../empty-result.js';

const input = struct({
  ...streamTarget(),
  ShardToMerge: shardId({ required: true }),
  AdjacentShardToMerge: shardId({ required: true }),
});

interface Input extends StreamTarget {
  ShardToMerge: string;
  AdjacentShardToMerge: string;
}

export const mergeShards = defineOperation<Input>({
  name: 'MergeShards',
  input,
  readOnly: false,
  handler(input, ctx) {
    const { stream, shards } = requireOpenShards(ctx, input, [input.ShardToMerge, input.AdjacentShardToMerge], 'MergeShards');
    const [shard, adjacent] = shards;
    const low = hashRangeOf(shard);
    const high = hashRangeOf(adjacent);
    // AWS refuses the pair in the other order too (the adjacent shard must come right after).
    if (low.end + 1n !== high.start) throw shardsNotAdjacent(refOf(stream), shard.shardId, adjacent.shardId);
    reshard(ctx, stream, [shard, adjacent], [{ range: { start: low.start, end: high.end }, parents: [shard, adjacent] }]);
    return emptyResult(ctx);
  },
});
