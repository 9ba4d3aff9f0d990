// GetDeployment: one deployment; `embed=apisummary` adds the paths and methods it serves.

import { defineOperation } from '../../definition.js';
import { str, struct } from '../../../protocols/shapes.js';
import { findApi, findDeployment } from '../lookup.js';
import { embed, restApiId } from '../shapes.js';
import { deploymentView } from '../views.js';

export const getDeployment = defineOperation<{ restApiId: string; deploymentId: string; embed?: string[] }>({
  name: 'GetDeployment',
  input: struct({ restApiId: restApiId(), deploymentId: str({ required: true }), embed: embed() }),
  http: { method: 'GET', path: '/restapis/{restApiId}/deployments/{deploymentId}', query: { embed: 'embed' } },
  handler(input, ctx) {
    findApi(ctx, input.restApiId);
    const deployment = findDeployment(ctx, input.restApiId, input.deploymentId);
    return deploymentView(deployment, input.embed?.includes('apisummary') ?? false);
  },
});
