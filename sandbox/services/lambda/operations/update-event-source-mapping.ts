// UpdateEventSourceMapping: change the function, batching, retry and failure settings, or enable and
// disable the mapping (Enabling/Disabling, otherwise Updating, for the provisioning delay). Checkpoints
// are kept: a re-enabled mapping continues where it stopped.

import { defineOperation } from '../../definition.js';
import { str, struct } from '../../../protocols/shapes.js';
import { findFunction } from '../configuration.js';
import { namespacedFunctionName } from '../shapes.js';
import { findMapping, mappingConfiguration, mappingState } from '../event-source/configuration.js';
import { mappingInUse } from '../event-source/errors.js';
import { eventSourceManager } from '../event-source/manager.js';
import { commonMembers, type SettingsInput } from '../event-source/shapes.js';
import { checkRoleReads, kinesisSource, onFailureDestination } from '../event-source/source.js';
import { mappings, type MappingRecord } from '../event-source/store.js';

const input = struct({
  UUID: str({ required: true }),
  FunctionName: { ...namespacedFunctionName(), required: false },
  ...commonMembers(),
});

interface Input extends SettingsInput {
  UUID: string;
  FunctionName?: string;
}

export const updateEventSourceMapping = defineOperation<Input>({
  name: 'UpdateEventSourceMapping',
  input,
  http: { method: 'PUT', path: '/2015-03-31/event-source-mappings/{UUID}', status: 202 },
  handler(input, ctx) {
    const mapping = findMapping(ctx.sandbox, ctx, input.UUID);
    const now = ctx.clock.now();
    const state = mappingState(ctx.sandbox, mapping, now);
    if (state !== 'Enabled' && state !== 'Disabled') throw mappingInUse(mapping.UUID, state);
    let fn = { FunctionArn: mapping.FunctionArn, FunctionName: mapping.functionName };
    if (input.FunctionName !== undefined) {
      const found = findFunction(ctx.sandbox, ctx, input.FunctionName);
      checkRoleReads(ctx, found, kinesisSource(ctx, mapping.EventSourceArn));
      fn = found;
    }
    const enabled = input.Enabled ?? mapping.enabled;
    const transition = enabled === mapping.enabled ? 'Updating' : enabled ? 'Enabling' : 'Disabling';
    const updated: MappingRecord = {
      ...mapping,
      FunctionArn: fn.FunctionArn,
      functionName: fn.FunctionName,
      BatchSize: input.BatchSize ?? mapping.BatchSize,
      MaximumBatchingWindowInSeconds: input.MaximumBatchingWindowInSeconds ?? mapping.MaximumBatchingWindowInSeconds,
      ParallelizationFactor: input.ParallelizationFactor ?? mapping.ParallelizationFactor,
      MaximumRetryAttempts: input.MaximumRetryAttempts ?? mapping.MaximumRetryAttempts,
      MaximumRecordAgeInSeconds: input.MaximumRecordAgeInSeconds ?? mapping.MaximumRecordAgeInSeconds,
      BisectBatchOnFunctionError: input.BisectBatchOnFunctionError ?? mapping.BisectBatchOnFunctionError,
      TumblingWindowInSeconds: input.TumblingWindowInSeconds ?? mapping.TumblingWindowInSeconds,
      FunctionResponseTypes: input.FunctionResponseTypes ?? mapping.FunctionResponseTypes,
      OnFailureDestination: input.DestinationConfig ? onFailureDestination(input) : mapping.OnFailureDestination,
      enabled,
      transition,
      transitionAt: now,
      LastModified: now,
    };
    mappings(ctx.sandbox, ctx).set(mapping.UUID, updated);
    eventSourceManager(ctx.sandbox).sync(ctx, mapping.UUID);
    return mappingConfiguration(ctx.sandbox, ctx, updated, now, transition);
  },
});
