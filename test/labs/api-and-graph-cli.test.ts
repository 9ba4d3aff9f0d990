// Lab 3 built by hand with the AWS CLI, under names of the student's own choosing and on a stage other
// than the lab's, with the workshop's own Python API function: the checks follow the API's references
// (its /datas/ resource, the GET integration's function, the function's TABLE_NAME, the newest stage).

import { mkdtemp, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RunningSandbox } from '../../sandbox/index.js';
import { zipFiles } from '../../solutions/lib/zip.js';
import { awsCli, findAwsCli } from '../sandbox/aws-cli.js';
import { checksOf, lab, newHome, startLabSandbox } from './support.js';

const PYTHON_API = join(import.meta.dirname, '../../solutions/03-api-and-graph/function/python/lambda_function.py');
const cli = findAwsCli('v1') ?? findAwsCli('v2');
let sandbox: RunningSandbox;
let home: string;

beforeAll(async () => {
  sandbox = await startLabSandbox();
  home = await newHome();
});
afterAll(async () => sandbox?.stop());

it.skipIf(!cli)('the workshop function behind an API built with the AWS CLI passes', async () => {
  const work = await mkdtemp(join(tmpdir(), 'lab3-cli-'));
  const aws = awsCli(cli!, sandbox, { env: { HOME: work }, cwd: work });
  for (const n of ['0', '1']) expect((await lab(['solve', n], home, sandbox.endpoint)).code).toBe(0);
  const table = 'arn:aws:dynamodb:us-east-1:000000000000:table/iotlab-readings';
  const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
  const role = await aws.json('iam', 'create-role', '--role-name', 'graph-backend-role', '--assume-role-policy-document', trust);
  await aws.text('iam', 'put-role-policy', '--role-name', 'graph-backend-role', '--policy-name', 'q', '--policy-document', JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['dynamodb:Query', 'dynamodb:GetItem'], Resource: table }] }));
  await writeFile(join(work, 'fn.zip'), zipFiles({ 'lambda_function.py': readFileSync(PYTHON_API) }));
  const fn = await aws.json(
    'lambda', 'create-function', '--function-name', 'graph-backend', '--runtime', 'python3.12', '--handler', 'lambda_function.lambda_handler',
    '--role', role.Role.Arn, '--zip-file', 'fileb://fn.zip', '--environment', 'Variables={TABLE_NAME=iotlab-readings}',
  );
  const api = await aws.json('apigateway', 'create-rest-api', '--name', 'readings-api');
  const root = (await aws.json('apigateway', 'get-resources', '--rest-api-id', api.id)).items.find((r: { path: string }) => r.path === '/');
  const datas = await aws.json('apigateway', 'create-resource', '--rest-api-id', api.id, '--parent-id', root.id, '--path-part', 'datas');
  const device = await aws.json('apigateway', 'create-resource', '--rest-api-id', api.id, '--parent-id', datas.id, '--path-part', '{deviceid}');
  const on = ['--rest-api-id', api.id, '--resource-id', device.id];
  await aws.text('apigateway', 'put-method', ...on, '--http-method', 'GET', '--authorization-type', 'NONE');
  await aws.text('apigateway', 'put-integration', ...on, '--http-method', 'GET', '--type', 'AWS_PROXY', '--integration-http-method', 'POST', '--uri', `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${fn.FunctionArn}/invocations`);
  await aws.text('apigateway', 'put-method', ...on, '--http-method', 'OPTIONS', '--authorization-type', 'NONE');
  await aws.text('apigateway', 'put-integration', ...on, '--http-method', 'OPTIONS', '--type', 'MOCK', '--request-templates', '{"application/json":"{\\"statusCode\\": 200}"}');
  const headers = ['Headers', 'Methods', 'Origin'].map((h) => `method.response.header.Access-Control-Allow-${h}`);
  await aws.text('apigateway', 'put-method-response', ...on, '--http-method', 'OPTIONS', '--status-code', '200', '--response-parameters', JSON.stringify(Object.fromEntries(headers.map((h) => [h, false]))));
  await aws.text('apigateway', 'put-integration-response', ...on, '--http-method', 'OPTIONS', '--status-code', '200', '--response-parameters', JSON.stringify({ [headers[0]!]: "'Content-Type'", [headers[1]!]: "'GET,OPTIONS'", [headers[2]!]: "'*'" }));
  await aws.text('lambda', 'add-permission', '--function-name', 'graph-backend', '--statement-id', 'apigw', '--action', 'lambda:InvokeFunction', '--principal', 'apigateway.amazonaws.com', '--source-arn', `arn:aws:execute-api:us-east-1:000000000000:${api.id}/*/GET/datas/{deviceid}`);
  await aws.text('apigateway', 'create-deployment', '--rest-api-id', api.id, '--stage-name', 'prod');

  expect((await lab(['device', '--count', '3', '--rate', '2'], home, sandbox.endpoint)).code).toBe(0);
  const checked = await lab(['check', '3', '--json', '--wait', '20'], home, sandbox.endpoint);
  const checks = checksOf(checked);
  expect(Object.entries(checks).filter(([, c]) => c.status !== 'pass').map(([id, c]) => `${id}: ${c.message}`)).toEqual([]);
  expect(checks['api.exists']!.message).toBe(`REST API readings-api (${api.id}) found as the API with a /datas/ resource.`);
  expect(checks['api.get-integration']!.message).toBe('GET /datas/{deviceid} invokes function graph-backend through the Lambda proxy integration.');
  expect(checks['api.live-get']!.message).toContain(`/restapis/${api.id}/prod/_user_request_/datas/iotlab-dev1 answered`);
  expect(checked.code).toBe(0);
}, 90_000);
