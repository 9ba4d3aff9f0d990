// The account's shard quota per region, as CreateStream, UpdateShardCount and SplitShard check it.

import type { RequestContext } from '../../edge/context.js';
import { shardLimitExceeded } from './errors.js';
import { statusOf, streamTable } from './store.js';
import { openShardCount } from './views.js';

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

/** LimitExceededException unless the account can open `added` more shards (a negative number always fits). */
export function requireShardCapacity(ctx: RequestContext, added: number): void {
  const inUse = shardsInUse(ctx);
  const limit = shardLimit(ctx.region);
  if (inUse + added > limit) throw shardLimitExceeded(ctx.accountId, ctx.region, inUse, limit, added);
}
