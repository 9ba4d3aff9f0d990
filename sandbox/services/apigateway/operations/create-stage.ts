// CreateStage: a named stage serving an existing deployment.

import { defineOperation } from '../../definition.js';
import { any, bool, str, struct } from '../../../protocols/shapes.js';
import { stageExists } from '../errors.js';
import { findApi, findDeployment } from '../lookup.js';
import { checkStageName, putStage } from '../stages.js';
import { stagesTable } from '../store.js';
import { restApiId, stringMap, tags } from '../shapes.js';
import { stageView } from '../views.js';

interface Input {
  restApiId: string;
  stageName: string;
  deploymentId: string;
  description?: string;
  cacheClusterEnabled?: boolean;
  cacheClusterSize?: string;
  variables?: Record<string, string>;
  tracingEnabled?: boolean;
  tags?: Record<string, string>;
}

export const createStage = defineOperation<Input>({
  name: 'CreateStage',
  input: struct({
    restApiId: restApiId(),
    stageName: str({ required: true }),
    deploymentId: str({ required: true }),
    description: str(),
    cacheClusterEnabled: bool(),
    cacheClusterSize: str(),
    variables: stringMap(),
    documentationVersion: str(),
    canarySettings: any(),
    tracingEnabled: bool(),
    tags: tags(),
  }),
  http: { method: 'POST', path: '/restapis/{restApiId}/stages', status: 201 },
  handler(input, ctx) {
    const api = findApi(ctx, input.restApiId);
    checkStageName(input.stageName);
    findDeployment(ctx, api.id, input.deploymentId);
    if (stagesTable(ctx.sandbox).has(`${api.id}/${input.stageName}`)) throw stageExists();
    const { restApiId: _, stageName, ...settings } = input;
    return stageView(putStage(ctx, api.id, stageName, settings));
  },
});
