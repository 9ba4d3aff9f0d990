// Follows the API pipeline hop by hop: REST API → `/datas/{deviceid}` resource → GET method's
// integration → function → table, and the stage it is deployed to. The API is the prefix's own
// (`<prefix>-api`), else the one with a `/datas/...` resource; every later hop is found through the
// previous one's reference. Read-only API Gateway calls only.

import { APIGatewayClient, GetResourcesCommand, GetRestApisCommand, GetStagesCommand, type Resource, type RestApi, type Stage } from '@aws-sdk/client-api-gateway';
import type { CheckContext } from '../../src/engine/types.js';
import { resourceNames } from '../../src/labs/resource-names.js';
import { memo, preferPrefix } from './memo.js';
import { defineMessages } from '../../src/i18n/index.js';

// How lab 3's API and function were found, for the checks' messages, in English and Korean.
const t = defineMessages(
  'lib.api-pipeline',
  {
    byName: 'by its prefix name',
    byResource: 'as the API with a /datas/ resource',
    none: 'no API is named {{wanted}} or has a /datas/ resource',
    byIntegration: 'invoked by GET {{path}}',
    functionDefault: 'the lab’s default name, since no GET integration names a function',
  },
  {
    byName: '접두사 이름으로 찾음',
    byResource: '/datas/ 리소스가 있는 API로 찾음',
    none: '이름이 {{wanted}}이거나 /datas/ 리소스가 있는 API가 없습니다',
    byIntegration: 'GET {{path}}이(가) 호출하는 함수',
    functionDefault: '함수를 지정한 GET 통합이 없어 실습의 기본 이름을 사용',
  },
);


/** The lab's stage name. */
export const LAB_STAGE = 'handson';

/** A client context is all the API look-ups need (`lab graph` and `lab trace` have no running check). */
export type ApiReader = Pick<CheckContext, 'clients' | 'target' | 'config' | 'clock' | 'signal'>;

export function restApis(ctx: ApiReader): Promise<RestApi[]> {
  return memo(ctx as CheckContext, 'api.apis', async () => {
    const apigw = ctx.clients.get(APIGatewayClient);
    const all: RestApi[] = [];
    let position: string | undefined;
    do {
      const page = await apigw.send(new GetRestApisCommand({ position, limit: 500 }), { abortSignal: ctx.signal });
      all.push(...(page.items ?? []));
      position = page.position;
    } while (position);
    return all;
  });
}

export function apiResources(ctx: ApiReader, apiId: string): Promise<Resource[]> {
  return memo(ctx as CheckContext, `api.resources.${apiId}`, async () => {
    const apigw = ctx.clients.get(APIGatewayClient);
    const all: Resource[] = [];
    let position: string | undefined;
    do {
      const page = await apigw.send(new GetResourcesCommand({ restApiId: apiId, embed: ['methods'], position, limit: 500 }), { abortSignal: ctx.signal });
      all.push(...(page.items ?? []));
      position = page.position;
    } while (position);
    return all;
  });
}

export function apiStages(ctx: ApiReader, apiId: string): Promise<Stage[]> {
  return memo(ctx as CheckContext, `api.stages.${apiId}`, async () => (await ctx.clients.get(APIGatewayClient).send(new GetStagesCommand({ restApiId: apiId }), { abortSignal: ctx.signal })).item ?? []);
}

/** `/datas/{deviceid}`-like paths: the resource the graph page calls, with or without its braces. */
export const DEVICE_PATH = /^\/datas\/(\{[^}]+\}|[^/{}]+)$/;

export interface LocatedApi {
  api?: RestApi;
  via: string;
  /** How many APIs the account has. */
  count: number;
}

/** The lab's REST API: the prefix's name first, else the first API with a `/datas/...` resource. */
export function locateApi(ctx: ApiReader): Promise<LocatedApi> {
  return memo(ctx as CheckContext, 'api.located', async () => {
    const apis = await restApis(ctx);
    const wanted = resourceNames(ctx.config.prefix).api;
    const named = apis.find((a) => a.name === wanted);
    if (named) return { api: named, via: t('byName'), count: apis.length };
    for (const api of preferPrefix(apis, (a) => a.name ?? '', ctx.config.prefix)) {
      const resources = await apiResources(ctx, api.id!);
      if (resources.some((r) => DEVICE_PATH.test(r.path ?? ''))) return { api, via: t('byResource'), count: apis.length };
    }
    return { via: t('none', { wanted }), count: apis.length };
  });
}

/** The stage the lab calls: `handson` when it exists, else the most recently updated one. */
export async function locateStage(ctx: ApiReader, apiId: string): Promise<Stage | undefined> {
  const stages = await apiStages(ctx, apiId);
  return stages.find((s) => s.stageName === LAB_STAGE) ?? [...stages].sort((a, b) => (b.lastUpdatedDate?.getTime() ?? 0) - (a.lastUpdatedDate?.getTime() ?? 0))[0];
}

/**
 * Where a stage is invoked. AWS gives no API for it: on AWS it is the execute-api host; behind a custom
 * endpoint (an AWS emulator) it is that endpoint's `/restapis/{id}/{stage}/_user_request_` form.
 */
export function invokeUrl(ctx: Pick<ApiReader, 'target'>, apiId: string, stageName: string): string {
  const { endpoint, region } = ctx.target;
  if (endpoint) return `${endpoint.replace(/\/$/, '')}/restapis/${apiId}/${stageName}/_user_request_`;
  return `https://${apiId}.execute-api.${region}.amazonaws.com/${stageName}`;
}

export interface DeviceRoute {
  api?: RestApi;
  /** The `/datas/...` resource, braces or not. */
  resource?: Resource;
  resources: Resource[];
}

/** The located API's `/datas/...` resource, the one with a path parameter first. */
export async function deviceRoute(ctx: ApiReader): Promise<DeviceRoute> {
  const { api } = await locateApi(ctx);
  if (!api) return { resources: [] };
  const resources = await apiResources(ctx, api.id!);
  const candidates = resources.filter((r) => DEVICE_PATH.test(r.path ?? ''));
  const resource = candidates.find((r) => r.path!.includes('{')) ?? candidates[0];
  return { api, resource, resources };
}

/** `arn:aws:apigateway:<r>:lambda:path/2015-03-31/functions/<function ARN>/invocations` → the function ARN. */
export function functionArnFromUri(uri: string | undefined): string | undefined {
  return /:lambda:path\/[^/]+\/functions\/(.+)\/invocations$/.exec(uri ?? '')?.[1];
}

/** The API function: the one the GET integration invokes, else the prefix's default name. */
export async function locateApiFunction(ctx: ApiReader): Promise<{ name: string; via: string }> {
  const { resource } = await deviceRoute(ctx);
  const arn = functionArnFromUri(resource?.resourceMethods?.GET?.methodIntegration?.uri);
  if (arn) return { name: arn.split(':')[6] ?? arn, via: t('byIntegration', { path: String(resource!.path) }) };
  return { name: resourceNames(ctx.config.prefix).apiFunction, via: t('functionDefault') };
}
