// Lab 3: REST API → /datas/{deviceid} → GET (Lambda proxy) → API function → lab 1's table, deployed
// to a stage. The checks trace that path, then call the invoke URL as the graph page does: a GET for
// the device and a CORS preflight. Those two HTTP reads are the only calls that are not AWS API reads.

import type { Method } from '@aws-sdk/client-api-gateway';
import { APIGatewayClient, GetDeploymentCommand } from '@aws-sdk/client-api-gateway';
import { defineChecks, type CheckContext } from '../src/engine/types.js';
import { fail, pass, pending } from '../src/engine/result.js';
import { resourceNames } from '../src/labs/resource-names.js';
import { deviceRoute, invokeUrl, LAB_STAGE, locateApi, locateApiFunction, locateStage } from './lib/api-pipeline.js';
import { deviceName } from './lib/device.js';
import { allowingStatement, functionPolicy } from './lib/invoke-permission.js';
import { functionConfiguration } from './lib/lambda-lookups.js';
import { memo } from './lib/memo.js';
import { roleCheck } from './lib/role-check.js';
import { tableFunctionCheck } from './lib/function-check.js';
import { describeTable } from './lib/table-check.js';
import { m } from './messages/03-api-and-graph.js';

const DEVICE_RESOURCE = '/datas/{deviceid}';
const MAX_ITEMS = 30;
/** The newest reading through the API is fresh when at most this old. */
const FRESH_MS = 5 * 60_000;
const HTTP_TIMEOUT_MS = 10_000;

const apiFunction = async (ctx: CheckContext) => functionConfiguration(ctx, (await locateApiFunction(ctx)).name);

/** The GET method of the device resource (checks that depend on api.get-integration know it exists). */
async function getMethod(ctx: CheckContext): Promise<Method | undefined> {
  return (await deviceRoute(ctx)).resource?.resourceMethods?.GET;
}

async function apiId(ctx: CheckContext): Promise<string> {
  return (await locateApi(ctx)).api!.id!;
}

/** The source ARN API Gateway invokes the function with for GET on the device resource. */
async function getSourceArn(ctx: CheckContext): Promise<string> {
  const { resource } = await deviceRoute(ctx);
  const stage = (await locateStage(ctx, await apiId(ctx)))?.stageName ?? LAB_STAGE;
  return `arn:aws:execute-api:${ctx.target.region}:${ctx.target.accountId}:${await apiId(ctx)}/${stage}/GET${resource?.path ?? DEVICE_RESOURCE}`;
}

interface LiveAnswer {
  url: string;
  status?: number;
  headers: Record<string, string>;
  body: string;
  error?: string;
}

/** One HTTP call to the invoke URL, as a browser makes it (memoised per run). */
function callApi(ctx: CheckContext, method: 'GET' | 'OPTIONS', headers: Record<string, string> = {}): Promise<LiveAnswer> {
  return memo(ctx, `api.call.${method}`, async () => {
    const id = await apiId(ctx);
    const stage = (await locateStage(ctx, id))!.stageName!;
    const url = `${invokeUrl(ctx, id, stage)}/datas/${encodeURIComponent(await deviceName(ctx))}`;
    try {
      const res = await fetch(url, { method, headers, signal: AbortSignal.any([ctx.signal, AbortSignal.timeout(HTTP_TIMEOUT_MS)]) });
      return { url, status: res.status, headers: Object.fromEntries(res.headers.entries()), body: await res.text() };
    } catch (err) {
      return { url, headers: {}, body: '', error: (err as Error).message };
    }
  });
}

interface Point {
  timestamp?: unknown;
  value?: unknown;
}

