// GetStages: an API's stages, optionally only those serving one deployment.

import { defineOperation } from '../../definition.js';
import { str, struct } from '../../../protocols/shapes.js';
import { findApi } from '../lookup.js';
import { stagesOf } from '../store.js';
import { restApiId } from '../shapes.js';
import { stageView } from '../views.js';

export const getStages = defineOperation<{ restApiId: string; deploymentId?: string }>({
  name: 'GetStages',
  input: struct({ restApiId: restApiId(), deploymentId: str() }),
  http: { method: 'GET', path: '/restapis/{restApiId}/stages', query: { deploymentId: 'deploymentId' } },
  handler(input, ctx) {
    const api = findApi(ctx, input.restApiId);
    const stages = stagesOf(ctx.sandbox, api.id).filter((s) => input.deploymentId === undefined || s.deploymentId === input.deploymentId);
    return { item: stages.map(stageView) };
  },
});
