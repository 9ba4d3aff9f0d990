// Lambda over the wire with @aws-sdk/client-lambda at default settings: functions created from zips
// of test/fixtures/lambda, run by the sandbox's Node.js and Python runtimes.

import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AddPermissionCommand,
  CreateFunctionCommand,
  DeleteFunctionCommand,
  GetFunctionCommand,
  GetFunctionConfigurationCommand,
  GetPolicyCommand,
  InvokeCommand,
  LambdaClient,
  ListFunctionsCommand,
  ListTagsCommand,
  RemovePermissionCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateFunctionCodeCommand,
  UpdateFunctionConfigurationCommand,
  waitUntilFunctionActiveV2,
  waitUntilFunctionUpdatedV2,
  type InvokeCommandOutput,
} from '@aws-sdk/client-lambda';
import { AttachRolePolicyCommand, CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { CreateTableCommand, DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { CloudWatchLogsClient, FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { CloudWatchClient, GetMetricStatisticsCommand } from '@aws-sdk/client-cloudwatch';
import { startSandbox } from '../../sandbox/index.js';
import { clientConfig, useSandbox } from './support.js';
import { labTable } from './lab-table.js';
import { zipFiles, zipFixture } from './lambda-zip.js';
import { trustPolicy } from './trust-policy.js';

const DYNAMODB_FULL_ACCESS = 'arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess';

const trustLambda = trustPolicy('lambda.amazonaws.com');
const trustEc2 = trustPolicy('ec2.amazonaws.com');

const json = (out: InvokeCommandOutput) => JSON.parse(Buffer.from(out.Payload ?? []).toString('utf8'));
const payload = (value: unknown) => Buffer.from(JSON.stringify(value));

describe('Lambda', () => {
  const sb = useSandbox();
  let lambda: LambdaClient;
  let roleArn: string;
  const nodeZip = zipFixture('node-esm');

  beforeAll(async () => {
    lambda = new LambdaClient(sb.config());
    const iam = new IAMClient(sb.config());
    roleArn = (await iam.send(new CreateRoleCommand({ RoleName: 'lambda-exec', AssumeRolePolicyDocument: trustLambda }))).Role!.Arn!;
    // Functions call as their role: the Python handlers write to DynamoDB.
    await iam.send(new AttachRolePolicyCommand({ RoleName: 'lambda-exec', PolicyArn: DYNAMODB_FULL_ACCESS }));
    await lambda.send(
      new CreateFunctionCommand({
        FunctionName: 'node-fn',
        Runtime: 'nodejs22.x',
        Handler: 'index.handler',
        Role: roleArn,
        Code: { ZipFile: nodeZip },
        Environment: { Variables: { GREETING: 'hello' } },
        Timeout: 2,
        Tags: { workshop: 'iot-pipeline-labs' },
      }),
    );
    await waitUntilFunctionActiveV2({ client: lambda, maxWaitTime: 30 }, { FunctionName: 'node-fn' });
  });

  it('describes a created function as Lambda does', async () => {
    const out = await lambda.send(new GetFunctionCommand({ FunctionName: 'node-fn' }));
    const config = out.Configuration!;
    expect(config.FunctionArn).toBe('arn:aws:lambda:us-east-1:000000000000:function:node-fn');
    expect(config.CodeSha256).toBe(createHash('sha256').update(nodeZip).digest('base64'));
    expect(config.CodeSize).toBe(nodeZip.length);
    expect(config.LastModified).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$/);
    expect(config).toMatchObject({ Runtime: 'nodejs22.x', Handler: 'index.handler', Timeout: 2, MemorySize: 128, State: 'Active', LastUpdateStatus: 'Successful', Version: '$LATEST' });
    expect(config.Environment?.Variables).toEqual({ GREETING: 'hello' });
    expect(out.Tags).toEqual({ workshop: 'iot-pipeline-labs' });
    const zip = await fetch(out.Code!.Location!);
    expect(Buffer.from(await zip.arrayBuffer()).equals(nodeZip)).toBe(true);
  });

  it('invokes a Node.js handler with the event, the context and AWS environment variables', async () => {
    const out = await lambda.send(new InvokeCommand({ FunctionName: 'node-fn', Payload: payload({ temperature: 23 }) }));
    expect(out.StatusCode).toBe(200);
    expect(out.FunctionError).toBeUndefined();
    expect(out.ExecutedVersion).toBe('$LATEST');
    const body = json(out);
    expect(body.echo).toEqual({ temperature: 23 });
    expect(body.context).toMatchObject({ functionName: 'node-fn', functionVersion: '$LATEST', memoryLimitInMB: '128', logGroupName: '/aws/lambda/node-fn', invokedFunctionArn: 'arn:aws:lambda:us-east-1:000000000000:function:node-fn' });
    expect(body.context.remaining).toBeGreaterThan(1000);
    expect(body.context.remaining).toBeLessThanOrEqual(2000);
    expect(body.env).toMatchObject({
      AWS_REGION: 'us-east-1',
      AWS_DEFAULT_REGION: 'us-east-1',
      AWS_LAMBDA_FUNCTION_NAME: 'node-fn',
      AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '128',
      AWS_LAMBDA_LOG_GROUP_NAME: '/aws/lambda/node-fn',
      AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs22.x',
      _HANDLER: 'index.handler',
      AWS_ENDPOINT_URL: sb.endpoint,
      GREETING: 'hello',
    });
    // The function's credentials are a session of its execution role, named after the function.
    expect(body.env.AWS_ACCESS_KEY_ID).toMatch(/^ASIA/);
    const credentials = { accessKeyId: body.env.AWS_ACCESS_KEY_ID, secretAccessKey: body.env.AWS_SECRET_ACCESS_KEY, sessionToken: body.env.AWS_SESSION_TOKEN };
    const caller = await new STSClient({ ...sb.config(), credentials }).send(new GetCallerIdentityCommand({}));
    expect(caller.Arn).toBe('arn:aws:sts::000000000000:assumed-role/lambda-exec/node-fn');
    expect(body.env.AWS_LAMBDA_LOG_STREAM_NAME).toMatch(/^\d{4}\/\d\d\/\d\d\/\[\$LATEST\][0-9a-f]{32}$/);
  });

  it('reuses the warm process between invocations', async () => {
    const first = json(await lambda.send(new InvokeCommand({ FunctionName: 'node-fn', Payload: payload({}) })));
    const second = json(await lambda.send(new InvokeCommand({ FunctionName: 'node-fn', Payload: payload({}) })));
    expect(second.pid).toBe(first.pid);
    expect(second.startedAt).toBe(first.startedAt);
  });

  it('runs concurrent invocations in separate processes', async () => {
    const started = Date.now();
    const outs = await Promise.all([1, 2, 3].map(() => lambda.send(new InvokeCommand({ FunctionName: 'node-fn', Payload: payload({ action: 'sleep', ms: 400 }) }))));
    const pids = new Set(outs.map((o) => json(o).pid));
    expect(pids.size).toBe(3);
    expect(Date.now() - started).toBeLessThan(3 * 400 + 1500);
  });

  it('lets the function call AWS with the SDK v3 of the runtime, landing in the sandbox', async () => {
    const body = json(await lambda.send(new InvokeCommand({ FunctionName: 'node-fn', Payload: payload({ action: 'whoami' }) })));
    expect(body.Account).toBe('000000000000');
  });

  it('reports a throwing handler as FunctionError Unhandled with errorType and errorMessage', async () => {
    const out = await lambda.send(new InvokeCommand({ FunctionName: 'node-fn', Payload: payload({ action: 'throw', value: 42 }) }));
    expect(out.StatusCode).toBe(200);
    expect(out.FunctionError).toBe('Unhandled');
    const body = json(out);
    expect(body.errorType).toBe('TypeError');
    expect(body.errorMessage).toBe('bad input: 42');
    expect(body.trace[0]).toBe('TypeError: bad input: 42');
  });

  it('returns the tail of the log with LogType Tail', async () => {
    const out = await lambda.send(new InvokeCommand({ FunctionName: 'node-fn', Payload: payload({ tail: 'me' }), LogType: 'Tail' }));
    const log = Buffer.from(out.LogResult!, 'base64').toString('utf8');
    expect(log).toMatch(/^START RequestId: [0-9a-f-]{36} Version: \$LATEST$/m);
    expect(log).toMatch(/\tINFO\tevent \{"tail":"me"\}/);
    expect(log).toMatch(/^END RequestId: /m);
    expect(log).toMatch(/^REPORT RequestId: [0-9a-f-]{36}\tDuration: [\d.]+ ms\tBilled Duration: \d+ ms\tMemory Size: 128 MB\tMax Memory Used: \d+ MB/m);
  });

  it('times a hanging handler out as AWS does, and the next invocation works', async () => {
    const started = Date.now();
    const out = await lambda.send(new InvokeCommand({ FunctionName: 'node-fn', Payload: payload({ action: 'hang' }), LogType: 'Tail' }));
    expect(Date.now() - started).toBeGreaterThanOrEqual(1900);
    expect(out.FunctionError).toBe('Unhandled');
    expect(json(out).errorMessage).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z [0-9a-f-]{36} Task timed out after 2\.00 seconds$/);
    expect(Buffer.from(out.LogResult!, 'base64').toString()).toMatch(/Status: timeout/);
    const next = await lambda.send(new InvokeCommand({ FunctionName: 'node-fn', Payload: payload({ after: 'timeout' }) }));
    expect(next.FunctionError).toBeUndefined();
    expect(json(next).echo).toEqual({ after: 'timeout' });
  });

  it('survives a handler that exits or prints 5 MB', async () => {
    const exited = await lambda.send(new InvokeCommand({ FunctionName: 'node-fn', Payload: payload({ action: 'exit' }) }));
    expect(exited.FunctionError).toBe('Unhandled');
    expect(json(exited)).toMatchObject({ errorType: 'Runtime.ExitError' });
    expect(json(exited).errorMessage).toMatch(/Runtime exited with error: exit status 7$/);

    const spam = await lambda.send(new InvokeCommand({ FunctionName: 'node-fn', Payload: payload({ action: 'spam' }), LogType: 'Tail' }));
    expect(spam.FunctionError).toBeUndefined();
    expect(json(spam)).toBe('spammed');
    expect(Buffer.from(spam.LogResult!, 'base64').length).toBeLessThanOrEqual(4096);

    const next = await lambda.send(new InvokeCommand({ FunctionName: 'node-fn', Payload: payload({ after: 'abuse' }) }));
    expect(json(next).echo).toEqual({ after: 'abuse' });
  });

  it('accepts Event (202) and DryRun (204) invocations', async () => {
    const event = await lambda.send(new InvokeCommand({ FunctionName: 'node-fn', InvocationType: 'Event', Payload: payload({ async: true }) }));
    expect(event.StatusCode).toBe(202);
    const dry = await lambda.send(new InvokeCommand({ FunctionName: 'node-fn', InvocationType: 'DryRun' }));
    expect(dry.StatusCode).toBe(204);
    await expect(lambda.send(new InvokeCommand({ FunctionName: 'missing-fn', InvocationType: 'DryRun' }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'Function not found: arn:aws:lambda:us-east-1:000000000000:function:missing-fn',
    });
  });

  it('writes START/END/REPORT to CloudWatch Logs /aws/lambda/<name>', async () => {
    const logs = new CloudWatchLogsClient(sb.config());
    const out = await logs.send(new FilterLogEventsCommand({ logGroupName: '/aws/lambda/node-fn' }));
    const messages = (out.events ?? []).map((e) => e.message ?? '');
    expect(messages.some((m) => m.startsWith('START RequestId: '))).toBe(true);
    expect(messages.some((m) => m.startsWith('REPORT RequestId: '))).toBe(true);
    expect(messages.some((m) => m.includes('Task timed out after 2.00 seconds'))).toBe(true);
  });

  it('publishes AWS/Lambda metrics per function', async () => {
    const cloudwatch = new CloudWatchClient(sb.config());
    const stat = async (MetricName: string) => {
      const out = await cloudwatch.send(
        new GetMetricStatisticsCommand({
          Namespace: 'AWS/Lambda',
          MetricName,
          Dimensions: [{ Name: 'FunctionName', Value: 'node-fn' }],
          StartTime: new Date(Date.now() - 3600_000),
          EndTime: new Date(Date.now() + 60_000),
          Period: 3600,
          Statistics: ['Sum', 'Maximum'],
        }),
      );
      return out.Datapoints?.[0];
    };
    expect((await stat('Invocations'))?.Sum).toBeGreaterThanOrEqual(10);
    expect((await stat('Errors'))?.Sum).toBeGreaterThanOrEqual(3);
    expect((await stat('Duration'))?.Maximum).toBeGreaterThanOrEqual(1900);
  });

  it('runs a CommonJS callback-style handler', async () => {
    await lambda.send(new CreateFunctionCommand({ FunctionName: 'cb-fn', Runtime: 'nodejs22.x', Handler: 'index.handler', Role: roleArn, Code: { ZipFile: zipFixture('node-callback') } }));
    const ok = json(await lambda.send(new InvokeCommand({ FunctionName: 'cb-fn', Payload: payload({ n: 21 }) })));
    expect(ok).toMatchObject({ style: 'callback', doubled: 42 });
    const failed = await lambda.send(new InvokeCommand({ FunctionName: 'cb-fn', Payload: payload({ fail: true }) }));
    expect(failed.FunctionError).toBe('Unhandled');
    expect(json(failed)).toMatchObject({ errorType: 'Error', errorMessage: 'callback failure' });
  });

  it('reports a missing handler export as Runtime.HandlerNotFound', async () => {
    await lambda.send(new CreateFunctionCommand({ FunctionName: 'bad-handler', Runtime: 'nodejs22.x', Handler: 'index.nothing', Role: roleArn, Code: { ZipFile: zipFixture('node-callback') } }));
    const out = await lambda.send(new InvokeCommand({ FunctionName: 'bad-handler' }));
    expect(out.FunctionError).toBe('Unhandled');
    expect(json(out)).toMatchObject({ errorType: 'Runtime.HandlerNotFound', errorMessage: 'index.nothing is undefined or not exported' });
  });

  it('retires warm processes when code or configuration changes', async () => {
    const code = `export const handler = async () => ({ version: 2, greeting: process.env.GREETING });\n`;
    const updated = await lambda.send(new UpdateFunctionCodeCommand({ FunctionName: 'cb-fn', ZipFile: zipFiles({ 'index.mjs': code }) }));
    expect(updated.CodeSha256).not.toBe((await lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'node-fn' }))).CodeSha256);
    await waitUntilFunctionUpdatedV2({ client: lambda, maxWaitTime: 30 }, { FunctionName: 'cb-fn' });
    expect(json(await lambda.send(new InvokeCommand({ FunctionName: 'cb-fn' })))).toEqual({ version: 2 });
    await lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'cb-fn', Environment: { Variables: { GREETING: 'hi again' } }, Timeout: 10 }));
    expect(json(await lambda.send(new InvokeCommand({ FunctionName: 'cb-fn' })))).toEqual({ version: 2, greeting: 'hi again' });
    const config = await lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'cb-fn' }));
    expect(config.Timeout).toBe(10);
  });

  it('refuses a role that does not exist or does not trust Lambda', async () => {
    const iam = new IAMClient(sb.config());
    const ec2Role = (await iam.send(new CreateRoleCommand({ RoleName: 'ec2-only', AssumeRolePolicyDocument: trustEc2 }))).Role!.Arn!;
    for (const role of [ec2Role, 'arn:aws:iam::000000000000:role/no-such-role']) {
      await expect(
        lambda.send(new CreateFunctionCommand({ FunctionName: 'untrusted', Runtime: 'nodejs22.x', Handler: 'index.handler', Role: role, Code: { ZipFile: nodeZip } })),
      ).rejects.toMatchObject({ name: 'InvalidParameterValueException', message: 'The role defined for the function cannot be assumed by Lambda.' });
    }
  });

  it('validates creation as Lambda does', async () => {
    const base = { FunctionName: 'invalid', Handler: 'index.handler', Role: roleArn, Code: { ZipFile: nodeZip } };
    await expect(lambda.send(new CreateFunctionCommand({ ...base, Runtime: 'java21' }))).rejects.toMatchObject({
      name: 'InvalidParameterValueException',
      message: expect.stringContaining("Value java21 at 'runtime' failed to satisfy constraint: Member must satisfy enum value set: [nodejs24.x, nodejs22.x, nodejs20.x, nodejs18.x, python3.14, python3.13"),
    });
    await expect(lambda.send(new CreateFunctionCommand({ ...base, Runtime: 'nodejs22.x', Timeout: 901 }))).rejects.toMatchObject({
      name: 'ValidationException',
      message: "1 validation error detected: Value '901' at 'timeout' failed to satisfy constraint: Member must have value less than or equal to 900",
    });
    await expect(lambda.send(new CreateFunctionCommand({ ...base, Runtime: 'nodejs22.x', Code: { ZipFile: Buffer.from('not a zip') } }))).rejects.toMatchObject({
      name: 'InvalidParameterValueException',
      message: 'Could not unzip uploaded file. Please check your file, then try to upload again.',
    });
    await expect(lambda.send(new CreateFunctionCommand({ ...base, FunctionName: 'node-fn', Runtime: 'nodejs22.x' }))).rejects.toMatchObject({
      name: 'ResourceConflictException',
      message: 'Function already exist: node-fn',
    });
  });

  it('keeps a resource policy with AddPermission, GetPolicy and RemovePermission', async () => {
    await expect(lambda.send(new GetPolicyCommand({ FunctionName: 'node-fn' }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'No policy is associated with the given resource.',
    });
    const sourceArn = 'arn:aws:execute-api:us-east-1:000000000000:abc123/*/GET/datas/*';
    const added = await lambda.send(
      new AddPermissionCommand({ FunctionName: 'node-fn', StatementId: 'apigw', Action: 'lambda:InvokeFunction', Principal: 'apigateway.amazonaws.com', SourceArn: sourceArn }),
    );
    expect(JSON.parse(added.Statement!)).toMatchObject({ Sid: 'apigw', Principal: { Service: 'apigateway.amazonaws.com' } });
    await expect(
      lambda.send(new AddPermissionCommand({ FunctionName: 'node-fn', StatementId: 'apigw', Action: 'lambda:InvokeFunction', Principal: 'apigateway.amazonaws.com' })),
    ).rejects.toMatchObject({ name: 'ResourceConflictException' });
    const policy = JSON.parse((await lambda.send(new GetPolicyCommand({ FunctionName: 'node-fn' }))).Policy!);
    expect(policy.Statement).toEqual([
      {
        Sid: 'apigw',
        Effect: 'Allow',
        Principal: { Service: 'apigateway.amazonaws.com' },
        Action: 'lambda:InvokeFunction',
        Resource: 'arn:aws:lambda:us-east-1:000000000000:function:node-fn',
        Condition: { ArnLike: { 'AWS:SourceArn': sourceArn } },
      },
    ]);
    const api = sb.running.sandbox.api('lambda');
    const owner = { accountId: '000000000000', region: 'us-east-1', clock: sb.running.sandbox.clock };
    expect(api.allowsInvoke(owner, 'node-fn', { principal: 'apigateway.amazonaws.com', sourceArn: 'arn:aws:execute-api:us-east-1:000000000000:abc123/prod/GET/datas/dev1' })).toBe(true);
    expect(api.allowsInvoke(owner, 'node-fn', { principal: 'apigateway.amazonaws.com', sourceArn: 'arn:aws:execute-api:us-east-1:000000000000:other/prod/GET/datas/dev1' })).toBe(false);
    await lambda.send(new RemovePermissionCommand({ FunctionName: 'node-fn', StatementId: 'apigw' }));
    await expect(lambda.send(new GetPolicyCommand({ FunctionName: 'node-fn' }))).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });

  it('tags functions by ARN', async () => {
    const arn = 'arn:aws:lambda:us-east-1:000000000000:function:node-fn';
    await lambda.send(new TagResourceCommand({ Resource: arn, Tags: { stage: 'lab1' } }));
    await lambda.send(new UntagResourceCommand({ Resource: arn, TagKeys: ['workshop'] }));
    expect((await lambda.send(new ListTagsCommand({ Resource: arn }))).Tags).toEqual({ stage: 'lab1' });
  });

  it('lists functions page by page, and deletes them', async () => {
    const first = await lambda.send(new ListFunctionsCommand({ MaxItems: 2 }));
    expect(first.Functions!.map((f) => f.FunctionName)).toEqual(['bad-handler', 'cb-fn']);
    const second = await lambda.send(new ListFunctionsCommand({ MaxItems: 2, Marker: first.NextMarker }));
    expect(second.Functions!.map((f) => f.FunctionName)).toEqual(['node-fn']);
    expect(second.NextMarker).toBeUndefined();
    await lambda.send(new DeleteFunctionCommand({ FunctionName: 'bad-handler' }));
    await expect(lambda.send(new GetFunctionCommand({ FunctionName: 'bad-handler' }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'Function not found: arn:aws:lambda:us-east-1:000000000000:function:bad-handler',
    });
  });

  describe('Python', () => {
    beforeAll(async () => {
      const dynamo = new DynamoDBClient(sb.config());
      await dynamo.send(new CreateTableCommand(labTable('readings')));
      await lambda.send(
        new CreateFunctionCommand({
          FunctionName: 'py-fn',
          Runtime: 'python3.12',
          Handler: 'lambda_function.lambda_handler',
          Role: roleArn,
          Code: { ZipFile: zipFixture('python') },
          Environment: { Variables: { TABLE_NAME: 'readings' } },
          Timeout: 2,
        }),
      );
    });

    it('invokes a Python handler with the context', async () => {
      const body = json(await lambda.send(new InvokeCommand({ FunctionName: 'py-fn', Payload: payload({ humidity: 41 }) })));
      expect(body).toMatchObject({ echo: { humidity: 41 }, function_name: 'py-fn', memory: '128', region: 'us-east-1', execution_env: 'AWS_Lambda_python3.12', handler: 'lambda_function.lambda_handler' });
      expect(body.remaining).toBeGreaterThan(0);
    });

    it('writes to DynamoDB with boto3 and no endpoint in the code', async () => {
      const out = await lambda.send(new InvokeCommand({ FunctionName: 'py-fn', Payload: payload({ action: 'put', deviceid: 'dev1', timestamp: '2026-11-28T10:15:00', temperature: 23 }), LogType: 'Tail' }));
      expect(out.FunctionError, Buffer.from(out.LogResult ?? '', 'base64').toString()).toBeUndefined();
      expect(json(out)).toEqual({ stored: 'dev1' });
      expect(Buffer.from(out.LogResult!, 'base64').toString()).toMatch(/\[INFO\]\t[\d-]+T[\d:.]+Z\t[0-9a-f-]{36}\tstored dev1/);
      const item = await new DynamoDBClient(sb.config()).send(new GetItemCommand({ TableName: 'readings', Key: { deviceid: { S: 'dev1' }, timestamp: { S: '2026-11-28T10:15:00' } } }));
      expect(item.Item?.temperature).toEqual({ N: '23' });
    });

    it('reports a raised exception with errorType, errorMessage and stackTrace', async () => {
      const out = await lambda.send(new InvokeCommand({ FunctionName: 'py-fn', Payload: payload({ action: 'raise', value: 7 }) }));
      expect(out.FunctionError).toBe('Unhandled');
      const body = json(out);
      expect(body).toMatchObject({ errorType: 'ValueError', errorMessage: 'bad reading: 7' });
      expect(body.stackTrace.join('')).toMatch(/lambda_function\.py", line \d+, in lambda_handler/);
    });

    it('survives sys.exit, 5 MB of output and a hang', async () => {
      const exited = await lambda.send(new InvokeCommand({ FunctionName: 'py-fn', Payload: payload({ action: 'exit' }) }));
      expect(json(exited)).toMatchObject({ errorType: 'Runtime.ExitError' });
      const spam = await lambda.send(new InvokeCommand({ FunctionName: 'py-fn', Payload: payload({ action: 'spam' }) }));
      expect(json(spam)).toBe('spammed');
      const hung = await lambda.send(new InvokeCommand({ FunctionName: 'py-fn', Payload: payload({ action: 'hang' }) }));
      expect(json(hung).errorMessage).toMatch(/Task timed out after 2\.00 seconds$/);
      const next = json(await lambda.send(new InvokeCommand({ FunctionName: 'py-fn', Payload: payload({ after: 'all that' }) })));
      expect(next.echo).toEqual({ after: 'all that' });
    });
  });
});

const SYSTEM_PYTHON = '/usr/bin/python3';
const systemBoto3 = spawnSync(SYSTEM_PYTHON, ['-c', 'import boto3; print(boto3.__version__)'], { encoding: 'utf8' });

// Debian's python3-boto3 (1.26) predates AWS_ENDPOINT_URL: only the runtime's shim sends its calls here.
describe.skipIf(systemBoto3.status !== 0)('Lambda on the system python3 (Debian boto3)', () => {
  const sb = useSandbox();
  const previous = process.env.LAB_SANDBOX_PYTHON;
  beforeAll(() => {
    process.env.LAB_SANDBOX_PYTHON = SYSTEM_PYTHON;
  });
  afterAll(() => {
    if (previous === undefined) delete process.env.LAB_SANDBOX_PYTHON;
    else process.env.LAB_SANDBOX_PYTHON = previous;
  });

  it('runs the workshop-style handler and its boto3 writes land in the sandbox', async () => {
    const iam = new IAMClient(sb.config());
    const role = (await iam.send(new CreateRoleCommand({ RoleName: 'lambda-exec', AssumeRolePolicyDocument: trustLambda }))).Role!.Arn!;
    await iam.send(new AttachRolePolicyCommand({ RoleName: 'lambda-exec', PolicyArn: DYNAMODB_FULL_ACCESS }));
    const dynamo = new DynamoDBClient(sb.config());
    await dynamo.send(new CreateTableCommand(labTable('readings')));
    const lambda = new LambdaClient(sb.config());
    await lambda.send(
      new CreateFunctionCommand({ FunctionName: 'py-sys', Runtime: 'python3.13', Handler: 'lambda_function.lambda_handler', Role: role, Code: { ZipFile: zipFixture('python') }, Environment: { Variables: { TABLE_NAME: 'readings' } }, Timeout: 10 }),
    );
    const versions = json(await lambda.send(new InvokeCommand({ FunctionName: 'py-sys', Payload: payload({ action: 'versions' }) })));
    expect(versions.boto3).toBe(systemBoto3.stdout.trim());
    const out = await lambda.send(new InvokeCommand({ FunctionName: 'py-sys', Payload: payload({ action: 'put', deviceid: 'dev2', timestamp: '2026-11-28T10:16:00', temperature: 19 }), LogType: 'Tail' }));
    expect(out.FunctionError, Buffer.from(out.LogResult ?? '', 'base64').toString()).toBeUndefined();
    const item = await dynamo.send(new GetItemCommand({ TableName: 'readings', Key: { deviceid: { S: 'dev2' }, timestamp: { S: '2026-11-28T10:16:00' } } }));
    expect(item.Item?.temperature).toEqual({ N: '19' });
  });
});

describe('Lambda provisioning', () => {
  it('is Pending until the provisioning delay has passed, so SDK waiters see the transition', async () => {
    const running = await startSandbox({ port: 0, inMemory: true, verbose: false, provisioningDelayMs: 1500 });
    try {
      const config = clientConfig(running.endpoint);
      const iam = new IAMClient(config);
      const role = (await iam.send(new CreateRoleCommand({ RoleName: 'r', AssumeRolePolicyDocument: trustLambda }))).Role!.Arn!;
      const lambda = new LambdaClient(config);
      const created = await lambda.send(new CreateFunctionCommand({ FunctionName: 'slow', Runtime: 'nodejs22.x', Handler: 'index.handler', Role: role, Code: { ZipFile: zipFixture('node-callback') } }));
      expect(created).toMatchObject({ State: 'Pending', StateReasonCode: 'Creating' });
      await expect(lambda.send(new InvokeCommand({ FunctionName: 'slow' }))).rejects.toMatchObject({
        name: 'ResourceConflictException',
        message: 'The operation cannot be performed at this time. The function is currently in the following state: Pending',
      });
      const waited = await waitUntilFunctionActiveV2({ client: lambda, maxWaitTime: 30, minDelay: 1 }, { FunctionName: 'slow' });
      expect(waited.state).toBe('SUCCESS');
      const updated = await lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'slow', Timeout: 5 }));
      expect(updated.LastUpdateStatus).toBe('InProgress');
      await waitUntilFunctionUpdatedV2({ client: lambda, maxWaitTime: 30, minDelay: 1 }, { FunctionName: 'slow' });
      expect((await lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'slow' }))).LastUpdateStatus).toBe('Successful');
    } finally {
      await running.stop();
    }
  });
});
