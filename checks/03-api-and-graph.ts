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
    return { problem: `the body is not JSON: ${body.slice(0, 120)}` };
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return { problem: `the body is ${Array.isArray(doc) ? 'a list' : typeof doc}, not {"${device}": [...]}: ${body.slice(0, 120)}` };
  const points = (doc as Record<string, unknown>)[device];
  if (!Array.isArray(points)) return { problem: `the body has no list under "${device}" (keys: ${Object.keys(doc).join(', ') || 'none'})` };
  if (points.length > MAX_ITEMS) return { problem: `it holds ${points.length} readings; the page draws the newest ${MAX_ITEMS} (Limit 30)` };
  for (const p of points as Point[]) {
    if (typeof p?.timestamp !== 'string') return { problem: `a reading has no timestamp string: ${JSON.stringify(p).slice(0, 120)}` };
    if (!Number.isInteger(p.value)) return { problem: `reading ${p.timestamp} has value ${JSON.stringify(p.value)}, not an integer` };
  }
  const stamps = (points as Point[]).map((p) => p.timestamp as string);
  if (stamps.some((t, i) => i > 0 && t > stamps[i - 1]!)) return { problem: 'the readings are not newest first (Query with ScanIndexForward=False)' };
  return { points };
}

const redeployHint = (id: string, stage: string) => `Deploy the API again (console: Deploy API → stage ${stage}): aws apigateway create-deployment --rest-api-id ${id} --stage-name ${stage}`;

