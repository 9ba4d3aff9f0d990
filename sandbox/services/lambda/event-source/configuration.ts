// A mapping as Lambda describes it (EventSourceMappingConfiguration) and its state over time: a user
// action puts it in Creating, Enabling, Disabling, Updating or Deleting for the provisioning delay, then
// it settles on Enabled or Disabled (or is gone), computed from stored times and the injected clock.

import type { Principal } from '../../../edge/context.js';
import type { Sandbox } from '../../../sandbox.js';
import { mappingNotFound } from './errors.js';
import { mappings, type MappingRecord } from './store.js';

export type MappingState = 'Creating' | 'Enabling' | 'Disabling' | 'Updating' | 'Deleting' | 'Enabled' | 'Disabled' | 'Deleted';

export function mappingState(sandbox: Sandbox, mapping: MappingRecord, now: number): MappingState {
  const delay = sandbox.options.provisioningDelayMs ?? 0;
  if (mapping.deletedAt !== undefined) return now < mapping.deletedAt + delay ? 'Deleting' : 'Deleted';
  if (now < mapping.transitionAt + delay) return mapping.transition;
  return mapping.enabled ? 'Enabled' : 'Disabled';
}

/** Whether the poller should be reading: settled on Enabled (or Updating an enabled mapping, which keeps reading). */
export function isPolling(sandbox: Sandbox, mapping: MappingRecord, now: number): boolean {
  const state = mappingState(sandbox, mapping, now);
  return state === 'Enabled' || (state === 'Updating' && mapping.enabled);
}

export function mappingArn(owner: Pick<Principal, 'accountId' | 'region'>, uuid: string): string {
  return `arn:aws:lambda:${owner.region}:${owner.accountId}:event-source-mapping:${uuid}`;
}

/** The wire view; `shownState` overrides the computed state (the responses of the actions themselves). */
export function mappingConfiguration(sandbox: Sandbox, owner: Pick<Principal, 'accountId' | 'region'>, m: MappingRecord, now: number, shownState?: MappingState): Record<string, unknown> {
  return {
    UUID: m.UUID,
    StartingPosition: m.StartingPosition,
    StartingPositionTimestamp: m.StartingPositionTimestamp !== undefined ? new Date(m.StartingPositionTimestamp) : undefined,
    BatchSize: m.BatchSize,
    MaximumBatchingWindowInSeconds: m.MaximumBatchingWindowInSeconds,
    ParallelizationFactor: m.ParallelizationFactor,
    EventSourceArn: m.EventSourceArn,
    FunctionArn: m.FunctionArn,
    LastModified: new Date(m.LastModified),
    LastProcessingResult: m.LastProcessingResult,
    State: shownState ?? mappingState(sandbox, m, now),
    StateTransitionReason: 'User action',
    DestinationConfig: { OnFailure: m.OnFailureDestination ? { Destination: m.OnFailureDestination } : {} },
    MaximumRecordAgeInSeconds: m.MaximumRecordAgeInSeconds,
    BisectBatchOnFunctionError: m.BisectBatchOnFunctionError,
    MaximumRetryAttempts: m.MaximumRetryAttempts,
    TumblingWindowInSeconds: m.TumblingWindowInSeconds,
    FunctionResponseTypes: m.FunctionResponseTypes,
    EventSourceMappingArn: mappingArn(owner, m.UUID),
  };
}

/** The mapping of that UUID in the owner's account and region, unless it is gone (a deleted mapping's record stays until the manager sweeps it). */
export function findMapping(sandbox: Sandbox, owner: Pick<Principal, 'accountId' | 'region' | 'clock'>, uuid: string): MappingRecord {
  const found = mappings(sandbox, owner).get(uuid);
  if (!found || mappingState(sandbox, found, owner.clock.now()) === 'Deleted') throw mappingNotFound();
  return found;
}
