// Lambda event source mappings for Kinesis over the wire with SDK v3 clients at default settings: the
// operations and their errors, the workshop's Python ingest handler fed by a mapping, per-shard order,
// a failing batch blocking its shard until the function is fixed, MaximumRetryAttempts, bisection,
// ReportBatchItemFailures, LastProcessingResult, and the mapping's reads in the stream's metrics.

import { beforeAll, describe, expect, it } from 'vitest';
import {
  CreateEventSourceMappingCommand,
  CreateFunctionCommand,
  DeleteEventSourceMappingCommand,
  GetEventSourceMappingCommand,
  LambdaClient,
  ListEventSourceMappingsCommand,
  UpdateEventSourceMappingCommand,
  UpdateFunctionCodeCommand,
  waitUntilFunctionActiveV2,
  waitUntilFunctionUpdatedV2,
  type CreateEventSourceMappingCommandInput,
} from '@aws-sdk/client-lambda';
import { AttachRolePolicyCommand, CreateRoleCommand, DetachRolePolicyCommand, IAMClient } from '@aws-sdk/client-iam';
import { CreateStreamCommand, DescribeStreamSummaryCommand, KinesisClient, PutRecordCommand, PutRecordsCommand, waitUntilStreamExists } from '@aws-sdk/client-kinesis';
import { CreateTableCommand, DynamoDBClient, GetItemCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { CloudWatchClient, GetMetricStatisticsCommand } from '@aws-sdk/client-cloudwatch';
import { useSandbox } from './support.js';
import { labTable } from './lab-table.js';
import { zipFixture } from './lambda-zip.js';
import { trustPolicy } from './trust-policy.js';

const trustLambda = trustPolicy('lambda.amazonaws.com');
const KINESIS_EXECUTION = 'arn:aws:iam::aws:policy/service-role/AWSLambdaKinesisExecutionRole';

const reading = (device: string, i: number) => ({ DEVICE_NAME: device, TIMESTAMP: `2026-11-28T10:${String(Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`, HUMIDITY: 40 + (i % 10), TEMPERATURE: 20 + (i % 7) });
const bytes = (value: unknown) => Buffer.from(JSON.stringify(value));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

async function caught(promise: Promise<unknown>): Promise<{ name: string; message: string; status?: number }> {
  try {
    await promise;
  } catch (err) {
    const e = err as { name: string; message: string; $metadata?: { httpStatusCode?: number } };
    return { name: e.name, message: e.message, status: e.$metadata?.httpStatusCode };
  }
  throw new Error('expected the call to fail');
}

describe('Lambda event source mappings for Kinesis', () => {
  const sb = useSandbox();
  let lambda: LambdaClient;
  let kinesis: KinesisClient;
  let dynamo: DynamoDBClient;
  let cloudwatch: CloudWatchClient;
  let readerRole: string;
  let bareRole: string;
  const arnOf = (stream: string) => `arn:aws:kinesis:us-east-1:000000000000:stream/${stream}`;

  async function createStream(name: string, shards: number) {
    await kinesis.send(new CreateStreamCommand({ StreamName: name, ShardCount: shards }));
    await waitUntilStreamExists({ client: kinesis, maxWaitTime: 30 }, { StreamName: name });
  }
  async function createTable(name: string) {
    await dynamo.send(new CreateTableCommand(labTable(name)));
  }
  async function createFunction(name: string, fixture: string, table: string, extra: Record<string, string> = {}, role = readerRole) {
    const python = fixture.startsWith('python');
    await lambda.send(
      new CreateFunctionCommand({
        FunctionName: name,
        Runtime: python ? 'python3.12' : 'nodejs22.x',
        Handler: python ? 'lambda_function.lambda_handler' : 'index.handler',
        Role: role,
        Code: { ZipFile: zipFixture(fixture, extra) },
        Environment: { Variables: { TABLE_NAME: table } },
        Timeout: 30,
      }),
    );
    await waitUntilFunctionActiveV2({ client: lambda, maxWaitTime: 30 }, { FunctionName: name });
  }
  async function scanDevices(table: string): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    let start: Record<string, never> | undefined;
    do {
      const out = await dynamo.send(new ScanCommand({ TableName: table, ExclusiveStartKey: start }));
      items.push(...(out.Items ?? []).filter((i) => !i.deviceid.S!.startsWith('__')));
      start = out.LastEvaluatedKey as Record<string, never> | undefined;
    } while (start);
    return items;
  }
  async function evidence(table: string) {
    const count = (await dynamo.send(new GetItemCommand({ TableName: table, Key: { deviceid: { S: '__count' }, timestamp: { S: 'all' } } }))).Item;
    return { invocations: Number(count?.invocations?.N ?? 0), records: Number(count?.records?.N ?? 0) };
  }
  async function order(table: string, shardId: string): Promise<string[]> {
    const item = (await dynamo.send(new GetItemCommand({ TableName: table, Key: { deviceid: { S: '__order' }, timestamp: { S: shardId } } }))).Item;
    return (item?.seqs?.L ?? []).map((v) => v.S!);
  }
  async function metricSum(namespace: string, name: string, dimensions: Record<string, string>): Promise<number> {
    const out = await cloudwatch.send(
      new GetMetricStatisticsCommand({
        Namespace: namespace,
        MetricName: name,
        Dimensions: Object.entries(dimensions).map(([Name, Value]) => ({ Name, Value })),
        StartTime: new Date(Date.now() - 3600_000),
        EndTime: new Date(Date.now() + 60_000),
        Period: 60,
        Statistics: ['Sum'],
      }),
    );
    return (out.Datapoints ?? []).reduce((n, d) => n + (d.Sum ?? 0), 0);
  }
  const map = (input: Partial<CreateEventSourceMappingCommandInput> & { FunctionName: string; EventSourceArn: string }) =>
    lambda.send(new CreateEventSourceMappingCommand({ StartingPosition: 'LATEST', ...input }));

  beforeAll(async () => {
    lambda = new LambdaClient(sb.config());
    kinesis = new KinesisClient(sb.config());
    dynamo = new DynamoDBClient(sb.config());
    cloudwatch = new CloudWatchClient(sb.config());
    const iam = new IAMClient(sb.config());
    readerRole = (await iam.send(new CreateRoleCommand({ RoleName: 'ingest-role', AssumeRolePolicyDocument: trustLambda }))).Role!.Arn!;
    await iam.send(new AttachRolePolicyCommand({ RoleName: 'ingest-role', PolicyArn: KINESIS_EXECUTION }));
    // The functions write their items as the role.
    await iam.send(new AttachRolePolicyCommand({ RoleName: 'ingest-role', PolicyArn: 'arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess' }));
    bareRole = (await iam.send(new CreateRoleCommand({ RoleName: 'bare-role', AssumeRolePolicyDocument: trustLambda }))).Role!.Arn!;
    await createTable('readings');
    await createStream('api-stream', 1);
    await createFunction('api-fn', 'node-kinesis-ingest', 'readings');
  }, 60_000);

  describe('operations', () => {
    it('creates a mapping as Lambda describes it: Creating, then Enabled', async () => {
      const created = await map({ FunctionName: 'api-fn', EventSourceArn: arnOf('api-stream'), StartingPosition: 'TRIM_HORIZON' });
      expect(created.$metadata.httpStatusCode).toBe(202);
      expect(created).toMatchObject({
        State: 'Creating',
        StateTransitionReason: 'User action',
        LastProcessingResult: 'No records processed',
        BatchSize: 100,
        MaximumBatchingWindowInSeconds: 0,
        ParallelizationFactor: 1,
        MaximumRetryAttempts: -1,
        MaximumRecordAgeInSeconds: -1,
        BisectBatchOnFunctionError: false,
        TumblingWindowInSeconds: 0,
        FunctionResponseTypes: [],
        StartingPosition: 'TRIM_HORIZON',
        EventSourceArn: arnOf('api-stream'),
        FunctionArn: 'arn:aws:lambda:us-east-1:000000000000:function:api-fn',
        DestinationConfig: { OnFailure: {} },
      });
      expect(created.UUID).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(created.EventSourceMappingArn).toBe(`arn:aws:lambda:us-east-1:000000000000:event-source-mapping:${created.UUID}`);
      expect(created.LastModified).toBeInstanceOf(Date);
      expect(Math.abs(created.LastModified!.getTime() - Date.now())).toBeLessThan(10_000);
      const got = await lambda.send(new GetEventSourceMappingCommand({ UUID: created.UUID }));
      expect(got.State).toBe('Enabled');

      const duplicate = await caught(map({ FunctionName: 'api-fn', EventSourceArn: arnOf('api-stream') }));
      expect(duplicate.name).toBe('ResourceConflictException');
      expect(duplicate.message).toBe(
        `The event source arn (" ${arnOf('api-stream')} ") and function (" api-fn ") provided mapping already exists. Please update or delete the existing mapping with UUID ${created.UUID}`,
      );

      const updated = await lambda.send(new UpdateEventSourceMappingCommand({ UUID: created.UUID, BatchSize: 7, MaximumBatchingWindowInSeconds: 1, MaximumRetryAttempts: 3, BisectBatchOnFunctionError: true, FunctionResponseTypes: ['ReportBatchItemFailures'] }));
      expect(updated.$metadata.httpStatusCode).toBe(202);
      expect(updated).toMatchObject({ State: 'Updating', BatchSize: 7, MaximumBatchingWindowInSeconds: 1, MaximumRetryAttempts: 3, BisectBatchOnFunctionError: true, FunctionResponseTypes: ['ReportBatchItemFailures'] });
      expect((await lambda.send(new GetEventSourceMappingCommand({ UUID: created.UUID }))).State).toBe('Enabled');

      const disabled = await lambda.send(new UpdateEventSourceMappingCommand({ UUID: created.UUID, Enabled: false }));
      expect(disabled.State).toBe('Disabling');
      expect((await lambda.send(new GetEventSourceMappingCommand({ UUID: created.UUID }))).State).toBe('Disabled');
      expect((await lambda.send(new UpdateEventSourceMappingCommand({ UUID: created.UUID, Enabled: true }))).State).toBe('Enabling');
      expect((await lambda.send(new GetEventSourceMappingCommand({ UUID: created.UUID }))).State).toBe('Enabled');

      const deleted = await lambda.send(new DeleteEventSourceMappingCommand({ UUID: created.UUID }));
      expect(deleted.$metadata.httpStatusCode).toBe(202);
      expect(deleted.State).toBe('Deleting');
      const gone = await caught(lambda.send(new GetEventSourceMappingCommand({ UUID: created.UUID })));
      expect(gone).toEqual({ name: 'ResourceNotFoundException', message: 'The resource you requested does not exist.', status: 404 });
      expect((await caught(lambda.send(new DeleteEventSourceMappingCommand({ UUID: created.UUID })))).name).toBe('ResourceNotFoundException');
    });

    it('lists mappings by event source and function, in pages', async () => {
      await createStream('list-a', 1);
      await createStream('list-b', 1);
      await createFunction('list-fn', 'node-kinesis-ingest', 'readings');
      const a = await map({ FunctionName: 'list-fn', EventSourceArn: arnOf('list-a') });
      const b = await map({ FunctionName: 'arn:aws:lambda:us-east-1:000000000000:function:list-fn', EventSourceArn: arnOf('list-b'), Enabled: false });
      expect(b.State).toBe('Creating');
      expect((await lambda.send(new GetEventSourceMappingCommand({ UUID: b.UUID }))).State).toBe('Disabled');
      const byFunction = await lambda.send(new ListEventSourceMappingsCommand({ FunctionName: 'list-fn' }));
      expect(byFunction.EventSourceMappings!.map((m) => m.UUID).sort()).toEqual([a.UUID, b.UUID].sort());
      const bySource = await lambda.send(new ListEventSourceMappingsCommand({ EventSourceArn: arnOf('list-b') }));
      expect(bySource.EventSourceMappings!.map((m) => m.UUID)).toEqual([b.UUID]);
      const both = await lambda.send(new ListEventSourceMappingsCommand({ EventSourceArn: arnOf('list-a'), FunctionName: 'list-fn' }));
      expect(both.EventSourceMappings!.map((m) => m.UUID)).toEqual([a.UUID]);
      const first = await lambda.send(new ListEventSourceMappingsCommand({ FunctionName: 'list-fn', MaxItems: 1 }));
      expect(first.EventSourceMappings).toHaveLength(1);
      expect(first.NextMarker).toBeTruthy();
      const second = await lambda.send(new ListEventSourceMappingsCommand({ FunctionName: 'list-fn', MaxItems: 1, Marker: first.NextMarker }));
      expect(second.EventSourceMappings).toHaveLength(1);
      expect(second.NextMarker).toBeUndefined();
      expect(new Set([first.EventSourceMappings![0].UUID, second.EventSourceMappings![0].UUID]).size).toBe(2);
      for (const m of [a, b]) await lambda.send(new DeleteEventSourceMappingCommand({ UUID: m.UUID }));
      expect((await lambda.send(new ListEventSourceMappingsCommand({ FunctionName: 'list-fn' }))).EventSourceMappings).toEqual([]);
    });

    it('refuses what AWS refuses', async () => {
      const missing = await caught(map({ FunctionName: 'api-fn', EventSourceArn: arnOf('no-such-stream') }));
      expect(missing).toEqual({ name: 'InvalidParameterValueException', message: `Stream not found: ${arnOf('no-such-stream')}`, status: 400 });

      await createFunction('bare-fn', 'node-kinesis-ingest', 'readings', {}, bareRole);
      const denied = await caught(map({ FunctionName: 'bare-fn', EventSourceArn: arnOf('api-stream') }));
      expect(denied).toEqual({
        name: 'InvalidParameterValueException',
        message: `Cannot access stream ${arnOf('api-stream')}. Please ensure the role can perform the GetRecords, GetShardIterator, DescribeStream, ListShards, and ListStreams Actions on your stream in IAM.`,
        status: 400,
      });

      const noPosition = await caught(lambda.send(new CreateEventSourceMappingCommand({ FunctionName: 'api-fn', EventSourceArn: arnOf('api-stream') })));
      expect(noPosition.name).toBe('InvalidParameterValueException');
      expect(noPosition.message).toBe("1 validation error detected: Value null at 'startingPosition' failed to satisfy constraint: Member must not be null.");

      const badPosition = await caught(map({ FunctionName: 'api-fn', EventSourceArn: arnOf('api-stream'), StartingPosition: 'NOW' as 'LATEST' }));
      expect(badPosition.name).toBe('ValidationException');
      expect(badPosition.message).toBe("1 validation error detected: Value 'NOW' at 'startingPosition' failed to satisfy constraint: Member must satisfy enum value set: [TRIM_HORIZON, LATEST, AT_TIMESTAMP]");

      const timestampWithLatest = await caught(map({ FunctionName: 'api-fn', EventSourceArn: arnOf('api-stream'), StartingPositionTimestamp: new Date() }));
      expect(timestampWithLatest.message).toBe('Timestamp only valid with StartingPosition AT_TIMESTAMP');

      const tooBig = await caught(map({ FunctionName: 'api-fn', EventSourceArn: arnOf('api-stream'), BatchSize: 10_001 }));
      expect(tooBig.name).toBe('ValidationException');
      expect(tooBig.message).toContain("at 'batchSize' failed to satisfy constraint: Member must have value less than or equal to 10000");

      const noFunction = await caught(map({ FunctionName: 'no-such-fn', EventSourceArn: arnOf('api-stream') }));
      expect(noFunction).toEqual({ name: 'ResourceNotFoundException', message: 'Function not found: arn:aws:lambda:us-east-1:000000000000:function:no-such-fn', status: 404 });

      const unknown = await caught(lambda.send(new UpdateEventSourceMappingCommand({ UUID: '00000000-0000-0000-0000-000000000000', BatchSize: 5 })));
      expect(unknown).toEqual({ name: 'ResourceNotFoundException', message: 'The resource you requested does not exist.', status: 404 });
    });
  });

  it('feeds the workshop Python handler: every record of both shards becomes an item; reads count in GetRecords metrics', async () => {
    await createStream('workshop', 2);
    await createTable('workshop-data');
    await createFunction('workshop-ingest', 'python-kinesis-ingest', 'workshop-data');
    const mapping = await map({ FunctionName: 'workshop-ingest', EventSourceArn: arnOf('workshop') });
    const sent = Array.from({ length: 200 }, (_, i) => reading(`dev${i % 8}`, i));
    const shards = new Set<string>();
    for (let i = 0; i < sent.length; i += 50) {
      const out = await kinesis.send(new PutRecordsCommand({ StreamName: 'workshop', Records: sent.slice(i, i + 50).map((r) => ({ Data: bytes(r), PartitionKey: r.DEVICE_NAME })) }));
      expect(out.FailedRecordCount).toBe(0);
      for (const r of out.Records!) shards.add(r.ShardId!);
    }
    expect(shards.size).toBe(2);
    const items = await until('200 items', async () => {
      const found = await scanDevices('workshop-data');
      return found.length >= 200 && found;
    }, 60_000);
    expect(items).toHaveLength(200);
    const byKey = new Map(items.map((i) => [`${(i.deviceid as { S: string }).S}/${(i.timestamp as { S: string }).S}`, i]));
    for (const r of sent) {
      expect(byKey.get(`${r.DEVICE_NAME}/${r.TIMESTAMP}`)).toEqual({ deviceid: { S: r.DEVICE_NAME }, timestamp: { S: r.TIMESTAMP }, humidity: { N: String(r.HUMIDITY) }, temperature: { N: String(r.TEMPERATURE) } });
    }
    expect((await lambda.send(new GetEventSourceMappingCommand({ UUID: mapping.UUID }))).LastProcessingResult).toBe('OK');
    expect(await metricSum('AWS/Kinesis', 'GetRecords.Records', { StreamName: 'workshop' })).toBeGreaterThanOrEqual(200);
    expect(await metricSum('AWS/Kinesis', 'GetRecords.Success', { StreamName: 'workshop' })).toBeGreaterThan(0);
    expect(await metricSum('AWS/Lambda', 'Invocations', { FunctionName: 'workshop-ingest' })).toBeGreaterThanOrEqual(2);
    const ages = await cloudwatch.send(
      new GetMetricStatisticsCommand({ Namespace: 'AWS/Lambda', MetricName: 'IteratorAge', Dimensions: [{ Name: 'FunctionName', Value: 'workshop-ingest' }], StartTime: new Date(Date.now() - 3600_000), EndTime: new Date(Date.now() + 60_000), Period: 60, Statistics: ['SampleCount', 'Maximum'] }),
    );
    expect(ages.Datapoints!.reduce((n, d) => n + d.SampleCount!, 0)).toBeGreaterThanOrEqual(2);
  }, 90_000);

  it('reads the stream as the function role on every poll: a revoked read stops the mapping with a PROBLEM, restoring it resumes', async () => {
    const iam = new IAMClient(sb.config());
    const role = (await iam.send(new CreateRoleCommand({ RoleName: 'revocable-role', AssumeRolePolicyDocument: trustLambda }))).Role!.Arn!;
    for (const PolicyArn of [KINESIS_EXECUTION, 'arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess']) await iam.send(new AttachRolePolicyCommand({ RoleName: 'revocable-role', PolicyArn }));
    await createStream('revocable', 1);
    await createTable('revocable-items');
    await createFunction('revocable-fn', 'node-kinesis-ingest', 'revocable-items', {}, role);
    const { UUID } = await map({ FunctionName: 'revocable-fn', EventSourceArn: arnOf('revocable'), StartingPosition: 'TRIM_HORIZON' });
    const put = (i: number) => kinesis.send(new PutRecordCommand({ StreamName: 'revocable', Data: bytes(reading('revocable', i)), PartitionKey: 'p' }));
    await put(0);
    await until('the first item', async () => (await scanDevices('revocable-items')).length === 1);
    await iam.send(new DetachRolePolicyCommand({ RoleName: 'revocable-role', PolicyArn: KINESIS_EXECUTION }));
    await put(1);
    const problem = await until('the mapping to report it cannot read', async () => {
      const result = (await lambda.send(new GetEventSourceMappingCommand({ UUID }))).LastProcessingResult ?? '';
      return result.startsWith('PROBLEM: ') && result;
    });
    expect(problem).toBe(`PROBLEM: Cannot access stream ${arnOf('revocable')}. Please ensure the role can perform the GetRecords, GetShardIterator, DescribeStream, ListShards, and ListStreams Actions on your stream in IAM.`);
    expect(await scanDevices('revocable-items')).toHaveLength(1);
    await iam.send(new AttachRolePolicyCommand({ RoleName: 'revocable-role', PolicyArn: KINESIS_EXECUTION }));
    await until('the held-back item', async () => (await scanDevices('revocable-items')).length === 2);
    await until('the mapping to report OK', async () => (await lambda.send(new GetEventSourceMappingCommand({ UUID }))).LastProcessingResult === 'OK');
  });

  it('delivers each shard in order, in batches of BatchSize, soon after PutRecord', async () => {
    await createStream('ordered', 2);
    await createTable('ordered-data');
    await createFunction('ordered-ingest', 'node-kinesis-ingest', 'ordered-data');
    await map({ FunctionName: 'ordered-ingest', EventSourceArn: arnOf('ordered'), BatchSize: 7 });
    const expected = new Map<string, string[]>();
    const started = Date.now();
    const first = await kinesis.send(new PutRecordCommand({ StreamName: 'ordered', Data: bytes(reading('first', 0)), PartitionKey: 'first' }));
    expected.set(first.ShardId!, [first.SequenceNumber!]);
    await until('the first item', async () => (await dynamo.send(new GetItemCommand({ TableName: 'ordered-data', Key: { deviceid: { S: 'first' }, timestamp: { S: reading('first', 0).TIMESTAMP } } }))).Item);
    // Cold start of the function included: still well under the Lambda poll interval AWS documents (1 s).
    expect(Date.now() - started).toBeLessThan(5000);
    const warm = Date.now();
    const second = await kinesis.send(new PutRecordCommand({ StreamName: 'ordered', Data: bytes(reading('second', 0)), PartitionKey: 'first' }));
    expected.get(second.ShardId!)!.push(second.SequenceNumber!);
    await until('the second item', async () => (await dynamo.send(new GetItemCommand({ TableName: 'ordered-data', Key: { deviceid: { S: 'second' }, timestamp: { S: reading('second', 0).TIMESTAMP } } }))).Item);
    expect(Date.now() - warm).toBeLessThan(1000);
    for (let i = 0; i < 60; i++) {
      const r = reading(`dev${i % 5}`, i);
      const out = await kinesis.send(new PutRecordCommand({ StreamName: 'ordered', Data: bytes(r), PartitionKey: `key-${i % 5}` }));
      expected.set(out.ShardId!, [...(expected.get(out.ShardId!) ?? []), out.SequenceNumber!]);
    }
    expect(expected.size).toBe(2);
    await until('62 records ingested', async () => (await evidence('ordered-data')).records >= 62);
    for (const [shardId, seqs] of expected) expect(await order('ordered-data', shardId)).toEqual(seqs);
    const { invocations, records } = await evidence('ordered-data');
    expect(records).toBe(62);
    // No batch holds more than 7 records: at least ceil(per-shard / 7) invocations per shard.
    const minimum = [...expected.values()].reduce((n, s) => n + Math.ceil(s.length / 7), 0);
    expect(invocations).toBeGreaterThanOrEqual(minimum);
  }, 60_000);

  it('blocks a shard on a failing batch, retries it, and continues once the function is fixed', async () => {
    await createStream('blocking', 1);
    await createTable('blocking-data');
    await createFunction('blocking-ingest', 'node-kinesis-ingest', 'blocking-data', { 'settings.json': JSON.stringify({ failDevice: 'poison' }) });
    const mapping = await map({ FunctionName: 'blocking-ingest', EventSourceArn: arnOf('blocking') });
    await kinesis.send(new PutRecordsCommand({ StreamName: 'blocking', Records: [reading('a', 1), reading('poison', 2), reading('b', 3)].map((r) => ({ Data: bytes(r), PartitionKey: 'k' })) }));
    await until('failed invocations', async () => (await metricSum('AWS/Lambda', 'Errors', { FunctionName: 'blocking-ingest' })) >= 3);
    await kinesis.send(new PutRecordCommand({ StreamName: 'blocking', Data: bytes(reading('c', 4)), PartitionKey: 'k' }));
    await sleep(500);
    expect(await scanDevices('blocking-data')).toEqual([]);
    expect((await lambda.send(new GetEventSourceMappingCommand({ UUID: mapping.UUID }))).LastProcessingResult).toBe('PROBLEM: Function call failed');

    await lambda.send(new UpdateFunctionCodeCommand({ FunctionName: 'blocking-ingest', ZipFile: zipFixture('node-kinesis-ingest') }));
    await waitUntilFunctionUpdatedV2({ client: lambda, maxWaitTime: 30 }, { FunctionName: 'blocking-ingest' });
    const items = await until('all four items', async () => {
      const found = await scanDevices('blocking-data');
      return found.length >= 4 && found;
    });
    expect(items.map((i) => (i.deviceid as { S: string }).S).sort()).toEqual(['a', 'b', 'c', 'poison']);
    expect((await lambda.send(new GetEventSourceMappingCommand({ UUID: mapping.UUID }))).LastProcessingResult).toBe('OK');
  }, 60_000);

  it('skips a batch after MaximumRetryAttempts retries', async () => {
    await createStream('skipping', 1);
    await createTable('skipping-data');
    await createFunction('skipping-ingest', 'node-kinesis-ingest', 'skipping-data', { 'settings.json': JSON.stringify({ failDevice: 'poison' }) });
    await map({ FunctionName: 'skipping-ingest', EventSourceArn: arnOf('skipping'), MaximumRetryAttempts: 2, BatchSize: 1 });
    await kinesis.send(new PutRecordCommand({ StreamName: 'skipping', Data: bytes(reading('poison', 1)), PartitionKey: 'k' }));
    await kinesis.send(new PutRecordCommand({ StreamName: 'skipping', Data: bytes(reading('good', 2)), PartitionKey: 'k' }));
    const items = await until('the good item', async () => {
      const found = await scanDevices('skipping-data');
      return found.length > 0 && found;
    });
    expect(items.map((i) => (i.deviceid as { S: string }).S)).toEqual(['good']);
    // One call and two retries for the poison record, then one for the good one.
    // (The metrics land as the invocation ends, just after the item was written.)
    await until('four invocations', async () => (await metricSum('AWS/Lambda', 'Invocations', { FunctionName: 'skipping-ingest' })) >= 4);
    await sleep(300);
    expect(await metricSum('AWS/Lambda', 'Invocations', { FunctionName: 'skipping-ingest' })).toBe(4);
    expect(await metricSum('AWS/Lambda', 'Errors', { FunctionName: 'skipping-ingest' })).toBe(3);
  }, 60_000);

  it('bisects a failing batch to isolate the bad record', async () => {
    await createStream('bisecting', 1);
    await createTable('bisecting-data');
    await createFunction('bisecting-ingest', 'node-kinesis-ingest', 'bisecting-data', { 'settings.json': JSON.stringify({ failDevice: 'poison' }) });
    await map({ FunctionName: 'bisecting-ingest', EventSourceArn: arnOf('bisecting'), MaximumRetryAttempts: 0, BisectBatchOnFunctionError: true });
    const devices = ['d0', 'd1', 'd2', 'd3', 'd4', 'poison', 'd6', 'd7'];
    await kinesis.send(new PutRecordsCommand({ StreamName: 'bisecting', Records: devices.map((d, i) => ({ Data: bytes(reading(d, i)), PartitionKey: 'k' })) }));
    await until('seven items', async () => (await scanDevices('bisecting-data')).length >= 7);
    await sleep(300);
    expect((await scanDevices('bisecting-data')).map((i) => (i.deviceid as { S: string }).S).sort()).toEqual(devices.filter((d) => d !== 'poison'));
  }, 60_000);

  it('checkpoints up to the first reported item failure and retries from it', async () => {
    await createStream('reporting', 1);
    await createTable('reporting-data');
    await createFunction('reporting-ingest', 'node-kinesis-ingest', 'reporting-data', { 'settings.json': JSON.stringify({ failDevice: 'poison', reportFailures: true }) });
    const mapping = await map({ FunctionName: 'reporting-ingest', EventSourceArn: arnOf('reporting'), FunctionResponseTypes: ['ReportBatchItemFailures'] });
    const put = await kinesis.send(
      new PutRecordsCommand({ StreamName: 'reporting', Records: ['a1', 'a2', 'poison', 'b1', 'b2'].map((d, i) => ({ Data: bytes(reading(d, i)), PartitionKey: 'k' })) }),
    );
    const seqs = put.Records!.map((r) => r.SequenceNumber!);
    const shardId = put.Records![0].ShardId!;
    await until('retries from the failed item', async () => (await evidence('reporting-data')).invocations >= 3);
    expect(await order('reporting-data', shardId)).toEqual(seqs.slice(0, 2));
    expect((await scanDevices('reporting-data')).map((i) => (i.deviceid as { S: string }).S).sort()).toEqual(['a1', 'a2']);
    // A function that reports failures still ran: AWS shows OK.
    expect((await lambda.send(new GetEventSourceMappingCommand({ UUID: mapping.UUID }))).LastProcessingResult).toBe('OK');

    await lambda.send(new UpdateFunctionCodeCommand({ FunctionName: 'reporting-ingest', ZipFile: zipFixture('node-kinesis-ingest') }));
    await until('the rest of the batch', async () => (await order('reporting-data', shardId)).length >= 5);
    expect(await order('reporting-data', shardId)).toEqual(seqs);
  }, 60_000);
});

