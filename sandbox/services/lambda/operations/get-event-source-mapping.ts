// GetEventSourceMapping: one mapping by UUID, in its current state.

import { defineOperation } from '../../definition.js';
import { str, struct } from '../../../protocols/shapes.js';
import { findMapping, mappingConfiguration } from '../event-source/configuration.js';

const input = struct({ UUID: str({ required: true }) });

export const getEventSourceMapping = defineOperation<{ UUID: string }>({
  name: 'GetEventSourceMapping',
  input,
  http: { method: 'GET', path: '/2015-03-31/event-source-mappings/{UUID}' },
  handler(input, ctx) {
    const mapping = findMapping(ctx.sandbox, ctx, input.UUID);
    return mappingConfiguration(ctx.sandbox, ctx, mapping, ctx.clock.now());
  },
});
