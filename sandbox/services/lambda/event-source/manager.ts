// The per-sandbox machinery behind event source mappings: fixes each shard's starting position when a
// mapping is created, keeps one poller per shard running for every polling mapping (started by the
// operations, and by a periodic sweep that also resumes persisted mappings after a restart, picks up
// shards born from resharding once their parent is read, and removes mappings whose deletion finished),
// and stops them all when the sandbox closes.

import type { Principal } from '../../../edge/context.js';
import type { Sandbox } from '../../../sandbox.js';
import type { ShardPosition } from '../../kinesis/api.js';
import { isPolling, mappingState } from './configuration.js';
import { ShardPoller } from './poller.js';
import { checkpointKey, checkpointsTable, dropCheckpoints, mappings, mappingsTable, ownerOfKey, type MappingRecord } from './store.js';

/** How often the sweep runs (restart resume, new shards, Creating -> Enabled after a provisioning delay). */
const SWEEP_MS = 500;

export class EventSourceManager {
  /** Pollers by `<account>/<region>/<uuid>`, then shard id. */
  private readonly pollers = new Map<string, Map<string, ShardPoller>>();
  private closed = false;

  constructor(private readonly sandbox: Sandbox) {
    sandbox.every(SWEEP_MS, () => this.sweep());
    sandbox.onClose(() => this.close());
  }

  /** Records where each shard's reading starts (LATEST resolves to the tip now, as the mapping is created). */
  fixStartingPositions(owner: Principal, mapping: MappingRecord, streamName: string): void {
    const kinesis = this.sandbox.api('kinesis');
    const table = checkpointsTable(this.sandbox);
    for (const shard of kinesis.shards(owner, streamName)) {
      const key = checkpointKey(owner, mapping.UUID, shard.shardId);
      let position: ShardPosition;
      if (mapping.StartingPosition === 'AT_TIMESTAMP') position = { type: 'AT_TIMESTAMP', timestamp: mapping.StartingPositionTimestamp ?? owner.clock.now() };
      else if (mapping.StartingPosition === 'TRIM_HORIZON') position = { type: 'TRIM_HORIZON' };
      else if (shard.closed) {
        table.set(key, { position: { type: 'TRIM_HORIZON' }, finished: true });
        continue;
      } else position = kinesis.resolvePosition(owner, streamName, shard.shardId, { type: 'LATEST' });
      table.set(key, { position });
    }
  }

  /** Brings one mapping's pollers in line with its stored state. */
  sync(owner: Pick<Principal, 'accountId' | 'region'>, uuid: string): void {
    if (this.closed || !this.sandbox.endpoint) return;
    const full: Principal = { accountId: owner.accountId, region: owner.region, clock: this.sandbox.clock };
    const key = `${owner.accountId}/${owner.region}/${uuid}`;
    const mapping = mappings(this.sandbox, owner).get(uuid);
    const now = this.sandbox.clock.now();
    if (!mapping || !isPolling(this.sandbox, mapping, now)) {
      this.stopMapping(key);
      if (mapping && mappingState(this.sandbox, mapping, now) === 'Deleted') {
        mappings(this.sandbox, owner).delete(uuid);
        dropCheckpoints(this.sandbox, owner, uuid);
      }
      return;
    }
    const kinesis = this.sandbox.apis.kinesis;
    const stream = kinesis?.findStream(full, mapping.EventSourceArn);
    if (!kinesis || !stream) {
      this.stopMapping(key);
      return;
    }
    let running = this.pollers.get(key);
    if (!running) this.pollers.set(key, (running = new Map()));
    const shards = kinesis.shards(full, stream.streamName);
    const checkpoints = checkpointsTable(this.sandbox);
    for (const shard of shards) {
      if (running.get(shard.shardId)?.running) continue;
      const shardKey = checkpointKey(owner, uuid, shard.shardId);
      let checkpoint = checkpoints.get(shardKey);
      if (!checkpoint) {
        // A shard born after the mapping (resharding) starts at its beginning once its parent is read.
        const parent = shard.parentShardId && shards.some((s) => s.shardId === shard.parentShardId) ? checkpoints.get(checkpointKey(owner, uuid, shard.parentShardId)) : undefined;
        if (parent && !parent.finished) continue;
        checkpoint = { position: { type: 'TRIM_HORIZON' } };
        checkpoints.set(shardKey, checkpoint);
      }
      if (checkpoint.finished) continue;
      running.set(shard.shardId, new ShardPoller(this.sandbox, full, uuid, stream.streamName, shard.shardId));
    }
  }

  private sweep(): void {
    if (this.closed) return;
    const seen = new Set<string>();
    for (const [key] of [...mappingsTable(this.sandbox).entries()]) {
      const { accountId, region, uuid } = ownerOfKey(key);
      seen.add(key);
      this.sync({ accountId, region }, uuid);
    }
    for (const key of [...this.pollers.keys()]) if (!seen.has(key)) this.stopMapping(key);
  }

  private stopMapping(key: string): void {
    const running = this.pollers.get(key);
    if (!running) return;
    for (const poller of running.values()) poller.stop();
    this.pollers.delete(key);
  }

  /** Stopped pollers write nothing more, so a batch in flight is neither checkpointed nor waited for: it is replayed after restart. */
  private close(): void {
    this.closed = true;
    for (const key of [...this.pollers.keys()]) this.stopMapping(key);
  }
}

const managers = new WeakMap<Sandbox, EventSourceManager>();

export function eventSourceManager(sandbox: Sandbox): EventSourceManager {
  let manager = managers.get(sandbox);
  if (!manager) managers.set(sandbox, (manager = new EventSourceManager(sandbox)));
  return manager;
}
