// Deploy steps for a REST API: the API by name, a resource path, a Lambda proxy method, a CORS
// preflight (OPTIONS, MOCK), and a stage whose deployment serves what the API holds now.

import {
  APIGatewayClient,
  CreateDeploymentCommand,
  CreateResourceCommand,
  CreateRestApiCommand,
  DeleteMethodCommand,
  DeleteResourceCommand,
  GetDeploymentCommand,
  PutIntegrationCommand,
  PutIntegrationResponseCommand,
  PutMethodCommand,
  PutMethodResponseCommand,
  type Method,
} from '@aws-sdk/client-api-gateway';
import type { SolutionContext } from '../../src/engine/solution.js';
import { apiResources, apiStages, restApis } from '../../checks/lib/api-pipeline.js';
import type { Ledger } from './ledger.js';
import { sameContent } from './same-content.js';
import { ts } from './messages.js';

export interface ApiHandle {
  id: string;
  /** Whether this deploy changed the API, so its stage must be deployed again. */
  changed: boolean;
}

/** API Gateway's integration URI for invoking a Lambda function. */
export const lambdaIntegrationUri = (region: string, functionArn: string) => `arn:aws:apigateway:${region}:lambda:path/2015-03-31/functions/${functionArn}/invocations`;

/** The CORS headers the preflight answers with. */
export const CORS_PREFLIGHT = {
  'Access-Control-Allow-Headers': "'Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token'",
  'Access-Control-Allow-Methods': "'GET,OPTIONS'",
  'Access-Control-Allow-Origin': "'*'",
} as const;

export async function ensureRestApi(ctx: SolutionContext, ledger: Ledger, name: string, description: string): Promise<ApiHandle> {
  const existing = (await restApis(ctx)).find((a) => a.name === name);
  if (existing) {
    ledger.record(ts('ledger.restApi', { name }), 'unchanged');
    return { id: existing.id!, changed: false };
  }
  const api = await ctx.clients.get(APIGatewayClient).send(new CreateRestApiCommand({ name, description, endpointConfiguration: { types: ['REGIONAL'] }, tags: { ...ctx.tags } }));
  ledger.record(ts('ledger.restApi', { name }), 'created');
  return { id: api.id!, changed: true };
}

/** The resource at `path` (`/datas/{deviceid}`), creating the missing parts; returns its id. */
export async function ensureResourcePath(ctx: SolutionContext, ledger: Ledger, api: ApiHandle, path: string): Promise<string> {
  const apigw = ctx.clients.get(APIGatewayClient);
  const resources = await apiResources(ctx, api.id);
  let parent = resources.find((r) => r.path === '/')!;
  let current = '';
  for (const part of path.split('/').filter(Boolean)) {
    current += `/${part}`;
    const found = resources.find((r) => r.path === current);
    if (found) {
      parent = found;
      continue;
    }
    // A resource may have one path-parameter child: a differently named one (`{id}`) must give way.
    const rival = part.startsWith('{') ? resources.find((r) => r.parentId === parent.id && r.pathPart?.startsWith('{')) : undefined;
    if (rival) {
      await apigw.send(new DeleteResourceCommand({ restApiId: api.id, resourceId: rival.id }));
      ledger.note(ts('notes.replacedResource', { path: rival.path ?? '' }));
    }
    parent = await apigw.send(new CreateResourceCommand({ restApiId: api.id, parentId: parent.id, pathPart: part }));
    ledger.record(ts('ledger.apiResource', { path: current }), 'created');
    api.changed = true;
  }
  return parent.id!;
}

async function currentMethod(ctx: SolutionContext, api: ApiHandle, resourceId: string, httpMethod: string): Promise<Method | undefined> {
  const resource = (await apiResources(ctx, api.id)).find((r) => r.id === resourceId);
  return resource?.resourceMethods?.[httpMethod];
}

/** Replaces a method that differs from what is wanted (a method cannot be put twice). */
async function replaceMethod(ctx: SolutionContext, ledger: Ledger, api: ApiHandle, resourceId: string, httpMethod: string, path: string, same: (m: Method) => boolean, put: () => Promise<void>) {
  const existing = await currentMethod(ctx, api, resourceId, httpMethod);
  if (existing && same(existing)) return;
  const apigw = ctx.clients.get(APIGatewayClient);
  if (existing) await apigw.send(new DeleteMethodCommand({ restApiId: api.id, resourceId, httpMethod }));
  await put();
  ledger.record(ts('ledger.apiMethod', { method: httpMethod, path }), existing ? 'updated' : 'created');
  api.changed = true;
}

