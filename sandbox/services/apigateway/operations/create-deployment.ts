// CreateDeployment: a frozen copy of the API's resources and methods; with `stageName`, the stage (new
// or existing) serves it. Later changes to the API stay invisible until the next deployment, as in AWS.

import { bool, map, str, struct, any } from '../../../protocols/shapes.js';
import { defineOperation } from '../../definition.js';
import { noIntegration, noMethods } from '../errors.js';
import { findApi } from '../lookup.js';
import { checkStageName, putStage } from '../stages.js';
import { deploymentsTable, newId, type DeploymentRecord } from '../store.js';
import { restApiId } from '../shapes.js';
import { deploymentView } from '../views.js';

interface Input {
  restApiId: string;
  stageName?: string;
  stageDescription?: string;
  description?: string;
  cacheClusterEnabled?: boolean;
  cacheClusterSize?: string;
  variables?: Record<string, string>;
  tracingEnabled?: boolean;
}

export const createDeployment = defineOperation<Input>({
  name: 'CreateDeployment',
  input: struct({
    restApiId: restApiId(),
    stageName: str(),
    stageDescription: str(),
    description: str(),
    cacheClusterEnabled: bool(),
    cacheClusterSize: str(),
    variables: map(str(), str()),
    canarySettings: any(),
    tracingEnabled: bool(),
  }),
  http: { method: 'POST', path: '/restapis/{restApiId}/deployments', status: 201 },
  handler(input, ctx) {
    const api = findApi(ctx, input.restApiId);
    const methods = Object.values(api.resources).flatMap((r) => Object.values(r.methods));
    if (methods.length === 0) throw noMethods();
    if (methods.some((m) => !m.methodIntegration)) throw noIntegration();
    if (input.stageName !== undefined) checkStageName(input.stageName);
    const table = deploymentsTable(ctx.sandbox);
    const deployment: DeploymentRecord = {
      id: newId(6, (id) => table.has(`${api.id}/${id}`)),
      apiId: api.id,
      description: input.description,
      createdDate: ctx.clock.now(),
      resources: structuredClone(api.resources),
    };
    table.set(`${api.id}/${deployment.id}`, deployment);
    if (input.stageName !== undefined) {
      putStage(ctx, api.id, input.stageName, {
        deploymentId: deployment.id,
        description: input.stageDescription,
        variables: input.variables,
        cacheClusterEnabled: input.cacheClusterEnabled,
        cacheClusterSize: input.cacheClusterSize,
        tracingEnabled: input.tracingEnabled,
      });
    }
    return deploymentView(deployment);
  },
});