describe('Lambda event source mapping states with a provisioning delay', () => {
  const sb = useSandbox({ provisioningDelayMs: 400 });

  it('is Creating, then Enabled; refuses changes in between; Deleting, then gone', async () => {
    const lambda = new LambdaClient(sb.config());
    const kinesis = new KinesisClient(sb.config());
    const iam = new IAMClient(sb.config());
    const role = (await iam.send(new CreateRoleCommand({ RoleName: 'delay-role', AssumeRolePolicyDocument: trustLambda }))).Role!.Arn!;
    await iam.send(new AttachRolePolicyCommand({ RoleName: 'delay-role', PolicyArn: KINESIS_EXECUTION }));
    await kinesis.send(new CreateStreamCommand({ StreamName: 'delayed', ShardCount: 1 }));
    // (The SDK waiter's first retry comes after 10 s; the stream is ACTIVE after the 400 ms delay.)
    await until('ACTIVE', async () => (await kinesis.send(new DescribeStreamSummaryCommand({ StreamName: 'delayed' }))).StreamDescriptionSummary!.StreamStatus === 'ACTIVE');
    await lambda.send(new CreateFunctionCommand({ FunctionName: 'delay-fn', Runtime: 'nodejs22.x', Handler: 'index.handler', Role: role, Code: { ZipFile: zipFixture('node-kinesis-ingest') } }));
    const created = await lambda.send(
      new CreateEventSourceMappingCommand({ FunctionName: 'delay-fn', EventSourceArn: 'arn:aws:kinesis:us-east-1:000000000000:stream/delayed', StartingPosition: 'AT_TIMESTAMP', StartingPositionTimestamp: new Date(1_700_000_000_000) }),
    );
    expect(created.StartingPositionTimestamp).toEqual(new Date(1_700_000_000_000));
    expect((await lambda.send(new GetEventSourceMappingCommand({ UUID: created.UUID }))).State).toBe('Creating');
    const busy = await caught(lambda.send(new UpdateEventSourceMappingCommand({ UUID: created.UUID, BatchSize: 5 })));
    expect(busy.name).toBe('ResourceInUseException');
    await until('Enabled', async () => (await lambda.send(new GetEventSourceMappingCommand({ UUID: created.UUID }))).State === 'Enabled');
    expect((await lambda.send(new DeleteEventSourceMappingCommand({ UUID: created.UUID }))).State).toBe('Deleting');
    expect((await lambda.send(new GetEventSourceMappingCommand({ UUID: created.UUID }))).State).toBe('Deleting');
    await until('gone', () =>
      lambda.send(new GetEventSourceMappingCommand({ UUID: created.UUID })).then(
        () => false,
        (err: Error) => err.name === 'ResourceNotFoundException',
      ),
    );
  }, 30_000);
});
