// Lab 3 against an in-process sandbox through the real binary: the checker calls the API as a browser
// does and changes nothing; each mistake students make with the API is named by the check that
// catches it, with the fix.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APIGatewayClient,
  CreateDeploymentCommand,
  CreateResourceCommand,
  DeleteMethodCommand,
  DeleteResourceCommand,
  GetResourcesCommand,
  GetRestApisCommand,
  PutIntegrationCommand,
  PutMethodCommand,
} from '@aws-sdk/client-api-gateway';
import { DeleteRolePolicyCommand, IAMClient } from '@aws-sdk/client-iam';
import { GetPolicyCommand, LambdaClient, RemovePermissionCommand, UpdateFunctionCodeCommand } from '@aws-sdk/client-lambda';
import type { RunningSandbox } from '../../sandbox/index.js';
import { logMark } from '../../src/local-run/workbench.js';
import { zipFiles } from '../../solutions/lib/zip.js';
import { assertBuilt, checksOf, clientConfig, lab, newHome, startLabSandbox, until } from './support.js';

const PYTHON_API = join(import.meta.dirname, '../../solutions/03-api-and-graph/function/python/lambda_function.py');

let sandbox: RunningSandbox;
let home: string;
let apigw: APIGatewayClient;
let lambda: LambdaClient;
let apiId: string;
let deviceResourceId: string;
const run = (args: string[], timeoutMs?: number) => lab(args, home, sandbox.endpoint, timeoutMs);

async function check() {
  const checked = await run(['check', '3', '--json', '--wait', '0']);
  return { code: checked.code, checks: checksOf(checked) };
}

async function repair(): Promise<string> {
  const solved = await run(['solve', '3']);
  expect(solved.code, solved.stderr).toBe(0);
  return solved.stdout;
}

async function resources() {
  return (await apigw.send(new GetResourcesCommand({ restApiId: apiId }))).items ?? [];
}

beforeAll(async () => {
  assertBuilt();
  sandbox = await startLabSandbox();
  home = await newHome();
  apigw = new APIGatewayClient(clientConfig(sandbox));
  lambda = new LambdaClient(clientConfig(sandbox));
  for (const n of ['0', '1', '3']) {
    const solved = await run(['solve', n]);
    expect(solved.code, solved.stdout + solved.stderr).toBe(0);
  }
  apiId = (await apigw.send(new GetRestApisCommand({}))).items!.find((a) => a.name === 'iotlab-api')!.id!;
  deviceResourceId = (await resources()).find((r) => r.path === '/datas/{deviceid}')!.id!;
  expect((await run(['device', '--count', '3', '--rate', '2'])).code).toBe(0);
}, 90_000);

afterAll(async () => {
  apigw?.destroy();
  lambda?.destroy();
  await sandbox?.stop();
});

describe('lab 3 on the reference solution', () => {
  it('passes, calling the API only with GET and OPTIONS, and changes nothing', async () => {
    const since = await logMark();
    const checked = await run(['check', '3', '--json', '--wait', '20']);
    const checks = checksOf(checked);
    expect(Object.entries(checks).filter(([, c]) => c.status !== 'pass').map(([id, c]) => `${id}: ${c.message}`)).toEqual([]);
    expect(checks['api.live-get']!.message).toMatch(/^GET http:\/\/127\.0\.0\.1:\d+\/restapis\/\w+\/handson\/_user_request_\/datas\/iotlab-dev1 answered \d+ reading\(s\) of iotlab-dev1, newest first \(newest \S+\), with Access-Control-Allow-Origin: \*\.$/);
    expect(checked.code).toBe(0);
    const calls = sandbox.sandbox.log.calls(since);
    // The invoked function writes its own logs, and lab 1's pipeline may still be writing the device's
    // readings; everything the checker asked for is a read.
    const pipeline = /^(logs\.|dynamodb\.(BatchWriteItem|PutItem)|kinesis\.PutRecords?|cloudwatch\.PutMetricData)/;
    const writes = calls.filter((c) => !c.readOnly && !pipeline.test(`${c.service}.${c.operation}`)).map((c) => `${c.service}.${c.operation}`);
    expect(writes).toEqual([]);
    // One GET and one OPTIONS of the invoke URL, answered by the API's data plane.
    expect(calls.filter((c) => c.service === 'apigateway' && c.operation === 'Invoke')).toHaveLength(2);
  }, 60_000);
});

