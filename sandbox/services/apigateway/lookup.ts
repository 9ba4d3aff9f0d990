// Finding what a request names (API, resource, method, stage, deployment) or failing with AWS's error,
// and saving a changed API. Records read here are live: callers copy before changing.

import type { RequestContext } from '../../edge/context.js';
import { apiNotFound, deploymentNotFound, integrationNotFound, methodNotFound, resourceNotFound, stageNotFound } from './errors.js';
import {
  deploymentsTable,
  ownedBy,
  restApisTable,
  stagesTable,
  type DeploymentRecord,
  type IntegrationRecord,
  type MethodRecord,
  type ResourceRecord,
  type RestApiRecord,
  type StageRecord,
} from './store.js';

type Ctx = Pick<RequestContext, 'sandbox' | 'accountId' | 'region'>;

export function findApi(ctx: Ctx, apiId: string): RestApiRecord {
  const api = restApisTable(ctx.sandbox).get(apiId);
  if (!api || !ownedBy(api, ctx)) throw apiNotFound(ctx, apiId);
  return api;
}

export function findResource(api: RestApiRecord, resourceId: string): ResourceRecord {
  const resource = api.resources[resourceId];
  if (!resource) throw resourceNotFound();
  return resource;
}

export function findMethod(resource: ResourceRecord, httpMethod: string): MethodRecord {
  const method = resource.methods[httpMethod.toUpperCase()];
  if (!method) throw methodNotFound();
  return method;
}

export function findIntegration(method: MethodRecord): IntegrationRecord {
  if (!method.methodIntegration) throw integrationNotFound();
  return method.methodIntegration;
}

export function findStage(ctx: Ctx, apiId: string, stageName: string): StageRecord {
  findApi(ctx, apiId);
  const stage = stagesTable(ctx.sandbox).get(`${apiId}/${stageName}`);
  if (!stage) throw stageNotFound();
  return stage;
}

export function findDeployment(ctx: Ctx, apiId: string, deploymentId: string): DeploymentRecord {
  const deployment = deploymentsTable(ctx.sandbox).get(`${apiId}/${deploymentId}`);
  if (!deployment) throw deploymentNotFound();
  return deployment;
}

/** Runs `edit` on a deep copy of the API and stores the copy: no record read from the table is changed in place. */
export function editApi<T>(ctx: Ctx, api: RestApiRecord, edit: (copy: RestApiRecord) => T): T {
  const copy = structuredClone(api);
  const result = edit(copy);
  restApisTable(ctx.sandbox).set(copy.id, copy);
  return result;
}
