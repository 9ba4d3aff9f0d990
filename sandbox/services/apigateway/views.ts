// Records as API Gateway returns them: times as Dates (the codec writes epoch seconds), empty maps left out.

import type { DeploymentRecord, IntegrationRecord, MethodRecord, ResourceRecord, RestApiRecord, StageRecord } from './store.js';

const nonEmpty = <T extends object>(value: T | undefined): T | undefined => (value && Object.keys(value).length > 0 ? value : undefined);

export function restApiView(api: RestApiRecord) {
  return {
    id: api.id,
    name: api.name,
    description: api.description,
    createdDate: new Date(api.createdDate),
    version: api.version,
    binaryMediaTypes: api.binaryMediaTypes,
    minimumCompressionSize: api.minimumCompressionSize,
    apiKeySource: api.apiKeySource,
    endpointConfiguration: api.endpointConfiguration,
    policy: api.policy,
    tags: nonEmpty(api.tags),
    disableExecuteApiEndpoint: api.disableExecuteApiEndpoint,
    rootResourceId: api.rootResourceId,
  };
}

export function integrationView(integration: IntegrationRecord) {
  return { ...integration, integrationResponses: nonEmpty(integration.integrationResponses) };
}

export function methodView(method: MethodRecord) {
  return {
    ...method,
    methodResponses: nonEmpty(method.methodResponses),
    methodIntegration: method.methodIntegration && integrationView(method.methodIntegration),
  };
}

/** A resource; its methods in full with `embed=methods`, otherwise only their names (as AWS lists them). */
export function resourceView(resource: ResourceRecord, embedMethods: boolean) {
  const names = Object.keys(resource.methods);
  return {
    id: resource.id,
    parentId: resource.parentId,
    pathPart: resource.pathPart,
    path: resource.path,
    resourceMethods: names.length === 0 ? undefined : Object.fromEntries(names.map((name) => [name, embedMethods ? methodView(resource.methods[name]) : {}])),
  };
}

export function deploymentView(deployment: DeploymentRecord, withSummary = false) {
  return {
    id: deployment.id,
    description: deployment.description,
    createdDate: new Date(deployment.createdDate),
    apiSummary: withSummary ? apiSummary(deployment.resources) : undefined,
  };
}

/** Path -> method -> authorization settings, as a deployment's `apiSummary`. */
export function apiSummary(resources: Record<string, ResourceRecord>) {
  const summary: Record<string, Record<string, { authorizationType: string; apiKeyRequired: boolean }>> = {};
  for (const resource of Object.values(resources)) {
    for (const method of Object.values(resource.methods)) {
      (summary[resource.path] ??= {})[method.httpMethod] = { authorizationType: method.authorizationType, apiKeyRequired: method.apiKeyRequired };
    }
  }
  return summary;
}

export function stageView(stage: StageRecord) {
  return {
    deploymentId: stage.deploymentId,
    stageName: stage.stageName,
    description: stage.description,
    cacheClusterEnabled: stage.cacheClusterEnabled,
    cacheClusterSize: stage.cacheClusterSize,
    cacheClusterStatus: 'NOT_AVAILABLE',
    methodSettings: {},
    variables: nonEmpty(stage.variables),
    tracingEnabled: stage.tracingEnabled,
    tags: nonEmpty(stage.tags),
    createdDate: new Date(stage.createdDate),
    lastUpdatedDate: new Date(stage.lastUpdatedDate),
  };
}
