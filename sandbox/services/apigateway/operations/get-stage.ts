// GetStage: one stage of an API.

import { defineOperation } from '../../definition.js';
import { str, struct } from '../../../protocols/shapes.js';
import { findStage } from '../lookup.js';
import { restApiId } from '../shapes.js';
import { stageView } from '../views.js';

export const getStage = defineOperation<{ restApiId: string; stageName: string }>({
  name: 'GetStage',
  input: struct({ restApiId: restApiId(), stageName: str({ required: true }) }),
  http: { method: 'GET', path: '/restapis/{restApiId}/stages/{stageName}' },
  handler: (input, ctx) => stageView(findStage(ctx, input.restApiId, input.stageName)),
});