describe('lab 3 mistakes, each named by its check', () => {
  it('a /datas/deviceid resource without braces', async () => {
    await apigw.send(new DeleteMethodCommand({ restApiId: apiId, resourceId: deviceResourceId, httpMethod: 'GET' }));
    await apigw.send(new DeleteMethodCommand({ restApiId: apiId, resourceId: deviceResourceId, httpMethod: 'OPTIONS' }));
    await apigw.send(new DeleteResourceCommand({ restApiId: apiId, resourceId: deviceResourceId }));
    const datas = (await resources()).find((r) => r.path === '/datas')!;
    await apigw.send(new CreateResourceCommand({ restApiId: apiId, parentId: datas.id, pathPart: 'deviceid' }));
    const { checks } = await check();
    expect(checks['api.resource']).toMatchObject({
      status: 'fail',
      message: 'API iotlab-api has /datas/deviceid without braces: that path only matches the literal word "deviceid", so GET /datas/<your device> is not found ({"message":"Missing Authentication Token"}).',
    });
    expect(checks['api.resource']!.hint).toContain(`aws apigateway delete-resource --rest-api-id ${apiId}`);
    expect(await repair()).toContain('created   API resource /datas/{deviceid}');
    deviceResourceId = (await resources()).find((r) => r.path === '/datas/{deviceid}')!.id!;
    expect((await check()).checks['api.resource']!.status).toBe('pass');
  }, 30_000);

  it('a path parameter the function does not read', async () => {
    const datas = (await resources()).find((r) => r.path === '/datas')!;
    await apigw.send(new DeleteResourceCommand({ restApiId: apiId, resourceId: deviceResourceId }));
    await apigw.send(new CreateResourceCommand({ restApiId: apiId, parentId: datas.id, pathPart: '{id}' }));
    const { checks } = await check();
    expect(checks['api.resource']).toMatchObject({
      status: 'fail',
      message: 'API iotlab-api names the path parameter {id}, but the function reads event["pathParameters"]["deviceid"]: it would find no device.',
    });
    await repair();
    deviceResourceId = (await resources()).find((r) => r.path === '/datas/{deviceid}')!.id!;
  }, 30_000);

  it('a GET with a Lambda (non-proxy) integration', async () => {
    const fnArn = `arn:aws:lambda:us-east-1:000000000000:function:iotlab-api`;
    await apigw.send(new PutIntegrationCommand({ restApiId: apiId, resourceId: deviceResourceId, httpMethod: 'GET', type: 'AWS', integrationHttpMethod: 'POST', uri: `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${fnArn}/invocations` }));
    const { checks } = await check();
    expect(checks['api.get-integration']!.status).toBe('fail');
    expect(checks['api.get-integration']!.message).toContain('GET /datas/{deviceid} uses a Lambda (non-proxy) integration');
    expect(checks['api.get-integration']!.hint).toContain('Lambda proxy integration');
    expect(await repair()).toContain('API method GET /datas/{deviceid}');
  }, 30_000);

  it('a function API Gateway may not invoke', async () => {
    const { Policy } = await lambda.send(new GetPolicyCommand({ FunctionName: 'iotlab-api' }));
    for (const s of JSON.parse(Policy!).Statement as { Sid: string }[]) await lambda.send(new RemovePermissionCommand({ FunctionName: 'iotlab-api', StatementId: s.Sid }));
    const { checks } = await check();
    expect(checks['function.invoke-permission']!.status).toBe('fail');
    expect(checks['function.invoke-permission']!.message).toMatch(/does not let apigateway\.amazonaws\.com invoke it for arn:aws:execute-api:us-east-1:000000000000:\w+\/handson\/GET\/datas\/\{deviceid\}: API Gateway answers 500 \{"message": "Internal server error"\} without calling it\.$/);
    expect(checks['function.invoke-permission']!.hint).toContain('aws lambda add-permission --function-name iotlab-api');
    expect(checks['api.live-get']!.status).toBe('skip');
    expect(await repair()).toContain('created   permission for apigateway.amazonaws.com to invoke iotlab-api');
  }, 30_000);

  it('a stage deployed before the GET method existed', async () => {
    await apigw.send(new DeleteMethodCommand({ restApiId: apiId, resourceId: deviceResourceId, httpMethod: 'GET' }));
    await apigw.send(new CreateDeploymentCommand({ restApiId: apiId, stageName: 'handson' }));
    await apigw.send(new PutMethodCommand({ restApiId: apiId, resourceId: deviceResourceId, httpMethod: 'GET', authorizationType: 'NONE' }));
    await apigw.send(
      new PutIntegrationCommand({ restApiId: apiId, resourceId: deviceResourceId, httpMethod: 'GET', type: 'AWS_PROXY', integrationHttpMethod: 'POST', uri: 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:000000000000:function:iotlab-api/invocations' }),
    );
    const { checks } = await check();
    expect(checks['api.stage-deployed']).toMatchObject({
      status: 'fail',
      message: 'Stage handson was deployed before GET /datas/{deviceid} existed: the stage answers 403 {"message":"Missing Authentication Token"} for it. Deploy again.',
      hint: `Deploy the API again (console: Deploy API → stage handson): aws apigateway create-deployment --rest-api-id ${apiId} --stage-name handson`,
    });
    expect(await repair()).toContain('updated API stage handson');
  }, 30_000);

  it('a function that omits Access-Control-Allow-Origin', async () => {
    const source = readFileSync(PYTHON_API, 'utf8').replace("CORS = {'Access-Control-Allow-Origin': '*'}", 'CORS = {}');
    await lambda.send(new UpdateFunctionCodeCommand({ FunctionName: 'iotlab-api', ZipFile: zipFiles({ 'lambda_function.py': source }) }));
    await until('the new code', async () => ((await check()).checks['api.live-get']!.status === 'fail' ? true : undefined), 20_000);
    const { checks } = await check();
    expect(checks['api.live-get']!.message).toMatch(/answered 200 without Access-Control-Allow-Origin: the graph page's browser will refuse to read it \(CORS\)\. With the proxy integration, API Gateway adds no headers: the function must send it\.$/);
    expect(checks['api.live-get']!.hint).toBe("Add 'headers': {'Access-Control-Allow-Origin': '*'} to the function's answer.");
    expect(await repair()).toContain('code of Lambda function iotlab-api');
  }, 40_000);

  it('an API without the CORS preflight gets half the points', async () => {
    await apigw.send(new DeleteMethodCommand({ restApiId: apiId, resourceId: deviceResourceId, httpMethod: 'OPTIONS' }));
    await apigw.send(new CreateDeploymentCommand({ restApiId: apiId, stageName: 'handson' }));
    const { checks } = await check();
    expect(checks['api.cors-preflight']!.status).toBe('fail');
    expect(checks['api.cors-preflight']!.message).toContain('The graph page\'s plain GET is a "simple request" that needs no preflight, so it works');
    expect((checks['api.cors-preflight'] as unknown as { score: number }).score).toBe(0.5);
    await repair();
  }, 30_000);

  it("a function role that may not query the table", async () => {
    await new IAMClient(clientConfig(sandbox)).send(new DeleteRolePolicyCommand({ RoleName: 'iotlab-api-role', PolicyName: 'read-table' }));
    const { checks } = await check();
    expect(checks['function.role-can-query']).toMatchObject({
      status: 'fail',
      message: 'Role iotlab-api-role (used by function iotlab-api) may not dynamodb:Query on arn:aws:dynamodb:us-east-1:000000000000:table/iotlab-readings: no policy of the role allows it.',
    });
    await repair();
  }, 30_000);
});
