// SplitShard: closes one open shard and opens two children that divide its hash-key range at
// NewStartingHashKey, both naming it as their parent; the stream is UPDATING meanwhile.

import { defineOperation } from '../../definition.js';
import { str, struct } from '../../../protocols/shapes.js';
import { splitKeyOutOfRange } from '../errors.js';
import { hashRangeOf, requireOpenShards, reshard } from '../resharding.js';
import { refOf } from '../store.js';
import { hashKey, shardId, streamTarget, type StreamTarget } from '../shapes.js';
import { emptyResult } from '../empty-result.js';
import { requireShardCapacity } from '../shard-quota.js';

const input = struct({
  ...streamTarget(),
  ShardToSplit: shardId({ required: true }),
  NewStartingHashKey: hashKey({ required: true }),
});

interface Input extends StreamTarget {
  ShardToSplit: string;
  NewStartingHashKey: string;
}

export const splitShard = defineOperation<Input>({
  name: 'SplitShard',
  input,
  readOnly: false,
  handler(input, ctx) {
    const { stream, shards } = requireOpenShards(ctx, input, [input.ShardToSplit], 'SplitShard');
    const [parent] = shards;
    requireShardCapacity(ctx, 1);
    // Each child keeps at least two hash keys: AWS wants start + 1 < key < end.
    const key = BigInt(input.NewStartingHashKey);
    const range = hashRangeOf(parent);
    if (key <= range.start + 1n || key >= range.end) throw splitKeyOutOfRange(refOf(stream), parent, input.NewStartingHashKey);
    reshard(ctx, stream, [parent], [
      { range: { start: range.start, end: key - 1n }, parents: [parent] },
      { range: { start: key, end: range.end }, parents: [parent] },
    ]);
    return emptyResult(ctx);
  },
});
