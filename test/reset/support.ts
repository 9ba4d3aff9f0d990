// What the reset tests share: the binary with extra environment (another sandbox account), decoys that
// must survive a reset (the same kinds without the tag under another prefix), and an inventory of
// everything an account holds in a region, to compare before and after.

import { execFile } from 'node:child_process';
import { APIGatewayClient, CreateRestApiCommand, GetRestApisCommand } from '@aws-sdk/client-api-gateway';
import { CloudWatchLogsClient, CreateLogGroupCommand, DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { CreateTableCommand, DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { CreateDeliveryStreamCommand, FirehoseClient, ListDeliveryStreamsCommand } from '@aws-sdk/client-firehose';
import { CreateRoleCommand, IAMClient, ListRolesCommand, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import {
  AttachPolicyCommand,
  AttachThingPrincipalCommand,
  CreateKeysAndCertificateCommand,
  CreatePolicyCommand,
  CreateThingCommand,
  CreateTopicRuleCommand,
  IoTClient,
  ListCertificatesCommand,
  ListPoliciesCommand,
  ListThingsCommand,
  ListTopicRulesCommand,
} from '@aws-sdk/client-iot';
import { CreateStreamCommand, KinesisClient, ListStreamsCommand } from '@aws-sdk/client-kinesis';
import { CreateEventSourceMappingCommand, CreateFunctionCommand, LambdaClient, ListEventSourceMappingsCommand, ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { CreateBucketCommand, ListBucketsCommand, PutObjectCommand, S3Client, type BucketLocationConstraint } from '@aws-sdk/client-s3';
import { AthenaClient, CreateNamedQueryCommand, CreateWorkGroupCommand, ListNamedQueriesCommand, ListWorkGroupsCommand } from '@aws-sdk/client-athena';
import { CreateCrawlerCommand, CreateDatabaseCommand, CreateTableCommand as CreateGlueTableCommand, GetDatabasesCommand, GlueClient, ListCrawlersCommand } from '@aws-sdk/client-glue';
import { BIN, ROOT, type LabRun } from '../cli/support.js';
import { zipFiles } from '../../solutions/lib/zip.js';

export { assertBuilt } from '../cli/support.js';

export interface Account {
  endpoint: string;
  region?: string;
  accessKeyId?: string;
}

export function sdkConfig(a: Account) {
  return { endpoint: a.endpoint, region: a.region ?? 'us-east-1', credentials: { accessKeyId: a.accessKeyId ?? 'test', secretAccessKey: 'test' } };
}

/** `lab ARGS` in a child process, with its own home and (optionally) another sandbox account's key. */
export function lab(args: string[], home: string, endpoint: string, extra: Record<string, string> = {}, timeoutMs = 60_000): Promise<LabRun> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('LAB_') && !k.startsWith('AWS_')));
  const env = { ...clean, LAB_HOME: home, LAB_ENDPOINT: endpoint, NO_COLOR: '1', ...extra };
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: ROOT, env, timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

const trust = (service: string) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }] });
const HANDLER = 'def lambda_handler(event, context):\n    return None\n';