export default defineChecks({
  checks: [
    {
      id: 'api.exists',
      title: 'A REST API for the readings exists',
      points: 1,
      hints: ['API Gateway console → Create API → REST API → Build; name it <prefix>-api.'],
      async run(ctx) {
        const { api, via, count } = await locateApi(ctx);
        const names = resourceNames(ctx.config.prefix);
        if (!api) {
          return fail(`There is no REST API for the readings: ${via} (the account has ${count} REST API(s)).`, {
            hint: `Create it (lab 3, step 3): aws apigateway create-rest-api --name ${names.api} --endpoint-configuration types=REGIONAL`,
            evidence: { apis: count },
          });
        }
        return pass(`REST API ${api.name} (${api.id}) found ${via}.`, { evidence: { api: api.name, apiId: api.id } });
      },
    },
    {
      id: 'api.resource',
      title: 'The API has the resource /datas/{deviceid}',
      points: 2,
      dependsOn: ['api.exists'],
      hints: ['Create resource "datas" under /, then resource "{deviceid}" under /datas: the braces make it a path parameter.'],
      async run(ctx) {
        const { api, resource, resources } = await deviceRoute(ctx);
        const paths = resources.map((r) => r.path);
        const evidence = { api: api!.name, paths };
        const datas = resources.find((r) => r.path === '/datas');
        if (!resource) {
          return fail(`API ${api!.name} has no resource /datas/{deviceid} (its paths: ${paths.join(', ')}).`, {
            hint: `aws apigateway create-resource --rest-api-id ${api!.id} --parent-id ${datas?.id ?? '<id of /datas>'} --path-part '{deviceid}'${datas ? '' : ' (create /datas under / first)'}`,
            evidence,
          });
        }
        if (!resource.path!.includes('{')) {
          return fail(`API ${api!.name} has ${resource.path} without braces: that path only matches the literal word "${resource.pathPart}", so GET /datas/<your device> is not found ({"message":"Missing Authentication Token"}).`, {
            hint: `Delete ${resource.path} and create the resource {deviceid} (with braces) under /datas: aws apigateway delete-resource --rest-api-id ${api!.id} --resource-id ${resource.id}`,
            evidence,
          });
        }
        if (resource.path !== DEVICE_RESOURCE) {
          return fail(`API ${api!.name} names the path parameter ${resource.pathPart}, but the function reads event["pathParameters"]["deviceid"]: it would find no device.`, {
            hint: `Rename the resource to {deviceid}: delete ${resource.path} and create /datas/{deviceid}.`,
            evidence,
          });
        }
        return pass(`API ${api!.name} has the resource ${resource.path} (id ${resource.id}).`, { evidence });
      },
    },
    {
      id: 'api.get-integration',
      title: 'GET /datas/{deviceid} passes the request to a Lambda function (proxy integration)',
      points: 2,
      dependsOn: ['api.resource'],
      hints: ['On /datas/{deviceid}: Create method → GET → Lambda function, with "Lambda proxy integration" turned on.'],
      async run(ctx) {
        const { api, resource } = await deviceRoute(ctx);
        const get = await getMethod(ctx);
        const integration = get?.methodIntegration;
        const names = resourceNames(ctx.config.prefix);
        const evidence = { resource: resource!.path, methods: Object.keys(resource!.resourceMethods ?? {}), integrationType: integration?.type, uri: integration?.uri };
        if (!get) {
          return fail(`${resource!.path} has no GET method (it has ${evidence.methods.join(', ') || 'none'}).`, {
            hint: `aws apigateway put-method --rest-api-id ${api!.id} --resource-id ${resource!.id} --http-method GET --authorization-type NONE, then put-integration --type AWS_PROXY --integration-http-method POST --uri arn:aws:apigateway:${ctx.target.region}:lambda:path/2015-03-31/functions/<function ARN>/invocations`,
            evidence,
          });
        }
        if (!integration) return fail(`GET ${resource!.path} has no integration: API Gateway does not know what to call.`, { hint: 'Set its integration to your Lambda function with Lambda proxy integration.', evidence });
        if (integration.type !== 'AWS_PROXY') {
          const what = integration.type === 'AWS' ? 'a Lambda (non-proxy) integration: the function gets only a mapped body, with no pathParameters, and its statusCode/headers/body answer is sent back as text' : `a ${integration.type} integration`;
          return fail(`GET ${resource!.path} uses ${what}. The lab's function expects the whole request and answers {statusCode, headers, body}: that is the Lambda proxy integration.`, {
            hint: `Turn on "Lambda proxy integration" in the GET method's Integration request (aws apigateway put-integration ... --type AWS_PROXY --integration-http-method POST), then deploy again.`,
            evidence,
          });
        }
        if (!/:lambda:path\//.test(integration.uri ?? '')) return fail(`GET ${resource!.path} proxies to ${integration.uri}, which is not a Lambda function.`, { hint: `Point it at function ${names.apiFunction}.`, evidence });
        const { name } = await locateApiFunction(ctx);
        return pass(`GET ${resource!.path} invokes function ${name} through the Lambda proxy integration.`, { evidence });
      },
    },
    tableFunctionCheck({
      id: 'function.configured',
      title: 'The API function exists and knows the readings table',
      points: 2,
      hints: ['The function needs a Python or Node.js runtime and an environment variable TABLE_NAME naming lab 1’s table.'],
      locate: locateApiFunction,
      read: apiFunction,
      missingHint: 'Create the API function (lab 3, step 1), or `lab solve 3` to see the reference.',
      use: 'read',
    }),
    roleCheck({
      id: 'function.role-can-query',
      title: "The function's role may query the table",
      points: 2,
      dependsOn: ['function.configured'],
      hints: ['Add an inline policy to the function’s role allowing dynamodb:Query on the table’s ARN.'],
      async locate(ctx) {
        const fn = (await apiFunction(ctx))!;
        const tableName = fn.Environment!.Variables!.TABLE_NAME!;
        const table = await describeTable(ctx, tableName);
        return { user: `function ${fn.FunctionName}`, roleArn: fn.Role, service: 'lambda.amazonaws.com', actions: ['dynamodb:Query'], resource: table!.TableArn! };
      },
    }),
    {
      id: 'function.invoke-permission',
      title: 'API Gateway may invoke the function',
      points: 2,
      dependsOn: ['api.get-integration', 'function.configured'],
      hints: ['The console adds this permission when you save the GET method with your function; with the CLI, it is `aws lambda add-permission`.'],
      async run(ctx) {
        const fn = (await apiFunction(ctx))!;
        const sourceArn = await getSourceArn(ctx);
        const statements = await functionPolicy(ctx, fn.FunctionName!);
        const allowed = allowingStatement(statements, 'apigateway.amazonaws.com', sourceArn);
        const evidence = { functionName: fn.FunctionName, sourceArn, statements: statements.map((s) => (s as { Sid?: string }).Sid) };
        if (allowed) return pass(`Function ${fn.FunctionName}'s resource policy lets API Gateway invoke it for ${sourceArn} (statement ${(allowed as { Sid?: string }).Sid}).`, { evidence });
        const id = await apiId(ctx);
        return fail(`Function ${fn.FunctionName}'s resource policy does not let apigateway.amazonaws.com invoke it for ${sourceArn}: API Gateway answers 500 {"message": "Internal server error"} without calling it.`, {
          hint: `aws lambda add-permission --function-name ${fn.FunctionName} --statement-id apigateway-get --action lambda:InvokeFunction --principal apigateway.amazonaws.com --source-arn 'arn:aws:execute-api:${ctx.target.region}:${ctx.target.accountId}:${id}/*/GET/datas/*'`,
          evidence,
        });
      },
    },
    {
      id: 'api.stage-deployed',
      title: 'A stage serves the GET method',
      points: 2,
      dependsOn: ['api.get-integration'],
      hints: ['Deploy API → New stage → handson. Every change to the API needs a new deployment to reach the stage.'],
      async run(ctx) {
        const id = await apiId(ctx);
        const stage = await locateStage(ctx, id);
        const { resource } = await deviceRoute(ctx);
        if (!stage) {
          return fail(`API ${id} is not deployed to any stage, so it has no invoke URL.`, { hint: redeployHint(id, LAB_STAGE), evidence: { apiId: id } });
        }
        const deployment = await ctx.clients.get(APIGatewayClient).send(new GetDeploymentCommand({ restApiId: id, deploymentId: stage.deploymentId, embed: ['apisummary'] }), { abortSignal: ctx.signal });
        const served = deployment.apiSummary?.[resource!.path!] ?? {};
        const evidence = { stage: stage.stageName, deploymentId: stage.deploymentId, deployedAt: deployment.createdDate?.toISOString(), methodsServed: Object.keys(served) };
        if (!served.GET) {
          return fail(`Stage ${stage.stageName} was deployed before GET ${resource!.path} existed: the stage answers 403 {"message":"Missing Authentication Token"} for it. Deploy again.`, { hint: redeployHint(id, stage.stageName!), evidence });
        }
        return pass(`Stage ${stage.stageName} serves GET ${resource!.path} (deployment ${stage.deploymentId}); invoke URL ${invokeUrl(ctx, id, stage.stageName!)}.`, { evidence });
      },
    },
    {
      id: 'api.live-get',
      title: "The invoke URL answers the device's newest readings with the CORS header",
      points: 3,
      dependsOn: ['api.stage-deployed', 'function.invoke-permission'],
      hints: ['Open the invoke URL followed by /datas/<your device> in a browser: you should see {"<device>": [...]}.'],
      async run(ctx) {
        const device = await deviceName(ctx);
        const answer = await callApi(ctx, 'GET');
        const evidence: Record<string, unknown> = { url: answer.url, status: answer.status, accessControlAllowOrigin: answer.headers['access-control-allow-origin'], body: answer.body.slice(0, 300) };
        const fnName = (await apiFunction(ctx))?.FunctionName ?? (await locateApiFunction(ctx)).name;
        if (answer.error) return fail(`GET ${answer.url} failed: ${answer.error}.`, { hint: 'Check that the API is reachable from this machine.', evidence });
        if (answer.status === 403 && /Missing Authentication Token/.test(answer.body)) {
          return fail(`GET ${answer.url} answered 403 {"message":"Missing Authentication Token"}: API Gateway knows no such path on this stage.`, { hint: redeployHint(await apiId(ctx), (await locateStage(ctx, await apiId(ctx)))!.stageName!), evidence });
        }
        if (answer.status === 502) {
          return fail(`GET ${answer.url} answered 502: the function's answer is not what the proxy integration needs ({"statusCode": 200, "headers": {...}, "body": "<a string>"}).`, { hint: `Return the body as a JSON string (json.dumps), not as an object; read the logs: aws logs tail /aws/lambda/${fnName} --since 10m`, evidence });
        }
        if (answer.status !== 200) {
          return fail(`GET ${answer.url} answered ${answer.status}: ${answer.body.slice(0, 160)}`, { hint: `The function failed: read its logs with aws logs tail /aws/lambda/${fnName} --since 10m`, evidence });
        }
        if (!answer.headers['access-control-allow-origin']) {
          return fail(`GET ${answer.url} answered 200 without Access-Control-Allow-Origin: the graph page's browser will refuse to read it (CORS). With the proxy integration, API Gateway adds no headers: the function must send it.`, {
            hint: "Add 'headers': {'Access-Control-Allow-Origin': '*'} to the function's answer.",
            evidence,
          });
        }
        const { points, problem } = readBody(answer.body, device);
        if (problem) return fail(`GET ${answer.url} answered 200, but ${problem}.`, { hint: `The answer is {"${device}": [{"timestamp": "...", "value": <temperature>}, ...]}, newest first, at most 30.`, evidence });
        evidence.readings = points!.length;
        evidence.newest = points![0]?.timestamp;
        return pass(`GET ${answer.url} answered ${points!.length} reading(s) of ${device}, newest first${points!.length ? ` (newest ${points![0]!.timestamp})` : ''}, with Access-Control-Allow-Origin: ${answer.headers['access-control-allow-origin']}.`, { evidence });
      },
    },
    {
      id: 'api.cors-preflight',
      title: 'The API answers the CORS preflight (OPTIONS)',
      points: 1,
      dependsOn: ['api.stage-deployed'],
      hints: ['Select /datas/{deviceid} → Enable CORS (it adds an OPTIONS method), then deploy again.'],
      async run(ctx) {
        const answer = await callApi(ctx, 'OPTIONS', { Origin: 'http://127.0.0.1:8080', 'Access-Control-Request-Method': 'GET' });
        const allowOrigin = answer.headers['access-control-allow-origin'];
        const allowMethods = answer.headers['access-control-allow-methods'] ?? '';
        const evidence = { url: answer.url, status: answer.status, allowOrigin, allowMethods };
        if (answer.status !== undefined && answer.status < 300 && allowOrigin && /\bGET\b/i.test(allowMethods)) {
          return pass(`OPTIONS ${answer.url} answered ${answer.status} with Access-Control-Allow-Origin ${allowOrigin} and Access-Control-Allow-Methods ${allowMethods}.`, { evidence });
        }
        const get = await callApi(ctx, 'GET');
        const simpleGetWorks = get.status === 200 && Boolean(get.headers['access-control-allow-origin']);
        // API Gateway's own error answers carry no CORS header: only a 200 says what the function sends.
        const getState = simpleGetWorks ? 'so it works' : get.status === 200 ? 'so it works once the function sends Access-Control-Allow-Origin' : `but it fails on its own for now (HTTP ${get.status ?? get.error}: see api.live-get)`;
        return fail(
          `OPTIONS ${answer.url} answered ${answer.status ?? answer.error} without the CORS headers${allowOrigin ? ' allowing GET' : ''}. The graph page's plain GET is a "simple request" that needs no preflight, ${getState}; a page that sends its own headers (Authorization, Content-Type: application/json) would be refused.`,
          { hint: `Enable CORS on /datas/{deviceid} (an OPTIONS method answering Access-Control-Allow-Origin/-Methods/-Headers), then deploy again.`, evidence, score: simpleGetWorks ? 0.5 : 0 },
        );
      },
    },
    {
      id: 'api.fresh-reading',
      title: 'The API serves a fresh reading of the device',
      points: 1,
      dependsOn: ['api.live-get'],
      hints: ['Run `lab device`: a new reading reaches the table, and the API, within seconds.'],
      async run(ctx) {
        const device = await deviceName(ctx);
        const { points } = readBody((await callApi(ctx, 'GET')).body, device);
        const newest = points?.[0]?.timestamp as string | undefined;
        const age = newest ? ctx.clock.now() - Date.parse(`${newest}Z`) : undefined;
        const evidence = { device, newest, ageSeconds: age === undefined ? undefined : Math.round(age / 1000) };
        if (age !== undefined && age <= FRESH_MS) return pass(`The newest reading of ${device} through the API is ${Math.max(0, Math.round(age / 1000))} s old (${newest}).`, { evidence });
        const seen = newest ? `The newest reading of ${device} through the API is from ${newest} (UTC), ${Math.round(age! / 60_000)} minutes ago` : `The API has no readings of ${device} yet`;
        return pending(`${seen}. Is \`lab device\` running, and lab 1's pipeline writing the table?`, { evidence });
      },
    },
  ],
});
