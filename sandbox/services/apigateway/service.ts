// Amazon API Gateway REST APIs (v1): APIs, resources, methods, integrations and their responses,
// deployments and stages over restJson1; deployed stages answer at their invoke URLs (Lambda proxy and
// MOCK integrations).

import type { Sandbox } from '../../sandbox.js';
import { defineService } from '../definition.js';
import { invocation } from './invocation/serve.js';
import { invokeUrls } from './status.js';
import { createDeployment } from './operations/create-deployment.js';
import { createResource } from './operations/create-resource.js';
import { createRestApi } from './operations/create-rest-api.js';
import { createStage } from './operations/create-stage.js';
import { deleteMethod } from './operations/delete-method.js';
import { deleteDeployment } from './operations/delete-deployment.js';
import { deleteResource } from './operations/delete-resource.js';
import { deleteRestApi } from './operations/delete-rest-api.js';
import { deleteStage } from './operations/delete-stage.js';
import { getDeployment } from './operations/get-deployment.js';
import { getDeployments } from './operations/get-deployments.js';
import { getIntegrationResponse } from './operations/get-integration-response.js';
import { getIntegration } from './operations/get-integration.js';
import { getMethodResponse } from './operations/get-method-response.js';
import { getMethod } from './operations/get-method.js';
import { getResource } from './operations/get-resource.js';
import { getResources } from './operations/get-resources.js';
import { getRestApi } from './operations/get-rest-api.js';
import { getRestApis } from './operations/get-rest-apis.js';
import { getStage } from './operations/get-stage.js';
import { getStages } from './operations/get-stages.js';
import { getTags } from './operations/get-tags.js';
import { putIntegrationResponse } from './operations/put-integration-response.js';
import { putIntegration } from './operations/put-integration.js';
import { putMethodResponse } from './operations/put-method-response.js';
import { putMethod } from './operations/put-method.js';
import { tagResource } from './operations/tag-resource.js';
import { untagResource } from './operations/untag-resource.js';

export const service = defineService({
  name: 'apigateway',
  signingName: 'apigateway',
  protocols: ['restJson1'],
  validationCode: 'BadRequestException',
  memberNaming: 'asIs',
  pathPrefixes: ['/restapis', '/tags/'],
  dataPlane: invocation,
  operations: [
    createRestApi,
    getRestApi,
    getRestApis,
    deleteRestApi,
    getResources,
    getResource,
    createResource,
    deleteResource,
    putMethod,
    getMethod,
    deleteMethod,
    putIntegration,
    getIntegration,
    putIntegrationResponse,
    getIntegrationResponse,
    putMethodResponse,
    getMethodResponse,
    createDeployment,
    getDeployment,
    getDeployments,
    deleteDeployment,
    createStage,
    getStage,
    getStages,
    deleteStage,
    tagResource,
    untagResource,
    getTags,
  ],
});

export function start(sandbox: Sandbox): void {
  sandbox.statusProviders.push(() => invokeUrls(sandbox));
}
