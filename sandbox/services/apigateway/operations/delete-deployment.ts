// DeleteDeployment: refused while a stage still serves the deployment, as in AWS.

import { defineOperation } from '../../definition.js';
import { str, struct } from '../../../protocols/shapes.js';
import { deploymentInUse } from '../errors.js';
import { findApi, findDeployment } from '../lookup.js';
import { deploymentsTable, stagesOf } from '../store.js';
import { restApiId } from '../shapes.js';

export const deleteDeployment = defineOperation<{ restApiId: string; deploymentId: string }>({
  name: 'DeleteDeployment',
  input: struct({ restApiId: restApiId(), deploymentId: str({ required: true }) }),
  http: { method: 'DELETE', path: '/restapis/{restApiId}/deployments/{deploymentId}', status: 202 },
  handler(input, ctx) {
    const api = findApi(ctx, input.restApiId);
    const deployment = findDeployment(ctx, api.id, input.deploymentId);
    if (stagesOf(ctx.sandbox, api.id).some((s) => s.deploymentId === deployment.id)) throw deploymentInUse();
    deploymentsTable(ctx.sandbox).delete(`${api.id}/${deployment.id}`);
    return {};
  },
});