/** What is wrong with the answer's body, or its points. */
function readBody(body: string, device: string): { points?: Point[]; problem?: string } {
  let doc: unknown;
  try {
    doc = JSON.parse(body);
  } catch {
    return { problem: m('body.notJson', { excerpt: body.slice(0, 120) }) };
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return { problem: m('body.notObject', { kind: Array.isArray(doc) ? m('body.list') : typeof doc, device, excerpt: body.slice(0, 120) }) };
  const points = (doc as Record<string, unknown>)[device];
  if (!Array.isArray(points)) return { problem: m('body.noList', { device, keys: Object.keys(doc).join(', ') || m('body.none') }) };
  if (points.length > MAX_ITEMS) return { problem: m('body.tooMany', { count: points.length, max: MAX_ITEMS }) };
  for (const p of points as Point[]) {
    if (typeof p?.timestamp !== 'string') return { problem: m('body.noTimestamp', { excerpt: JSON.stringify(p).slice(0, 120) }) };
    if (!Number.isInteger(p.value)) return { problem: m('body.notInteger', { timestamp: p.timestamp, value: JSON.stringify(p.value) }) };
  }
  const stamps = (points as Point[]).map((p) => p.timestamp as string);
  if (stamps.some((t, i) => i > 0 && t > stamps[i - 1]!)) return { problem: m('body.order') };
  return { points };
}

const redeployHint = (id: string, stage: string) => m('redeploy', { stage, command: `aws apigateway create-deployment --rest-api-id ${id} --stage-name ${stage}` });

export default defineChecks({
  checks: [
    {
      id: 'api.exists',
      title: m('api.title'),
      points: 1,
      hints: [m('api.hint')],
      async run(ctx) {
        const { api, via, count } = await locateApi(ctx);
        const names = resourceNames(ctx.config.prefix);
        if (!api) {
          return fail(m('api.missing', { via, count }), {
            hint: m('api.missingHint', { command: `aws apigateway create-rest-api --name ${names.api} --endpoint-configuration types=REGIONAL` }),
            evidence: { apis: count },
          });
        }
        return pass(m('api.found', { name: String(api.name), id: String(api.id), via }), { evidence: { api: api.name, apiId: api.id } });
      },
    },
    {
      id: 'api.resource',
      title: m('resource.title'),
      points: 2,
      dependsOn: ['api.exists'],
      hints: [m('resource.hint')],
      async run(ctx) {
        const { api, resource, resources } = await deviceRoute(ctx);
        const paths = resources.map((r) => r.path);
        const evidence = { api: api!.name, paths };
        const datas = resources.find((r) => r.path === '/datas');
        if (!resource) {
          return fail(m('resource.missing', { api: String(api!.name), paths: paths.join(', ') }), {
            hint: `aws apigateway create-resource --rest-api-id ${api!.id} --parent-id ${datas?.id ?? '<id of /datas>'} --path-part '{deviceid}'${datas ? '' : m('resource.parentFirst')}`,
            evidence,
          });
        }
        if (!resource.path!.includes('{')) {
          return fail(m('resource.noBraces', { api: String(api!.name), path: String(resource.path), part: String(resource.pathPart) }), {
            hint: m('resource.noBracesHint', { path: String(resource.path), command: `aws apigateway delete-resource --rest-api-id ${api!.id} --resource-id ${resource.id}` }),
            evidence,
          });
        }
        if (resource.path !== DEVICE_RESOURCE) {
          return fail(m('resource.otherName', { api: String(api!.name), part: String(resource.pathPart) }), {
            hint: m('resource.otherNameHint', { path: String(resource.path) }),
            evidence,
          });
        }
        return pass(m('resource.ok', { api: String(api!.name), path: String(resource.path), id: String(resource.id) }), { evidence });
      },
    },
    {
      id: 'api.get-integration',
      title: m('integration.title'),
      points: 2,
      dependsOn: ['api.resource'],
      hints: [m('integration.hint')],
      async run(ctx) {
        const { api, resource } = await deviceRoute(ctx);
        const get = await getMethod(ctx);
        const integration = get?.methodIntegration;
        const names = resourceNames(ctx.config.prefix);
        const evidence = { resource: resource!.path, methods: Object.keys(resource!.resourceMethods ?? {}), integrationType: integration?.type, uri: integration?.uri };
        if (!get) {
          return fail(m('integration.noGet', { path: String(resource!.path), methods: evidence.methods.join(', ') || m('integration.none') }), {
            hint: m('integration.noGetHint', {
              putMethod: `aws apigateway put-method --rest-api-id ${api!.id} --resource-id ${resource!.id} --http-method GET --authorization-type NONE`,
              putIntegration: `put-integration --type AWS_PROXY --integration-http-method POST --uri arn:aws:apigateway:${ctx.target.region}:lambda:path/2015-03-31/functions/<function ARN>/invocations`,
            }),
            evidence,
          });
        }
        const path = String(resource!.path);
        if (!integration) return fail(m('integration.missing', { path }), { hint: m('integration.missingHint'), evidence });
        if (integration.type !== 'AWS_PROXY') {
          const what = integration.type === 'AWS' ? m('integration.nonProxy') : m('integration.other', { type: String(integration.type) });
          return fail(m('integration.wrongType', { path, what }), {
            hint: m('integration.wrongTypeHint', { command: 'aws apigateway put-integration ... --type AWS_PROXY --integration-http-method POST' }),
            evidence,
          });
        }
        if (!/:lambda:path\//.test(integration.uri ?? '')) return fail(m('integration.notLambda', { path, uri: String(integration.uri) }), { hint: m('integration.notLambdaHint', { function: names.apiFunction }), evidence });
        const { name } = await locateApiFunction(ctx);
        return pass(m('integration.ok', { path, function: name }), { evidence });
      },
    },
    tableFunctionCheck({
      id: 'function.configured',
      title: m('function.title'),
      points: 2,
      hints: [m('function.hint')],
      locate: locateApiFunction,
      read: apiFunction,
      missingHint: m('function.missing'),
      use: 'read',
    }),
    roleCheck({
      id: 'function.role-can-query',
      title: m('queryRole.title'),
      points: 2,
      dependsOn: ['function.configured'],
      hints: [m('queryRole.hint')],
      async locate(ctx) {
        const fn = (await apiFunction(ctx))!;
        const tableName = fn.Environment!.Variables!.TABLE_NAME!;
        const table = await describeTable(ctx, tableName);
        return { user: m('function.user', { name: String(fn.FunctionName) }), roleArn: fn.Role, service: 'lambda.amazonaws.com', actions: ['dynamodb:Query'], resource: table!.TableArn! };
      },
    }),
    {
      id: 'function.invoke-permission',
      title: m('permission.title'),
      points: 2,
      dependsOn: ['api.get-integration', 'function.configured'],
      hints: [m('permission.hint')],
      async run(ctx) {
        const fn = (await apiFunction(ctx))!;
        const sourceArn = await getSourceArn(ctx);
        const statements = await functionPolicy(ctx, fn.FunctionName!);
        const allowed = allowingStatement(statements, 'apigateway.amazonaws.com', sourceArn);
        const evidence = { functionName: fn.FunctionName, sourceArn, statements: statements.map((s) => (s as { Sid?: string }).Sid) };
        if (allowed) return pass(m('permission.ok', { function: String(fn.FunctionName), sourceArn, sid: String((allowed as { Sid?: string }).Sid) }), { evidence });
        const id = await apiId(ctx);
        return fail(m('permission.missing', { function: String(fn.FunctionName), sourceArn }), {
          hint: `aws lambda add-permission --function-name ${fn.FunctionName} --statement-id apigateway-get --action lambda:InvokeFunction --principal apigateway.amazonaws.com --source-arn 'arn:aws:execute-api:${ctx.target.region}:${ctx.target.accountId}:${id}/*/GET/datas/*'`,
          evidence,
        });
      },
    },
    {
      id: 'api.stage-deployed',
      title: m('stage.title'),
      points: 2,
      dependsOn: ['api.get-integration'],
      hints: [m('stage.hint')],
      async run(ctx) {
        const id = await apiId(ctx);
        const stage = await locateStage(ctx, id);
        const { resource } = await deviceRoute(ctx);
        if (!stage) {
          return fail(m('stage.none', { api: id }), { hint: redeployHint(id, LAB_STAGE), evidence: { apiId: id } });
        }
        const deployment = await ctx.clients.get(APIGatewayClient).send(new GetDeploymentCommand({ restApiId: id, deploymentId: stage.deploymentId, embed: ['apisummary'] }), { abortSignal: ctx.signal });
        const served = deployment.apiSummary?.[resource!.path!] ?? {};
        const evidence = { stage: stage.stageName, deploymentId: stage.deploymentId, deployedAt: deployment.createdDate?.toISOString(), methodsServed: Object.keys(served) };
        if (!served.GET) {
          return fail(m('stage.stale', { stage: String(stage.stageName), path: String(resource!.path) }), { hint: redeployHint(id, stage.stageName!), evidence });
        }
        return pass(m('stage.ok', { stage: String(stage.stageName), path: String(resource!.path), deployment: String(stage.deploymentId), url: invokeUrl(ctx, id, stage.stageName!) }), { evidence });
      },
    },
    {
      id: 'api.live-get',
      title: m('live.title'),
      points: 3,
      dependsOn: ['api.stage-deployed', 'function.invoke-permission'],
      hints: [m('live.hint')],
      async run(ctx) {
        const device = await deviceName(ctx);
        const answer = await callApi(ctx, 'GET');
        const evidence: Record<string, unknown> = { url: answer.url, status: answer.status, accessControlAllowOrigin: answer.headers['access-control-allow-origin'], body: answer.body.slice(0, 300) };
        const fnName = (await apiFunction(ctx))?.FunctionName ?? (await locateApiFunction(ctx)).name;
        const { url } = answer;
        const logs = `aws logs tail /aws/lambda/${fnName} --since 10m`;
        if (answer.error) return fail(m('live.failed', { url, error: answer.error }), { hint: m('live.failedHint'), evidence });
        if (answer.status === 403 && /Missing Authentication Token/.test(answer.body)) {
          return fail(m('live.noPath', { url }), { hint: redeployHint(await apiId(ctx), (await locateStage(ctx, await apiId(ctx)))!.stageName!), evidence });
        }
        if (answer.status === 502) {
          return fail(m('live.badProxy', { url }), { hint: m('live.badProxyHint', { command: logs }), evidence });
        }
        if (answer.status !== 200) {
          return fail(m('live.status', { url, status: String(answer.status), excerpt: answer.body.slice(0, 160) }), { hint: m('live.statusHint', { command: logs }), evidence });
        }
        if (!answer.headers['access-control-allow-origin']) {
          return fail(m('live.noCors', { url }), { hint: m('live.noCorsHint'), evidence });
        }
        const { points, problem } = readBody(answer.body, device);
        if (problem) return fail(m('live.badBody', { url, problem }), { hint: m('live.badBodyHint', { device }), evidence });
        evidence.readings = points!.length;
        evidence.newest = points![0]?.timestamp;
        const newest = points!.length ? m('live.newest', { timestamp: String(points![0]!.timestamp) }) : '';
        return pass(m('live.ok', { url, count: points!.length, device, newest, origin: answer.headers['access-control-allow-origin'] }), { evidence });
      },
    },
    {
      id: 'api.cors-preflight',
      title: m('preflight.title'),
      points: 1,
      dependsOn: ['api.stage-deployed'],
      hints: [m('preflight.hint')],
      async run(ctx) {
        const answer = await callApi(ctx, 'OPTIONS', { Origin: 'http://127.0.0.1:8080', 'Access-Control-Request-Method': 'GET' });
        const allowOrigin = answer.headers['access-control-allow-origin'];
        const allowMethods = answer.headers['access-control-allow-methods'] ?? '';
        const evidence = { url: answer.url, status: answer.status, allowOrigin, allowMethods };
        if (answer.status !== undefined && answer.status < 300 && allowOrigin && /\bGET\b/i.test(allowMethods)) {
          return pass(m('preflight.ok', { url: answer.url, status: answer.status, origin: allowOrigin, methods: allowMethods }), { evidence });
        }
        const get = await callApi(ctx, 'GET');
        const simpleGetWorks = get.status === 200 && Boolean(get.headers['access-control-allow-origin']);
        // API Gateway's own error answers carry no CORS header: only a 200 says what the function sends.
        const getState = simpleGetWorks ? m('preflight.getWorks') : get.status === 200 ? m('preflight.getNeedsHeader') : m('preflight.getFails', { status: String(get.status ?? get.error) });
        return fail(m('preflight.missing', { url: answer.url, status: String(answer.status ?? answer.error), allowing: allowOrigin ? m('preflight.allowingGet') : '', getState }), {
          hint: m('preflight.missingHint'),
          evidence,
          score: simpleGetWorks ? 0.5 : 0,
        });
      },
    },
    {
      id: 'api.fresh-reading',
      title: m('fresh.title'),
      points: 1,
      dependsOn: ['api.live-get'],
      hints: [m('fresh.hint')],
      async run(ctx) {
        const device = await deviceName(ctx);
        const { points } = readBody((await callApi(ctx, 'GET')).body, device);
        const newest = points?.[0]?.timestamp as string | undefined;
        const age = newest ? ctx.clock.now() - Date.parse(`${newest}Z`) : undefined;
        const evidence = { device, newest, ageSeconds: age === undefined ? undefined : Math.round(age / 1000) };
        if (age !== undefined && age <= FRESH_MS) return pass(m('fresh.ok', { device, seconds: Math.max(0, Math.round(age / 1000)), newest: String(newest) }), { evidence });
        const seen = newest ? m('fresh.old', { device, newest, minutes: Math.round(age! / 60_000) }) : m('fresh.none', { device });
        return pending(m('fresh.waiting', { seen }), { evidence });
      },
    },
  ],
});
