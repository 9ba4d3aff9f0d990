// CreateEventSourceMapping: a Kinesis stream feeding a function. The stream must exist and the function's
// role must be able to read it; each shard's starting position is fixed now (LATEST means records put
// after this call), then the mapping is Creating and its pollers start once it is Enabled.

import { randomUUID } from 'node:crypto';
import { defineOperation } from '../../definition.js';
import { any, struct, timestamp } from '../../../protocols/shapes.js';
import { findFunction } from '../configuration.js';
import { namespacedFunctionName } from '../shapes.js';
import { mappingConfiguration } from '../event-source/configuration.js';
import { mappingExists, unrecognizedEventSource } from '../event-source/errors.js';
import { eventSourceManager } from '../event-source/manager.js';
import { commonMembers, eventSourceArn, startingPosition, type SettingsInput } from '../event-source/shapes.js';
import { checkRoleReads, checkStartingPosition, kinesisSource, onFailureDestination } from '../event-source/source.js';
import { mappings, type MappingRecord, type StartingPosition } from '../event-source/store.js';

const input = struct({
  EventSourceArn: eventSourceArn(),
  FunctionName: namespacedFunctionName(),
  StartingPosition: startingPosition(),
  StartingPositionTimestamp: timestamp(),
  Topics: any(),
  Queues: any(),
  SelfManagedEventSource: any(),
  ...commonMembers(),
});

interface Input extends SettingsInput {
  EventSourceArn?: string;
  FunctionName: string;
  StartingPosition?: StartingPosition;
  StartingPositionTimestamp?: Date;
}

export const createEventSourceMapping = defineOperation<Input>({
  name: 'CreateEventSourceMapping',
  input,
  http: { method: 'POST', path: '/2015-03-31/event-source-mappings', status: 202 },
  handler(input, ctx) {
    if (!input.EventSourceArn) throw unrecognizedEventSource();
    checkStartingPosition(input);
    const fn = findFunction(ctx.sandbox, ctx, input.FunctionName);
    const source = kinesisSource(ctx, input.EventSourceArn);
    checkRoleReads(ctx, fn, source);
    const table = mappings(ctx.sandbox, ctx);
    const now = ctx.clock.now();
    const existing = table.values().find((m) => m.EventSourceArn === source.streamArn && m.FunctionArn === fn.FunctionArn && m.deletedAt === undefined);
    if (existing) throw mappingExists(source.streamArn, fn.FunctionName, existing.UUID);
    const enabled = input.Enabled ?? true;
    const mapping: MappingRecord = {
      UUID: randomUUID(),
      EventSourceArn: source.streamArn,
      FunctionArn: fn.FunctionArn,
      functionName: fn.FunctionName,
      StartingPosition: input.StartingPosition!,
      StartingPositionTimestamp: input.StartingPositionTimestamp?.getTime(),
      BatchSize: input.BatchSize ?? 100,
      MaximumBatchingWindowInSeconds: input.MaximumBatchingWindowInSeconds ?? 0,
      ParallelizationFactor: input.ParallelizationFactor ?? 1,
      MaximumRetryAttempts: input.MaximumRetryAttempts ?? -1,
      MaximumRecordAgeInSeconds: input.MaximumRecordAgeInSeconds ?? -1,
      BisectBatchOnFunctionError: input.BisectBatchOnFunctionError ?? false,
      TumblingWindowInSeconds: input.TumblingWindowInSeconds ?? 0,
      FunctionResponseTypes: input.FunctionResponseTypes ?? [],
      OnFailureDestination: onFailureDestination(input),
      enabled,
      transition: 'Creating',
      transitionAt: now,
      LastModified: now,
      LastProcessingResult: 'No records processed',
    };
    const manager = eventSourceManager(ctx.sandbox);
    manager.fixStartingPositions(ctx, mapping, source.streamName);
    table.set(mapping.UUID, mapping);
    manager.sync(ctx, mapping.UUID);
    return mappingConfiguration(ctx.sandbox, ctx, mapping, now, 'Creating');
  },
});
