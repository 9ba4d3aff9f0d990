// DeleteEventSourceMapping: the pollers stop at once; the mapping shows Deleting for the provisioning
// delay, then it is gone, with its checkpoints.

import { defineOperation } from '../../definition.js';
import { str, struct } from '../../../protocols/shapes.js';
import { findMapping, mappingConfiguration, mappingState } from '../event-source/configuration.js';
import { mappingInUse } from '../event-source/errors.js';
import { eventSourceManager } from '../event-source/manager.js';
import { dropCheckpoints, mappings } from '../event-source/store.js';

const input = struct({ UUID: str({ required: true }) });

export const deleteEventSourceMapping = defineOperation<{ UUID: string }>({
  name: 'DeleteEventSourceMapping',
  input,
  http: { method: 'DELETE', path: '/2015-03-31/event-source-mappings/{UUID}', status: 202 },
  handler(input, ctx) {
    const mapping = findMapping(ctx.sandbox, ctx, input.UUID);
    const now = ctx.clock.now();
    const state = mappingState(ctx.sandbox, mapping, now);
    if (state === 'Creating' || state === 'Deleting') throw mappingInUse(mapping.UUID, state);
    const table = mappings(ctx.sandbox, ctx);
    if ((ctx.sandbox.options.provisioningDelayMs ?? 0) > 0) table.set(mapping.UUID, { ...mapping, deletedAt: now });
    else table.delete(mapping.UUID);
    dropCheckpoints(ctx.sandbox, ctx, mapping.UUID);
    eventSourceManager(ctx.sandbox).sync(ctx, mapping.UUID);
    return mappingConfiguration(ctx.sandbox, ctx, mapping, now, 'Deleting');
  },
});
