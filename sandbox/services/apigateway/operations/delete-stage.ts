// DeleteStage: the stage stops serving; its deployment stays.

import { defineOperation } from '../../definition.js';
import { str, struct } from '../../../protocols/shapes.js';
import { findStage } from '../lookup.js';
import { stagesTable } from '../store.js';
import { restApiId } from '../shapes.js';

export const deleteStage = defineOperation<{ restApiId: string; stageName: string }>({
  name: 'DeleteStage',
  input: struct({ restApiId: restApiId(), stageName: str({ required: true }) }),
  http: { method: 'DELETE', path: '/restapis/{restApiId}/stages/{stageName}', status: 202 },
  handler(input, ctx) {
    const stage = findStage(ctx, input.restApiId, input.stageName);
    stagesTable(ctx.sandbox).delete(`${stage.apiId}/${stage.stageName}`);
    return {};
  },
});