/** GET (or another method) passed whole to a Lambda function: the proxy integration. */
export async function ensureLambdaProxyMethod(ctx: SolutionContext, ledger: Ledger, api: ApiHandle, resourceId: string, path: string, httpMethod: string, functionArn: string): Promise<void> {
  const uri = lambdaIntegrationUri(ctx.target.region, functionArn);
  const apigw = ctx.clients.get(APIGatewayClient);
  await replaceMethod(
    ctx,
    ledger,
    api,
    resourceId,
    httpMethod,
    path,
    (m) => m.authorizationType === 'NONE' && m.methodIntegration?.type === 'AWS_PROXY' && m.methodIntegration.httpMethod === 'POST' && m.methodIntegration.uri === uri,
    async () => {
      await apigw.send(new PutMethodCommand({ restApiId: api.id, resourceId, httpMethod, authorizationType: 'NONE' }));
      await apigw.send(new PutIntegrationCommand({ restApiId: api.id, resourceId, httpMethod, type: 'AWS_PROXY', integrationHttpMethod: 'POST', uri }));
    },
  );
}

/** The CORS preflight as the console's "Enable CORS" makes it: OPTIONS with a MOCK integration answering the headers. */
export async function ensureCorsPreflight(ctx: SolutionContext, ledger: Ledger, api: ApiHandle, resourceId: string, path: string): Promise<void> {
  const apigw = ctx.clients.get(APIGatewayClient);
  const responseParameters = Object.fromEntries(Object.entries(CORS_PREFLIGHT).map(([h, v]) => [`method.response.header.${h}`, v]));
  const declared = Object.fromEntries(Object.keys(CORS_PREFLIGHT).map((h) => [`method.response.header.${h}`, false]));
  const requestTemplates = { 'application/json': '{"statusCode": 200}' };
  await replaceMethod(
    ctx,
    ledger,
    api,
    resourceId,
    'OPTIONS',
    path,
    (m) =>
      m.methodIntegration?.type === 'MOCK' &&
      sameContent(m.methodIntegration.requestTemplates, requestTemplates) &&
      sameContent(m.methodResponses?.['200']?.responseParameters, declared) &&
      sameContent(m.methodIntegration.integrationResponses?.['200']?.responseParameters, responseParameters),
    async () => {
      await apigw.send(new PutMethodCommand({ restApiId: api.id, resourceId, httpMethod: 'OPTIONS', authorizationType: 'NONE' }));
      await apigw.send(new PutIntegrationCommand({ restApiId: api.id, resourceId, httpMethod: 'OPTIONS', type: 'MOCK', requestTemplates }));
      await apigw.send(new PutMethodResponseCommand({ restApiId: api.id, resourceId, httpMethod: 'OPTIONS', statusCode: '200', responseParameters: declared }));
      await apigw.send(new PutIntegrationResponseCommand({ restApiId: api.id, resourceId, httpMethod: 'OPTIONS', statusCode: '200', responseParameters }));
    },
  );
}

/**
 * A stage serving the API as it is now: deployed when the stage is missing, when this run changed the
 * API, or when the stage's deployment lacks one of `required` (`GET /datas/{deviceid}`).
 */
export async function ensureStageDeployed(ctx: SolutionContext, ledger: Ledger, api: ApiHandle, stageName: string, required: { path: string; method: string }[]): Promise<void> {
  const apigw = ctx.clients.get(APIGatewayClient);
  const stage = (await apiStages(ctx, api.id)).find((s) => s.stageName === stageName);
  let stale = api.changed;
  if (stage && !stale) {
    const deployment = await apigw.send(new GetDeploymentCommand({ restApiId: api.id, deploymentId: stage.deploymentId, embed: ['apisummary'] }));
    stale = required.some((r) => !deployment.apiSummary?.[r.path]?.[r.method]);
  }
  if (stage && !stale) {
    ledger.record(ts('ledger.apiStage', { name: stageName }), 'unchanged');
    return;
  }
  await apigw.send(new CreateDeploymentCommand({ restApiId: api.id, stageName, description: 'Deployed by the reference solution.' }));
  ledger.record(ts('ledger.apiStage', { name: stageName }), stage ? 'updated' : 'created');
}
