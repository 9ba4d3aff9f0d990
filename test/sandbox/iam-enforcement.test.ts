// Role sessions are held to their role's policies on every service, with IAM's evaluation and AWS's
// messages per protocol, while the account's own keys stay its root; a function calls as its execution
// role, so a permission missing from the role breaks the function where AWS would break it; and
// --iam-enforcement off lets every role do anything.

import { describe, expect, it } from 'vitest';
import { AttachRolePolicyCommand, CreateRoleCommand, DeleteRolePolicyCommand, IAMClient, ListRolesCommand, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { CreateTableCommand, DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { KinesisClient, ListStreamsCommand } from '@aws-sdk/client-kinesis';
import { CreateBucketCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { CreateFunctionCommand, InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { CreateDeliveryStreamCommand, DescribeDeliveryStreamCommand, FirehoseClient, PutRecordCommand } from '@aws-sdk/client-firehose';
import { CreateDatabaseCommand, CreateTableCommand as CreateGlueTableCommand, GetTableCommand, GetTablesCommand, GlueClient } from '@aws-sdk/client-glue';
import { AthenaClient, CreateWorkGroupCommand, GetQueryExecutionCommand, StartQueryExecutionCommand } from '@aws-sdk/client-athena';
import { useSandbox, type SandboxHandle } from './support.js';
import { labTable } from './lab-table.js';
import { zipFixture } from './lambda-zip.js';
import { trustPolicy, trustPolicyWithAccount } from './trust-policy.js';

const ACCOUNT = '000000000000';
const table = (name: string) => `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/${name}`;
const allow = (Action: string | string[], Resource: string | string[] = '*') => ({ Effect: 'Allow', Action, Resource });
const document = (...Statement: object[]) => JSON.stringify({ Version: '2012-10-17', Statement });

/** A role the account may assume, with `statements` inline (and `managed` attached), and a session's client config. */
async function sessionOf(sb: SandboxHandle, roleName: string, statements: object[], managed: string[] = []) {
  const iam = new IAMClient(sb.config());
  await iam.send(new CreateRoleCommand({ RoleName: roleName, AssumeRolePolicyDocument: trustPolicyWithAccount('lambda.amazonaws.com', ACCOUNT) }));
  if (statements.length) await iam.send(new PutRolePolicyCommand({ RoleName: roleName, PolicyName: 'inline', PolicyDocument: document(...statements) }));
  for (const PolicyArn of managed) await iam.send(new AttachRolePolicyCommand({ RoleName: roleName, PolicyArn }));
  const out = await new STSClient(sb.config()).send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${ACCOUNT}:role/${roleName}`, RoleSessionName: 'probe' }));
  const c = out.Credentials!;
  return { ...sb.config(), credentials: { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken! } };
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

const principal = (role: string) => `arn:aws:sts::${ACCOUNT}:assumed-role/${role}/probe`;

describe('role sessions held to their policies', () => {
  const sb = useSandbox();

  it('allows what the role allows and refuses the rest with AWS\'s message: missing allow, explicit deny', async () => {
    const dynamo = new DynamoDBClient(sb.config());
    for (const name of ['readings', 'secrets']) await dynamo.send(new CreateTableCommand(labTable(name)));
    const config = await sessionOf(sb, 'writer', [allow(['dynamodb:PutItem'], table('*')), { Effect: 'Deny', Action: 'dynamodb:*', Resource: table('secrets') }]);
    const session = new DynamoDBClient(config);
    const Item = { deviceid: { S: 'd1' }, timestamp: { S: '2026-12-03T10:00:00' } };
    await expect(session.send(new PutItemCommand({ TableName: 'readings', Item }))).resolves.toBeDefined();
    await expect(session.send(new GetItemCommand({ TableName: 'readings', Key: Item }))).rejects.toMatchObject({
      name: 'AccessDeniedException',
      $metadata: { httpStatusCode: 400 },
      message: `User: ${principal('writer')} is not authorized to perform: dynamodb:GetItem on resource: ${table('readings')} because no identity-based policy allows the dynamodb:GetItem action`,
    });
    await expect(session.send(new PutItemCommand({ TableName: 'secrets', Item }))).rejects.toMatchObject({
      name: 'AccessDeniedException',
      message: `User: ${principal('writer')} is not authorized to perform: dynamodb:PutItem on resource: ${table('secrets')} with an explicit deny in an identity-based policy`,
    });
    // The account's own keys are its root: nothing is refused them.
    await expect(dynamo.send(new GetItemCommand({ TableName: 'secrets', Key: Item }))).resolves.toBeDefined();
  });

  it('evaluates NotAction and wildcard resources, and answers in each protocol\'s shape', async () => {
    const config = await sessionOf(sb, 'not-iam', [{ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }, { Effect: 'Deny', Action: 'kinesis:*', NotResource: `arn:aws:kinesis:us-east-1:${ACCOUNT}:stream/lab-*` }]);
    await expect(new IAMClient(config).send(new ListRolesCommand({}))).rejects.toMatchObject({
      name: 'AccessDenied',
      $metadata: { httpStatusCode: 403 },
      message: `User: ${principal('not-iam')} is not authorized to perform: iam:ListRoles on resource: * because no identity-based policy allows the iam:ListRoles action`,
    });
    // ListStreams names no stream ("*"), which the NotResource does not exempt: denied explicitly.
    await expect(new KinesisClient(config).send(new ListStreamsCommand({}))).rejects.toMatchObject({ name: 'AccessDeniedException', message: expect.stringContaining('with an explicit deny') });
    await expect(new DynamoDBClient(config).send(new GetItemCommand({ TableName: 'readings', Key: { deviceid: { S: 'd1' }, timestamp: { S: 'x' } } }))).resolves.toBeDefined();
  });

  it('judges Glue calls on the catalog, the database and the table, as AWS names them', async () => {
    const glue = new GlueClient(sb.config());
    for (const Name of ['lake', 'other']) {
      await glue.send(new CreateDatabaseCommand({ DatabaseInput: { Name } }));
      await glue.send(new CreateGlueTableCommand({ DatabaseName: Name, TableInput: { Name: 'readings' } }));
    }
    const glueArn = (resource: string) => `arn:aws:glue:us-east-1:${ACCOUNT}:${resource}`;
    const config = await sessionOf(sb, 'lake-reader', [allow(['glue:GetTable', 'glue:GetTables'], [glueArn('catalog'), glueArn('database/lake'), glueArn('table/lake/*')])]);
    const session = new GlueClient(config);
    await expect(session.send(new GetTableCommand({ DatabaseName: 'Lake', Name: 'Readings' }))).resolves.toMatchObject({ Table: { Name: 'readings' } });
    await expect(session.send(new GetTablesCommand({ DatabaseName: 'lake' }))).resolves.toMatchObject({ TableList: [{ Name: 'readings' }] });
    await expect(session.send(new GetTableCommand({ DatabaseName: 'other', Name: 'readings' }))).rejects.toMatchObject({
      name: 'AccessDeniedException',
      message: `User: ${principal('lake-reader')} is not authorized to perform: glue:GetTable on resource: ${glueArn('database/other')} because no identity-based policy allows the glue:GetTable action`,
    });
  });

  it('judges Athena calls on the workgroup they run in, a query known by its id included', async () => {
    await new S3Client({ ...sb.config(), forcePathStyle: true }).send(new CreateBucketCommand({ Bucket: 'athena-results' }));
    await new AthenaClient(sb.config()).send(new CreateWorkGroupCommand({ Name: 'lab-wg', Configuration: { ResultConfiguration: { OutputLocation: 's3://athena-results/lab/' } } }));
    const workgroup = (name: string) => `arn:aws:athena:us-east-1:${ACCOUNT}:workgroup/${name}`;
    const session = new AthenaClient(await sessionOf(sb, 'lab-analyst', [allow('athena:*', workgroup('lab-wg'))]));
    const { QueryExecutionId } = await session.send(new StartQueryExecutionCommand({ QueryString: 'SELECT 1', WorkGroup: 'lab-wg' }));
    await expect(session.send(new GetQueryExecutionCommand({ QueryExecutionId }))).resolves.toMatchObject({ QueryExecution: { WorkGroup: 'lab-wg' } });
    await expect(session.send(new StartQueryExecutionCommand({ QueryString: 'SELECT 1', ResultConfiguration: { OutputLocation: 's3://athena-results/x/' } }))).rejects.toMatchObject({
      name: 'AccessDeniedException',
      message: `User: ${principal('lab-analyst')} is not authorized to perform: athena:StartQueryExecution on resource: ${workgroup('primary')} because no identity-based policy allows the athena:StartQueryExecution action`,
    });
  });

  it('applies the AWS managed policies\' real documents (AmazonS3ReadOnlyAccess), with S3\'s quoted resource', async () => {
    const s3 = new S3Client({ ...sb.config(), forcePathStyle: true });
    await s3.send(new CreateBucketCommand({ Bucket: 'lake' }));
    await s3.send(new PutObjectCommand({ Bucket: 'lake', Key: 'a.json', Body: '{}' }));
    const config = await sessionOf(sb, 'reader', [], ['arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess']);
    const session = new S3Client({ ...config, forcePathStyle: true });
    await expect((await session.send(new GetObjectCommand({ Bucket: 'lake', Key: 'a.json' }))).Body!.transformToString()).resolves.toBe('{}');
    await expect(session.send(new PutObjectCommand({ Bucket: 'lake', Key: 'b.json', Body: '{}' }))).rejects.toMatchObject({
      name: 'AccessDenied',
      $metadata: { httpStatusCode: 403 },
      message: `User: ${principal('reader')} is not authorized to perform: s3:PutObject on resource: "arn:aws:s3:::lake/b.json" because no identity-based policy allows the s3:PutObject action`,
    });
  });

  it('needs iam:PassRole to give a function its execution role, as AWS does', async () => {
    const iam = new IAMClient(sb.config());
    await iam.send(new CreateRoleCommand({ RoleName: 'passed-role', AssumeRolePolicyDocument: trustPolicy('lambda.amazonaws.com') }));
    const create = (config: object, FunctionName: string) =>
      new LambdaClient(config).send(new CreateFunctionCommand({ FunctionName, Runtime: 'python3.12', Handler: 'lambda_function.lambda_handler', Role: `arn:aws:iam::${ACCOUNT}:role/passed-role`, Code: { ZipFile: zipFixture('python') } }));
    const deployer = await sessionOf(sb, 'deployer', [allow('lambda:CreateFunction')]);
    await expect(create(deployer, 'not-passed')).rejects.toMatchObject({
      name: 'AccessDeniedException',
      $metadata: { httpStatusCode: 403 },
      message: `User: ${principal('deployer')} is not authorized to perform: iam:PassRole on resource: arn:aws:iam::${ACCOUNT}:role/passed-role because no identity-based policy allows the iam:PassRole action`,
    });
    const passer = await sessionOf(sb, 'passer', [allow('lambda:CreateFunction'), allow('iam:PassRole', `arn:aws:iam::${ACCOUNT}:role/passed-*`)]);
    await expect(create(passer, 'passed')).resolves.toMatchObject({ FunctionName: 'passed' });
  });

  it('runs a function as its execution role: a write the role does not allow fails inside the function, and works once allowed', async () => {
    const iam = new IAMClient(sb.config());
    await iam.send(new CreateRoleCommand({ RoleName: 'fn-role', AssumeRolePolicyDocument: trustPolicy('lambda.amazonaws.com') }));
    await iam.send(new PutRolePolicyCommand({ RoleName: 'fn-role', PolicyName: 'reads-only', PolicyDocument: document(allow('dynamodb:GetItem', table('readings'))) }));
    const lambda = new LambdaClient(sb.config());
    await lambda.send(
      new CreateFunctionCommand({ FunctionName: 'writer-fn', Runtime: 'python3.12', Handler: 'lambda_function.lambda_handler', Role: `arn:aws:iam::${ACCOUNT}:role/fn-role`, Code: { ZipFile: zipFixture('python') }, Environment: { Variables: { TABLE_NAME: 'readings' } }, Timeout: 10 }),
    );
    const put = () => lambda.send(new InvokeCommand({ FunctionName: 'writer-fn', Payload: Buffer.from(JSON.stringify({ action: 'put', deviceid: 'd2', timestamp: '2026-12-03T11:00:00', temperature: 20 })), LogType: 'Tail' }));
    const refused = await put();
    expect(refused.FunctionError).toBe('Unhandled');
    const error = JSON.parse(Buffer.from(refused.Payload!).toString()) as { errorType: string; errorMessage: string };
    expect(error.errorType).toBe('ClientError');
    expect(error.errorMessage).toContain(`(AccessDeniedException) when calling the PutItem operation: User: arn:aws:sts::${ACCOUNT}:assumed-role/fn-role/writer-fn is not authorized to perform: dynamodb:PutItem on resource: ${table('readings')}`);
    await iam.send(new PutRolePolicyCommand({ RoleName: 'fn-role', PolicyName: 'writes', PolicyDocument: document(allow('dynamodb:PutItem', table('readings'))) }));
    const stored = await put();
    expect(stored.FunctionError).toBeUndefined();
    expect(JSON.parse(Buffer.from(stored.Payload!).toString())).toEqual({ stored: 'd2' });
    await iam.send(new DeleteRolePolicyCommand({ RoleName: 'fn-role', PolicyName: 'writes' }));
    expect((await put()).FunctionError).toBe('Unhandled');
  }, 60_000);
});

describe('Firehose acts as its role', () => {
  const sb = useSandbox({ firehoseIntervalScale: 0.01 });

  it('refuses a role it cannot assume, and delivers only once the role may write the bucket, losing nothing', async () => {
    const iam = new IAMClient(sb.config());
    const s3 = new S3Client({ ...sb.config(), forcePathStyle: true });
    await s3.send(new CreateBucketCommand({ Bucket: 'delivery-lake' }));
    await iam.send(new CreateRoleCommand({ RoleName: 'not-for-firehose', AssumeRolePolicyDocument: trustPolicy('lambda.amazonaws.com') }));
    await iam.send(new CreateRoleCommand({ RoleName: 'delivery-role', AssumeRolePolicyDocument: trustPolicy('firehose.amazonaws.com') }));
    await iam.send(new PutRolePolicyCommand({ RoleName: 'delivery-role', PolicyName: 'list', PolicyDocument: document(allow('s3:ListBucket', 'arn:aws:s3:::delivery-lake')) }));
    const firehose = new FirehoseClient(sb.config());
    const create = (role: string) =>
      firehose.send(
        new CreateDeliveryStreamCommand({
          DeliveryStreamName: 'to-lake',
          ExtendedS3DestinationConfiguration: { RoleARN: `arn:aws:iam::${ACCOUNT}:role/${role}`, BucketARN: 'arn:aws:s3:::delivery-lake', BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 60 } },
        }),
      );
    await expect(create('not-for-firehose')).rejects.toMatchObject({
      name: 'InvalidArgumentException',
      message: `Firehose is unable to assume role arn:aws:iam::${ACCOUNT}:role/not-for-firehose. Please check the role provided.`,
    });
    await create('delivery-role');
    await waitFor(async () => (await firehose.send(new DescribeDeliveryStreamCommand({ DeliveryStreamName: 'to-lake' }))).DeliveryStreamDescription?.DeliveryStreamStatus === 'ACTIVE');
    await firehose.send(new PutRecordCommand({ DeliveryStreamName: 'to-lake', Record: { Data: Buffer.from('{"reading":1}') } }));
    // Its buffer interval (0.6 s here) passes twice: the role may not write, so nothing lands.
    await new Promise((r) => setTimeout(r, 1500));
    expect((await s3.send(new ListObjectsV2Command({ Bucket: 'delivery-lake' }))).KeyCount).toBe(0);
    await iam.send(new PutRolePolicyCommand({ RoleName: 'delivery-role', PolicyName: 'write', PolicyDocument: document(allow('s3:PutObject', 'arn:aws:s3:::delivery-lake/*')) }));
    await waitFor(async () => ((await s3.send(new ListObjectsV2Command({ Bucket: 'delivery-lake' }))).KeyCount ?? 0) > 0);
    const [object] = (await s3.send(new ListObjectsV2Command({ Bucket: 'delivery-lake' }))).Contents!;
    const body = await (await s3.send(new GetObjectCommand({ Bucket: 'delivery-lake', Key: object!.Key! }))).Body!.transformToString();
    // Delivered, or (past the retry window) kept as an error record with Firehose's S3 error code.
    expect(body.includes('{"reading":1}') || body.includes('"errorCode":"S3.AccessDenied"')).toBe(true);
  }, 30_000);
});

describe('--iam-enforcement off', () => {
  const sb = useSandbox({ iamEnforcement: false });

  it('lets a role session do anything, as the sandbox once did', async () => {
    const config = await sessionOf(sb, 'nothing-allowed', []);
    await expect(new KinesisClient(config).send(new ListStreamsCommand({}))).resolves.toMatchObject({ StreamNames: [] });
    await expect(new IAMClient(config).send(new ListRolesCommand({}))).resolves.toBeDefined();
  });
});