/** The same kinds the labs make, under prefix `other` and without the workshop tag: a reset must keep them all. */
export async function createDecoys(a: Account): Promise<void> {
  const config = sdkConfig(a);
  const region = config.region;
  const account = /^\d{12}$/.test(a.accessKeyId ?? '') ? a.accessKeyId! : '000000000000';
  const iam = new IAMClient(config);
  const iot = new IoTClient(config);
  const kinesis = new KinesisClient(config);
  const lambda = new LambdaClient(config);
  const s3 = new S3Client(config);
  try {
    const roleArn = async (name: string, service: string) => {
      const { Role } = await iam.send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: trust(service) }));
      await iam.send(new PutRolePolicyCommand({ RoleName: name, PolicyName: 'all', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }) }));
      return Role!.Arn!;
    };
    const ingestRole = await roleArn('other-ingest-role', 'lambda.amazonaws.com');
    const ruleRole = await roleArn('other-iot-rule-role', 'iot.amazonaws.com');
    const firehoseRole = await roleArn('other-firehose-role', 'firehose.amazonaws.com');

    await iot.send(new CreateThingCommand({ thingName: 'other-dev1' }));
    await iot.send(new CreatePolicyCommand({ policyName: 'other-device-policy', policyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iot:*', Resource: '*' }] }) }));
    const cert = await iot.send(new CreateKeysAndCertificateCommand({ setAsActive: true }));
    await iot.send(new AttachPolicyCommand({ policyName: 'other-device-policy', target: cert.certificateArn }));
    await iot.send(new AttachThingPrincipalCommand({ thingName: 'other-dev1', principal: cert.certificateArn }));

    await kinesis.send(new CreateStreamCommand({ StreamName: 'other-stream', ShardCount: 1 }));
    const streamArn = `arn:aws:kinesis:${region}:${account}:stream/other-stream`;
    await iot.send(
      new CreateTopicRuleCommand({
        ruleName: 'other_telemetry_to_stream',
        topicRulePayload: { sql: "SELECT * FROM 'other/telemetry/#'", awsIotSqlVersion: '2016-03-23', actions: [{ kinesis: { streamName: 'other-stream', partitionKey: '${topic(3)}', roleArn: ruleRole } }] },
      }),
    );
    await new DynamoDBClient(config).send(
      new CreateTableCommand({
        TableName: 'other-readings',
        AttributeDefinitions: [{ AttributeName: 'deviceid', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'deviceid', KeyType: 'HASH' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    await lambda.send(new CreateFunctionCommand({ FunctionName: 'other-ingest', Runtime: 'python3.12', Handler: 'lambda_function.lambda_handler', Role: ingestRole, Code: { ZipFile: zipFiles({ 'lambda_function.py': HANDLER }) } }));
    await lambda.send(new CreateEventSourceMappingCommand({ FunctionName: 'other-ingest', EventSourceArn: streamArn, StartingPosition: 'LATEST', Enabled: false }));
    await new CloudWatchLogsClient(config).send(new CreateLogGroupCommand({ logGroupName: '/aws/lambda/other-ingest' }));
    await new APIGatewayClient(config).send(new CreateRestApiCommand({ name: 'other-api' }));
    const bucket = `other-datalake-${account}`;
    await s3.send(new CreateBucketCommand({ Bucket: bucket, ...(region === 'us-east-1' ? {} : { CreateBucketConfiguration: { LocationConstraint: region as BucketLocationConstraint } }) }));
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'telemetry/2026/01/01/00/kept.json', Body: '{}' }));
    await new FirehoseClient(config).send(
      new CreateDeliveryStreamCommand({
        DeliveryStreamName: 'other-firehose',
        DeliveryStreamType: 'DirectPut',
        ExtendedS3DestinationConfiguration: { RoleARN: firehoseRole, BucketARN: `arn:aws:s3:::${bucket}` },
      }),
    );
  } finally {
    for (const c of [iam, iot, kinesis, lambda, s3]) c.destroy();
  }
}

/**
 * Lab 4's resources as its solution names them (its deploy needs the device's data in the lake, so
 * tests build them directly): a Glue database with a table, a crawler and its role, an Athena
 * workgroup and the saved query. Tagged like the solution's, or not (a decoy under another prefix).
 */
export async function createLab4(a: Account, prefix: string, tagged: boolean): Promise<void> {
  const config = sdkConfig(a);
  const tags = tagged ? { workshop: 'iot-pipeline-labs' } : undefined;
  const glue = new GlueClient(config);
  const athena = new AthenaClient(config);
  const iam = new IAMClient(config);
  try {
    const database = `${prefix.replace(/-/g, '_')}_datalake`;
    const { Role } = await iam.send(new CreateRoleCommand({ RoleName: `${prefix}-crawler-role`, AssumeRolePolicyDocument: trust('glue.amazonaws.com'), ...(tagged ? { Tags: [{ Key: 'workshop', Value: 'iot-pipeline-labs' }] } : {}) }));
    await glue.send(new CreateDatabaseCommand({ DatabaseInput: { Name: database }, ...(tags ? { Tags: tags } : {}) }));
    await glue.send(
      new CreateGlueTableCommand({
        DatabaseName: database,
        TableInput: { Name: 'telemetry', TableType: 'EXTERNAL_TABLE', StorageDescriptor: { Columns: [{ Name: 'device_name', Type: 'string' }], Location: `s3://${prefix}-datalake/telemetry/` } },
      }),
    );
    await glue.send(new CreateCrawlerCommand({ Name: `${prefix}-crawler`, Role: Role!.Arn, DatabaseName: database, Targets: { S3Targets: [{ Path: `s3://${prefix}-datalake/telemetry/` }] }, ...(tags ? { Tags: tags } : {}) }));
    await athena.send(
      new CreateWorkGroupCommand({ Name: `${prefix}-wg`, Configuration: { ResultConfiguration: { OutputLocation: `s3://${prefix}-datalake/athena-results/` } }, ...(tagged ? { Tags: [{ Key: 'workshop', Value: 'iot-pipeline-labs' }] } : {}) }),
    );
    await athena.send(new CreateNamedQueryCommand({ Name: `${prefix}-hourly-stats`, WorkGroup: `${prefix}-wg`, Database: database, QueryString: 'SELECT 1' }));
    // A saved query of the prefix in the primary workgroup too: found by its name.
    await athena.send(new CreateNamedQueryCommand({ Name: `${prefix}-hourly-stats`, WorkGroup: 'primary', Database: database, QueryString: 'SELECT 2' }));
  } finally {
    for (const c of [glue, athena, iam]) c.destroy();
  }
}

/** Every resource an account holds in a region, as `kind:name` (certificates by id, mappings by UUID). */
export async function inventory(a: Account): Promise<string[]> {
  const config = sdkConfig(a);
  const iot = new IoTClient(config);
  const s3 = new S3Client(config);
  const lambda = new LambdaClient(config);
  const glue = new GlueClient(config);
  const athena = new AthenaClient(config);
  const others = { glue, athena, apigw: new APIGatewayClient(config), firehose: new FirehoseClient(config), kinesis: new KinesisClient(config), dynamodb: new DynamoDBClient(config), logs: new CloudWatchLogsClient(config), iam: new IAMClient(config) };
  const items: string[] = [];
  const add = (kind: string, names: (string | undefined)[]) => items.push(...names.filter((n): n is string => !!n).map((n) => `${kind}:${n}`));
  try {
    add('iot-thing', (await iot.send(new ListThingsCommand({}))).things?.map((t) => t.thingName) ?? []);
    add('iot-policy', (await iot.send(new ListPoliciesCommand({}))).policies?.map((p) => p.policyName) ?? []);
    add('iot-rule', (await iot.send(new ListTopicRulesCommand({}))).rules?.map((r) => r.ruleName) ?? []);
    add('iot-certificate', (await iot.send(new ListCertificatesCommand({}))).certificates?.map((c) => c.certificateId) ?? []);
    add('lambda-function', (await lambda.send(new ListFunctionsCommand({}))).Functions?.map((f) => f.FunctionName) ?? []);
    add('lambda-event-source-mapping', (await lambda.send(new ListEventSourceMappingsCommand({}))).EventSourceMappings?.map((m) => m.UUID) ?? []);
    add('apigateway-rest-api', (await others.apigw.send(new GetRestApisCommand({}))).items?.map((i) => i.name) ?? []);
    add('firehose-delivery-stream', (await others.firehose.send(new ListDeliveryStreamsCommand({}))).DeliveryStreamNames ?? []);
    add('s3-bucket', ((await s3.send(new ListBucketsCommand({}))).Buckets ?? []).filter((b) => (b.BucketRegion ?? 'us-east-1') === config.region).map((b) => b.Name));
    add('kinesis-stream', (await others.kinesis.send(new ListStreamsCommand({}))).StreamNames ?? []);
    add('dynamodb-table', (await others.dynamodb.send(new ListTablesCommand({}))).TableNames ?? []);
    add('logs-log-group', (await others.logs.send(new DescribeLogGroupsCommand({}))).logGroups?.map((g) => g.logGroupName) ?? []);
    add('iam-role', (await others.iam.send(new ListRolesCommand({}))).Roles?.map((r) => r.RoleName) ?? []);
    add('glue-database', (await glue.send(new GetDatabasesCommand({}))).DatabaseList?.map((d) => d.Name) ?? []);
    add('glue-crawler', (await glue.send(new ListCrawlersCommand({}))).CrawlerNames ?? []);
    const workgroups = (await athena.send(new ListWorkGroupsCommand({}))).WorkGroups?.map((w) => w.Name!) ?? [];
    add('athena-workgroup', workgroups);
    for (const WorkGroup of workgroups) add('athena-named-query', (await athena.send(new ListNamedQueriesCommand({ WorkGroup }))).NamedQueryIds ?? []);
  } finally {
    for (const c of [iot, s3, lambda, ...Object.values(others)]) c.destroy();
  }
  return items.sort();
}
