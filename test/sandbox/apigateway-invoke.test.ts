// The lab's API end to end: a workshop-style Python function behind GET /datas/{deviceid} (Lambda proxy),
// an OPTIONS preflight (MOCK), deployed to `prod` and called with plain fetch at its invoke URL; AWS's
// failures (no permission, bad function output, unknown routes), redeploys, status and metrics.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  APIGatewayClient,
  CreateDeploymentCommand,
  CreateResourceCommand,
  CreateRestApiCommand,
  PutIntegrationCommand,
  PutIntegrationResponseCommand,
  PutMethodCommand,
  PutMethodResponseCommand,
} from '@aws-sdk/client-api-gateway';
import { AddPermissionCommand, CreateFunctionCommand, LambdaClient, RemovePermissionCommand } from '@aws-sdk/client-lambda';
import { AttachRolePolicyCommand, CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { BatchWriteItemCommand, CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CloudWatchClient, GetMetricStatisticsCommand } from '@aws-sdk/client-cloudwatch';
import { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { useSandbox } from './support.js';
import { labTable } from './lab-table.js';
import { zipFiles as zip } from './lambda-zip.js';
import { trustPolicy } from './trust-policy.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/lambda');
const trustLambda = trustPolicy('lambda.amazonaws.com');
const lambdaUri = (fnArn: string) => `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${fnArn}/invocations`;

/** A Node.js function that answers with the event it got, or with whatever `respond` says. */
const ECHO = `export const handler = async (event) => {
  if (event.queryStringParameters?.respond) return JSON.parse(event.queryStringParameters.respond);
  if (event.queryStringParameters?.fail) throw new Error('boom');
  return { statusCode: 201, headers: { 'x-echo': 'yes' }, multiValueHeaders: { 'x-multi': ['a', 'b'] }, body: JSON.stringify(event) };
};`;

describe('API Gateway invoke URLs', () => {
  const sb = useSandbox();
  let apigw: APIGatewayClient;
  let lambda: LambdaClient;
  let apiId: string;
  let rootId: string;
  let deviceResourceId: string;
  let apiFnArn: string;
  let echoArn: string;
  let accountId: string;
  const url = (path: string, stage = 'prod') => `${sb.endpoint}/restapis/${apiId}/${stage}/_user_request_${path}`;

  beforeAll(async () => {
    apigw = new APIGatewayClient(sb.config());
    lambda = new LambdaClient(sb.config());
    accountId = (await new STSClient(sb.config()).send(new GetCallerIdentityCommand({}))).Account!;
    const iam = new IAMClient(sb.config());
    const role = (await iam.send(new CreateRoleCommand({ RoleName: 'api-lambda', AssumeRolePolicyDocument: trustLambda }))).Role!.Arn!;
    // The functions read the table as the role.
    await iam.send(new AttachRolePolicyCommand({ RoleName: 'api-lambda', PolicyArn: 'arn:aws:iam::aws:policy/AmazonDynamoDBReadOnlyAccess' }));

    const dynamo = new DynamoDBClient(sb.config());
    await dynamo.send(new CreateTableCommand(labTable('iot-readings')));
    const readings = Array.from({ length: 40 }, (_, i) => ({
      deviceid: { S: 'dev1' },
      timestamp: { S: `2026-11-28T10:${String(i).padStart(2, '0')}:00` },
      HUMIDITY: { N: String(40 + (i % 7)) },
      TEMPERATURE: { N: String(20 + (i % 5)) },
    }));
    for (let i = 0; i < readings.length; i += 25) {
      await dynamo.send(new BatchWriteItemCommand({ RequestItems: { 'iot-readings': readings.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) } }));
    }

    const python = readFileSync(join(FIXTURES, 'python-api/lambda_function.py'));
    apiFnArn = (
      await lambda.send(
        new CreateFunctionCommand({ FunctionName: 'iot-api', Runtime: 'python3.12', Handler: 'lambda_function.lambda_handler', Role: role, Code: { ZipFile: zip({ 'lambda_function.py': python }) }, Environment: { Variables: { TABLE_NAME: 'iot-readings' } }, Timeout: 10 }),
      )
    ).FunctionArn!;
    echoArn = (await lambda.send(new CreateFunctionCommand({ FunctionName: 'echo', Runtime: 'nodejs22.x', Handler: 'index.handler', Role: role, Code: { ZipFile: zip({ 'index.mjs': ECHO }) } }))).FunctionArn!;

    // The lab's API, as the console or the CLI builds it.
    const api = await apigw.send(new CreateRestApiCommand({ name: 'iot-api', endpointConfiguration: { types: ['REGIONAL'] } }));
    apiId = api.id!;
    rootId = api.rootResourceId!;
    const datas = await apigw.send(new CreateResourceCommand({ restApiId: apiId, parentId: rootId, pathPart: 'datas' }));
    deviceResourceId = (await apigw.send(new CreateResourceCommand({ restApiId: apiId, parentId: datas.id!, pathPart: '{deviceid}' }))).id!;
    await apigw.send(new PutMethodCommand({ restApiId: apiId, resourceId: deviceResourceId, httpMethod: 'GET', authorizationType: 'NONE' }));
    await apigw.send(new PutIntegrationCommand({ restApiId: apiId, resourceId: deviceResourceId, httpMethod: 'GET', type: 'AWS_PROXY', integrationHttpMethod: 'POST', uri: lambdaUri(apiFnArn) }));
    await apigw.send(new PutMethodCommand({ restApiId: apiId, resourceId: deviceResourceId, httpMethod: 'OPTIONS', authorizationType: 'NONE' }));
    await apigw.send(new PutIntegrationCommand({ restApiId: apiId, resourceId: deviceResourceId, httpMethod: 'OPTIONS', type: 'MOCK', requestTemplates: { 'application/json': '{"statusCode": 200}' } }));
    const corsHeaders = ['Access-Control-Allow-Headers', 'Access-Control-Allow-Methods', 'Access-Control-Allow-Origin'];
    await apigw.send(
      new PutMethodResponseCommand({ restApiId: apiId, resourceId: deviceResourceId, httpMethod: 'OPTIONS', statusCode: '200', responseParameters: Object.fromEntries(corsHeaders.map((h) => [`method.response.header.${h}`, false])) }),
    );
    await apigw.send(
      new PutIntegrationResponseCommand({
        restApiId: apiId,
        resourceId: deviceResourceId,
        httpMethod: 'OPTIONS',
        statusCode: '200',
        responseParameters: {
          'method.response.header.Access-Control-Allow-Headers': "'Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token'",
          'method.response.header.Access-Control-Allow-Methods': "'GET,OPTIONS'",
          'method.response.header.Access-Control-Allow-Origin': "'*'",
        },
      }),
    );
    const echo = await apigw.send(new CreateResourceCommand({ restApiId: apiId, parentId: rootId, pathPart: 'echo' }));
    const proxy = await apigw.send(new CreateResourceCommand({ restApiId: apiId, parentId: echo.id!, pathPart: '{proxy+}' }));
    await apigw.send(new PutMethodCommand({ restApiId: apiId, resourceId: proxy.id!, httpMethod: 'ANY', authorizationType: 'NONE' }));
    await apigw.send(new PutIntegrationCommand({ restApiId: apiId, resourceId: proxy.id!, httpMethod: 'ANY', type: 'AWS_PROXY', integrationHttpMethod: 'POST', uri: lambdaUri(echoArn) }));
    await lambda.send(new AddPermissionCommand({ FunctionName: 'echo', StatementId: 'apigw', Action: 'lambda:InvokeFunction', Principal: 'apigateway.amazonaws.com', SourceArn: `arn:aws:execute-api:us-east-1:${accountId}:${apiId}/*/*/echo/*` }));
    await apigw.send(new CreateDeploymentCommand({ restApiId: apiId, stageName: 'prod' }));
  });

  it('answers 500 "Internal server error" while the function lacks the permission for API Gateway', async () => {
    const res = await fetch(url('/datas/dev1'));
    expect(res.status).toBe(500);
    expect(await res.text()).toBe('{"message": "Internal server error"}');
    expect(res.headers.get('x-amzn-errortype')).toBe('InternalServerErrorException');
    expect(res.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('returns the newest 30 readings with the CORS header once the permission exists', async () => {
    await lambda.send(
      new AddPermissionCommand({ FunctionName: 'iot-api', StatementId: 'apigw-get', Action: 'lambda:InvokeFunction', Principal: 'apigateway.amazonaws.com', SourceArn: `arn:aws:execute-api:us-east-1:${accountId}:${apiId}/*/GET/datas/{deviceid}` }),
    );
    const res = await fetch(url('/datas/dev1'));
    const text = await res.text();
    expect(res.status, text).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.headers.get('x-amz-apigw-id')).toBeTruthy();
    const items = JSON.parse(text) as { deviceid: string; timestamp: string; HUMIDITY: number; TEMPERATURE: number }[];
    expect(items).toHaveLength(30);
    expect(items[0]).toEqual({ deviceid: 'dev1', timestamp: '2026-11-28T10:39:00', HUMIDITY: 40 + (39 % 7), TEMPERATURE: 20 + (39 % 5) });
    expect(items.map((i) => i.timestamp)).toEqual(Array.from({ length: 30 }, (_, k) => `2026-11-28T10:${String(39 - k).padStart(2, '0')}:00`));
    // Another device has no readings.
    expect(await (await fetch(url('/datas/dev9'))).json()).toEqual([]);
  });

  it('answers the CORS preflight from the MOCK integration', async () => {
    const res = await fetch(url('/datas/dev1'), { method: 'OPTIONS', headers: { Origin: 'http://localhost:8080', 'Access-Control-Request-Method': 'GET' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-methods')).toBe('GET,OPTIONS');
    expect(res.headers.get('access-control-allow-headers')).toContain('Content-Type');
  });

  it('answers 403 Missing Authentication Token for unknown paths, methods, stages and APIs', async () => {
    for (const [target, method] of [
      [url('/nothing'), 'GET'],
      [url('/datas'), 'GET'],
      [url('/datas/dev1'), 'POST'],
      [url('/datas/dev1', 'staging'), 'GET'],
      [`${sb.endpoint}/restapis/nosuchapi0/prod/_user_request_/datas/dev1`, 'GET'],
    ] as const) {
      const res = await fetch(target, { method });
      expect(res.status, `${method} ${target}`).toBe(403);
      expect(await res.text()).toBe('{"message":"Missing Authentication Token"}');
      expect(res.headers.get('x-amzn-errortype')).toBe('MissingAuthenticationTokenException');
    }
  });

  it('builds the proxy event as API Gateway does and returns the function response as is', async () => {
    const res = await fetch(url('/echo/a/b%20c?x=1&x=2&y=z'), { method: 'PUT', headers: { 'content-type': 'text/plain', 'X-Custom': 'v' }, body: 'hello' });
    expect(res.status).toBe(201);
    expect(res.headers.get('x-echo')).toBe('yes');
    expect(res.headers.get('x-multi')).toBe('a, b');
    const event = await res.json();
    expect(event).toMatchObject({
      resource: '/echo/{proxy+}',
      path: '/echo/a/b c',
      httpMethod: 'PUT',
      queryStringParameters: { x: '2', y: 'z' },
      multiValueQueryStringParameters: { x: ['1', '2'], y: ['z'] },
      pathParameters: { proxy: 'a/b c' },
      stageVariables: null,
      body: 'hello',
      isBase64Encoded: false,
      requestContext: { resourcePath: '/echo/{proxy+}', httpMethod: 'PUT', path: '/prod/echo/a/b c', accountId, stage: 'prod', apiId, protocol: 'HTTP/1.1', identity: { sourceIp: '127.0.0.1' } },
    });
    expect(event.headers['x-custom']).toBe('v');
    expect(event.multiValueHeaders['x-custom']).toEqual(['v']);
    expect(event.requestContext.requestId).toBe(res.headers.get('x-amzn-requestid'));
    expect(event.requestContext.requestTime).toMatch(/^\d{2}\/[A-Z][a-z]{2}\/\d{4}:\d{2}:\d{2}:\d{2} \+0000$/);
    expect(typeof event.requestContext.requestTimeEpoch).toBe('number');
  });

  it('answers 502 for a malformed function response or a function error', async () => {
    for (const query of [`respond=${encodeURIComponent(JSON.stringify({ body: { not: 'a string' }, statusCode: 200 }))}`, `respond=${encodeURIComponent('"just a string"')}`, 'fail=1']) {
      const res = await fetch(url(`/echo/x?${query}`));
      expect(res.status, query).toBe(502);
      expect(await res.text()).toBe('{"message": "Internal server error"}');
    }
    const fine = await fetch(url(`/echo/x?respond=${encodeURIComponent(JSON.stringify({ statusCode: 204 }))}`));
    expect(fine.status).toBe(204);
  });

  it('serves the deployed snapshot: changes are invisible until redeployed', async () => {
    const hello = await apigw.send(new CreateResourceCommand({ restApiId: apiId, parentId: rootId, pathPart: 'hello' }));
    await apigw.send(new PutMethodCommand({ restApiId: apiId, resourceId: hello.id!, httpMethod: 'GET', authorizationType: 'NONE' }));
    await apigw.send(new PutIntegrationCommand({ restApiId: apiId, resourceId: hello.id!, httpMethod: 'GET', type: 'MOCK', requestTemplates: { 'application/json': '{"statusCode": 200}' } }));
    await apigw.send(new PutMethodResponseCommand({ restApiId: apiId, resourceId: hello.id!, httpMethod: 'GET', statusCode: '200' }));
    await apigw.send(new PutIntegrationResponseCommand({ restApiId: apiId, resourceId: hello.id!, httpMethod: 'GET', statusCode: '200', responseTemplates: { 'application/json': '{"hello": "world"}' } }));
    expect((await fetch(url('/hello'))).status).toBe(403);
    await apigw.send(new CreateDeploymentCommand({ restApiId: apiId, stageName: 'prod' }));
    const res = await fetch(url('/hello'));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ hello: 'world' });
  });

  it('routes invoke URLs to API Gateway even when signed for another service, and control-plane calls still work', async () => {
    // A SigV4 header naming another service must not steal the invoke path.
    const signedElsewhere = await fetch(url('/datas/dev1'), {
      headers: { authorization: 'AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/lambda/aws4_request, SignedHeaders=host, Signature=00' },
    });
    expect(signedElsewhere.status).toBe(200);
    expect(signedElsewhere.headers.get('access-control-allow-origin')).toBe('*');
    const api = await apigw.send(new CreateRestApiCommand({ name: 'after' }));
    expect(api.id).toMatch(/^[a-z0-9]{10}$/);
  });

  it('accepts the {apiId}.execute-api.localhost host form', async () => {
    const { request } = await import('node:http');
    const body = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: sb.running.port, path: '/prod/datas/dev1', headers: { host: `${apiId}.execute-api.localhost:${sb.running.port}` } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, text: Buffer.concat(chunks).toString() }));
      });
      req.on('error', reject);
      req.end();
    });
    expect(body.status).toBe(200);
    expect(JSON.parse(body.text)).toHaveLength(30);
  });

  it('loses access again when the permission is removed', async () => {
    await lambda.send(new RemovePermissionCommand({ FunctionName: 'iot-api', StatementId: 'apigw-get' }));
    const res = await fetch(url('/datas/dev1'));
    expect(res.status).toBe(500);
  });

  it('lists the invoke URL in the sandbox status and publishes AWS/ApiGateway metrics', async () => {
    const status = (await (await fetch(`${sb.endpoint}/_sandbox/status`)).json()) as Record<string, unknown>;
    expect(status['API invoke URLs']).toContain(`${sb.endpoint}/restapis/${apiId}/prod/_user_request_/`);
    const cloudwatch = new CloudWatchClient(sb.config());
    const stat = async (MetricName: string, Statistics: ('Sum' | 'Average')[] = ['Sum']) =>
      (
        await cloudwatch.send(
          new GetMetricStatisticsCommand({
            Namespace: 'AWS/ApiGateway',
            MetricName,
            Dimensions: [{ Name: 'ApiName', Value: 'iot-api' }, { Name: 'Stage', Value: 'prod' }],
            StartTime: new Date(Date.now() - 3_600_000),
            EndTime: new Date(Date.now() + 60_000),
            Period: 3600,
            Statistics,
          }),
        )
      ).Datapoints ?? [];
    const sum = (points: { Sum?: number }[]) => points.reduce((n, p) => n + (p.Sum ?? 0), 0);
    expect(sum(await stat('Count'))).toBeGreaterThanOrEqual(15);
    expect(sum(await stat('4XXError'))).toBeGreaterThanOrEqual(4);
    expect(sum(await stat('5XXError'))).toBeGreaterThanOrEqual(5);
    expect((await stat('Latency', ['Average'])).length).toBeGreaterThan(0);
    expect((await stat('IntegrationLatency', ['Average'])).length).toBeGreaterThan(0);
  });
});
