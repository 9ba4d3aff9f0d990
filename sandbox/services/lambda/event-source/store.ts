// Event source mapping state: the mappings per account and region (keyed by UUID), and each mapping's
// checkpoint per shard (the position after the last batch the function acknowledged), persisted after
// every batch so a restart neither loses nor replays acknowledged batches. Times are epoch ms.

import type { Principal } from '../../../edge/context.js';
import type { Sandbox } from '../../../sandbox.js';
import { scoped, type ScopedTable } from '../../../store/scoped-table.js';
import type { ShardPosition } from '../../kinesis/api.js';

export type StartingPosition = 'LATEST' | 'TRIM_HORIZON' | 'AT_TIMESTAMP';

/** A state the mapping passes through after a user action before it settles on Enabled or Disabled. */
export type TransitionState = 'Creating' | 'Enabling' | 'Disabling' | 'Updating' | 'Deleting';

export interface MappingRecord {
  UUID: string;
  EventSourceArn: string;
  FunctionArn: string;
  /** The function's name in the mapping's account and region (what the poller invokes). */
  functionName: string;
  StartingPosition: StartingPosition;
  StartingPositionTimestamp?: number;
  BatchSize: number;
  MaximumBatchingWindowInSeconds: number;
  ParallelizationFactor: number;
  MaximumRetryAttempts: number;
  MaximumRecordAgeInSeconds: number;
  BisectBatchOnFunctionError: boolean;
  TumblingWindowInSeconds: number;
  FunctionResponseTypes: string[];
  OnFailureDestination?: string;
  enabled: boolean;
  /** The transition the last user action started, and when: the state is computed from it and the clock. */
  transition: TransitionState;
  transitionAt: number;
  LastModified: number;
  LastProcessingResult: string;
  /** Set by DeleteEventSourceMapping: the mapping is Deleting, then gone. */
  deletedAt?: number;
}

export const mappingsTable = (sandbox: Sandbox) => sandbox.state.table<MappingRecord>('lambda.eventSourceMappings');

export function mappings(sandbox: Sandbox, owner: Pick<Principal, 'accountId' | 'region'>): ScopedTable<MappingRecord> {
  return scoped(mappingsTable(sandbox), owner, 'region');
}

export interface Checkpoint {
  /** Where the next read starts. */
  position: ShardPosition;
  /** A closed shard read to its end: its children may start. */
  finished?: boolean;
}

/** Keyed `<account>/<region>/<uuid>/<shardId>`. */
export const checkpointsTable = (sandbox: Sandbox) => sandbox.state.table<Checkpoint>('lambda.eventSourceCheckpoints');

export function checkpointKey(owner: Pick<Principal, 'accountId' | 'region'>, uuid: string, shardId: string): string {
  return `${owner.accountId}/${owner.region}/${uuid}/${shardId}`;
}

/** Forgets every checkpoint of a deleted mapping. */
export function dropCheckpoints(sandbox: Sandbox, owner: Pick<Principal, 'accountId' | 'region'>, uuid: string): void {
  const table = checkpointsTable(sandbox);
  for (const [key] of [...table.entries(`${owner.accountId}/${owner.region}/${uuid}/`)]) table.delete(key);
}

/** The owner (account, region) a mapping table key belongs to. */
export function ownerOfKey(key: string): { accountId: string; region: string; uuid: string } {
  const [accountId, region, uuid] = key.split('/');
  return { accountId, region, uuid };
}
