// Glue crawlers over the wire: their control plane and errors, and crawls of the sandbox's own S3 — Firehose's
// GZIP output under YYYY/MM/DD/HH/ becomes a partitioned JSON table as AWS writes it, later crawls add
// partitions and follow the SchemaChangePolicy, the crawler's role is what reads the bucket, and a crawl
// the sandbox stopped in the middle of is FAILED after a restart.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BatchGetCrawlersCommand,
  CreateCrawlerCommand,
  CreateDatabaseCommand,
  DeleteCrawlerCommand,
  DeleteDatabaseCommand,
  GetCrawlerCommand,
  GetCrawlerMetricsCommand,
  GetDatabaseCommand,
  GetCrawlersCommand,
  GetPartitionsCommand,
  GetTableCommand,
  GetTablesCommand,
  GetTagsCommand,
  GlueClient,
  ListCrawlersCommand,
  StartCrawlerCommand,
  StopCrawlerCommand,
  UpdateCrawlerCommand,
  type Crawler,
  type CreateCrawlerCommandInput,
} from '@aws-sdk/client-glue';
import { AttachRolePolicyCommand, CreateRoleCommand, DeleteRoleCommand, IAMClient, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { CreateBucketCommand, DeleteObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { CreateDeliveryStreamCommand, FirehoseClient, PutRecordBatchCommand } from '@aws-sdk/client-firehose';
import { CloudWatchLogsClient, GetLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { ManualClock, startSandbox } from '../../sandbox/index.js';
import { clientConfig, useSandbox, type SandboxHandle } from './support.js';
import { createFirehoseRole } from './service-roles.js';
import { awsCli, requireAwsCli } from './aws-cli.js';

const ACCOUNT = '000000000000';
const trust = (service: string) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }] });
const reading = (device: string, humidity: number, temperature: number, minute = 15) => ({
  DEVICE_NAME: device,
  TIMESTAMP: `2026-11-28T10:${String(minute).padStart(2, '0')}:00`,
  HUMIDITY: humidity,
  TEMPERATURE: temperature,
});
const lines = (records: object[]) => Buffer.from(records.map((r) => `${JSON.stringify(r)}\n`).join(''));
const gz = (records: object[]) => gzipSync(lines(records));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The sandbox's clients, a bucket, a database and a role Glue can assume that may read the bucket. */
function useLake(sb: SandboxHandle, bucket: string) {
  const glue = () => new GlueClient(sb.config());
  const s3 = () => new S3Client({ ...sb.config(), forcePathStyle: true });
  const roleArn = (name: string) => `arn:aws:iam::${ACCOUNT}:role/${name}`;
  beforeAll(async () => {
    const iam = new IAMClient(sb.config());
    await s3().send(new CreateBucketCommand({ Bucket: bucket }));
    await iam.send(new CreateRoleCommand({ RoleName: 'crawler-role', AssumeRolePolicyDocument: trust('glue.amazonaws.com') }));
    await iam.send(new AttachRolePolicyCommand({ RoleName: 'crawler-role', PolicyArn: 'arn:aws:iam::aws:policy/service-role/AWSGlueServiceRole' }));
    await iam.send(
      new PutRolePolicyCommand({
        RoleName: 'crawler-role',
        PolicyName: 'read-lake',
        PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::${bucket}/*` }] }),
      }),
    );
    await glue().send(new CreateDatabaseCommand({ DatabaseInput: { Name: 'lake_db' } }));
  });
  const put = (key: string, body: Buffer) => s3().send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));
  const remove = (key: string) => s3().send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
  const createCrawler = (name: string, path: string, extra: Partial<CreateCrawlerCommandInput> = {}) =>
    glue().send(new CreateCrawlerCommand({ Name: name, Role: 'crawler-role', DatabaseName: 'lake_db', Targets: { S3Targets: [{ Path: `s3://${bucket}/${path}` }] }, ...extra }));
  /** Starts a crawl, sees it RUNNING, and polls GetCrawler as an SDK loop would until it is READY again. */
  const crawl = async (name: string): Promise<Crawler> => {
    const g = glue();
    await g.send(new StartCrawlerCommand({ Name: name }));
    expect((await g.send(new GetCrawlerCommand({ Name: name }))).Crawler!.State).toBe('RUNNING');
    const deadline = Date.now() + 10_000;
    for (;;) {
      await sleep(50);
      const { Crawler: c } = await g.send(new GetCrawlerCommand({ Name: name }));
      if (c!.State === 'READY') return c!;
      if (Date.now() > deadline) throw new Error(`crawler ${name} still ${c!.State}`);
    }
  };
  const table = async (name: string) => (await glue().send(new GetTableCommand({ DatabaseName: 'lake_db', Name: name }))).Table!;
  const partitions = async (name: string, Expression?: string) =>
    (await glue().send(new GetPartitionsCommand({ DatabaseName: 'lake_db', TableName: name, Expression }))).Partitions!;
  const metrics = async (name: string) => (await glue().send(new GetCrawlerMetricsCommand({ CrawlerNameList: [name] }))).CrawlerMetricsList![0];
  return { glue, s3, put, remove, createCrawler, crawl, table, partitions, metrics, roleArn };
}

const hourFolder = (t: number) => new Date(t).toISOString().slice(0, 13).replace(/[-T]/g, '/');

describe('Glue crawlers: control plane', () => {
  // Crawls last at least the provisioning delay: long enough to be seen RUNNING however busy the machine.
  const sb = useSandbox({ provisioningDelayMs: 2_000 });
  const lake = useLake(sb, 'control');

  it('refuses a role Glue cannot assume, bad targets and policies, and duplicates', async () => {
    const g = lake.glue();
    const iam = new IAMClient(sb.config());
    await iam.send(new CreateRoleCommand({ RoleName: 'lambda-only', AssumeRolePolicyDocument: trust('lambda.amazonaws.com') }));
    const assume = { name: 'InvalidInputException', message: "Service is unable to assume provided role. Please verify role's TrustPolicy" };
    await expect(lake.createCrawler('c', 'data/', { Role: 'no-such-role' })).rejects.toMatchObject(assume);
    await expect(lake.createCrawler('c', 'data/', { Role: 'lambda-only' })).rejects.toMatchObject(assume);
    await expect(lake.createCrawler('c', 'data/', { Role: lake.roleArn('lambda-only') })).rejects.toMatchObject(assume);
    await expect(g.send(new CreateCrawlerCommand({ Name: 'c', Role: 'crawler-role', DatabaseName: 'lake_db', Targets: { S3Targets: [{ Path: 'lake/data' }] } }))).rejects.toMatchObject({
      name: 'InvalidInputException',
      message: expect.stringContaining('Invalid S3 path'),
    });
    await expect(g.send(new CreateCrawlerCommand({ Name: 'c', Role: 'crawler-role', DatabaseName: 'lake_db', Targets: {} }))).rejects.toMatchObject({ name: 'InvalidInputException' });
    await expect(
      g.send(new CreateCrawlerCommand({ Name: 'c', Role: 'crawler-role', DatabaseName: 'lake_db', Targets: { JdbcTargets: [{ ConnectionName: 'db', Path: 'x/%' }] } })),
    ).rejects.toMatchObject({ name: 'InvalidInputException', message: expect.stringContaining('does not emulate crawler JdbcTargets') });
    await expect(lake.createCrawler('c', 'data/', { RecrawlPolicy: { RecrawlBehavior: 'CRAWL_NEW_FOLDERS_ONLY' } })).rejects.toMatchObject({
      name: 'InvalidInputException',
      message: expect.stringContaining('CRAWL_NEW_FOLDERS_ONLY'),
    });
    await expect(lake.createCrawler('c', 'data/', { Configuration: '{not json' })).rejects.toMatchObject({ name: 'InvalidInputException' });
    await expect(lake.createCrawler('c', 'data/', { SchemaChangePolicy: { UpdateBehavior: 'SOMETIMES' as never } })).rejects.toMatchObject({ name: 'ValidationException' });
    await lake.createCrawler('c', 'data/', { Role: lake.roleArn('crawler-role') });
    await expect(lake.createCrawler('c', 'data/')).rejects.toMatchObject({ name: 'AlreadyExistsException' });
  });

  it('describes a crawler with Glue defaults, lists, updates, tags and deletes it', async () => {
    const g = lake.glue();
    await lake.createCrawler('described', 'telemetry', { Description: 'lab 4', TablePrefix: 'raw_', Tags: { workshop: 'iot-pipeline-labs' }, Schedule: 'cron(0 * * * ? *)' });
    const { Crawler: c } = await g.send(new GetCrawlerCommand({ Name: 'described' }));
    expect(c).toMatchObject({
      Name: 'described',
      Role: 'crawler-role',
      DatabaseName: 'lake_db',
      Description: 'lab 4',
      TablePrefix: 'raw_',
      State: 'READY',
      Version: 1,
      CrawlElapsedTime: 0,
      Classifiers: [],
      Targets: { S3Targets: [{ Path: 's3://control/telemetry', Exclusions: [] }], JdbcTargets: [], CatalogTargets: [] },
      SchemaChangePolicy: { UpdateBehavior: 'UPDATE_IN_DATABASE', DeleteBehavior: 'DEPRECATE_IN_DATABASE' },
      RecrawlPolicy: { RecrawlBehavior: 'CRAWL_EVERYTHING' },
      LineageConfiguration: { CrawlerLineageSettings: 'DISABLE' },
      Schedule: { ScheduleExpression: 'cron(0 * * * ? *)', State: 'SCHEDULED' },
    });
    expect(c!.CreationTime).toBeInstanceOf(Date);
    expect(c!.LastCrawl).toBeUndefined();
    await expect(g.send(new GetCrawlerCommand({ Name: 'ghost' }))).rejects.toMatchObject({ name: 'EntityNotFoundException', message: 'Crawler entry with name ghost does not exist' });
    await expect(g.send(new StartCrawlerCommand({ Name: 'ghost' }))).rejects.toMatchObject({ name: 'EntityNotFoundException', message: 'Crawler with name ghost does not exist' });

    await lake.createCrawler('other', 'elsewhere/');
    expect((await g.send(new ListCrawlersCommand({}))).CrawlerNames).toEqual(expect.arrayContaining(['described', 'other']));
    expect((await g.send(new ListCrawlersCommand({ Tags: { workshop: 'iot-pipeline-labs' } }))).CrawlerNames).toEqual(['described']);
    const paged = await g.send(new GetCrawlersCommand({ MaxResults: 1 }));
    expect(paged.Crawlers).toHaveLength(1);
    expect(paged.NextToken).toBeDefined();
    const batch = await g.send(new BatchGetCrawlersCommand({ CrawlerNames: ['other', 'ghost'] }));
    expect(batch.Crawlers!.map((x) => x.Name)).toEqual(['other']);
    expect(batch.CrawlersNotFound).toEqual(['ghost']);
    expect((await g.send(new GetTagsCommand({ ResourceArn: `arn:aws:glue:us-east-1:${ACCOUNT}:crawler/described` }))).Tags).toEqual({ workshop: 'iot-pipeline-labs' });

    await g.send(new UpdateCrawlerCommand({ Name: 'described', SchemaChangePolicy: { UpdateBehavior: 'LOG', DeleteBehavior: 'LOG' }, Targets: { S3Targets: [{ Path: 's3://control/t2/', Exclusions: ['**.csv'] }] } }));
    const updated = (await g.send(new GetCrawlerCommand({ Name: 'described' }))).Crawler!;
    expect(updated).toMatchObject({ Version: 2, Description: 'lab 4', SchemaChangePolicy: { UpdateBehavior: 'LOG', DeleteBehavior: 'LOG' }, Targets: { S3Targets: [{ Path: 's3://control/t2/', Exclusions: ['**.csv'] }] } });
    await expect(g.send(new UpdateCrawlerCommand({ Name: 'ghost', Description: 'x' }))).rejects.toMatchObject({ name: 'EntityNotFoundException' });
    await expect(g.send(new UpdateCrawlerCommand({ Name: 'described', Role: 'lambda-only' }))).rejects.toMatchObject({ name: 'InvalidInputException' });

    await g.send(new DeleteCrawlerCommand({ Name: 'other' }));
    await expect(g.send(new DeleteCrawlerCommand({ Name: 'other' }))).rejects.toMatchObject({ name: 'EntityNotFoundException' });
  });

  it('runs READY → RUNNING → READY, refuses a second start, changes and deletion while running, and stops', async () => {
    const g = lake.glue();
    await lake.put('stop/a.json', lines([reading('dev1', 41, 23)]));
    await lake.createCrawler('stoppable', 'stop/');
    await expect(g.send(new StopCrawlerCommand({ Name: 'stoppable' }))).rejects.toMatchObject({
      name: 'CrawlerNotRunningException',
      message: "Crawler with name stoppable isn't running.",
    });
    await g.send(new StartCrawlerCommand({ Name: 'stoppable' }));
    await expect(g.send(new StartCrawlerCommand({ Name: 'stoppable' }))).rejects.toMatchObject({
      name: 'CrawlerRunningException',
      message: 'Crawler with name stoppable has already started',
    });
    await expect(g.send(new UpdateCrawlerCommand({ Name: 'stoppable', Description: 'x' }))).rejects.toMatchObject({
      name: 'InvalidInputException',
      message: 'Cannot update Crawler while running. Please stop crawl or wait until it completes to update.',
    });
    await expect(g.send(new DeleteCrawlerCommand({ Name: 'stoppable' }))).rejects.toMatchObject({ name: 'CrawlerRunningException' });
    const running = await lake.metrics('stoppable');
    expect(running).toMatchObject({ CrawlerName: 'stoppable', StillEstimating: true, TablesCreated: 0 });
    await g.send(new StopCrawlerCommand({ Name: 'stoppable' }));
    expect((await g.send(new GetCrawlerCommand({ Name: 'stoppable' }))).Crawler!.State).toBe('STOPPING');
    await expect(g.send(new StopCrawlerCommand({ Name: 'stoppable' }))).rejects.toMatchObject({ name: 'CrawlerStoppingException' });
    let c: Crawler | undefined;
    for (let i = 0; i < 100 && c?.State !== 'READY'; i++) {
      await sleep(50);
      c = (await g.send(new GetCrawlerCommand({ Name: 'stoppable' }))).Crawler;
    }
    expect(c).toMatchObject({ State: 'READY', LastCrawl: { Status: 'CANCELLED', LogGroup: '/aws-glue/crawlers', LogStream: 'stoppable' } });
    const done = await lake.crawl('stoppable');
    expect(done.LastCrawl).toMatchObject({ Status: 'SUCCEEDED' });
    expect(done.LastCrawl!.MessagePrefix).toMatch(/^[0-9a-f-]{36}$/);
    expect(done.LastCrawl!.MessagePrefix).not.toBe(c!.LastCrawl!.MessagePrefix);
    // (The stopped run may have written the table already if a tick came between StartCrawler and StopCrawler.)
    expect(await lake.metrics('stoppable')).toMatchObject({ TablesUpdated: 0, TablesDeleted: 0, StillEstimating: false, TimeLeftSeconds: 0 });
    expect((await lake.metrics('stoppable')).LastRuntimeSeconds).toBeGreaterThan(0.2);
    expect((await lake.table('stop')).Parameters).toMatchObject({ UPDATED_BY_CRAWLER: 'stoppable' });
  });
});

describe('Glue crawlers with the AWS CLI', () => {
  // The sandbox's clock stands still until the test moves it, so the crawl is still running when the second
  // CLI process (each takes over a second to start) asks to start it again.
  const clock = new ManualClock(Date.UTC(2026, 10, 28, 10, 0, 0));
  const sb = useSandbox({ clock });
  const lake = useLake(sb, 'cli');

  it('starts a crawler, is refused a second start while it runs, and reads its state', { timeout: 60_000 }, async (ctx) => {
    const cli = awsCli(requireAwsCli(ctx, 'v1'), sb);
    await lake.put('readings/x.json', lines([reading('dev1', 41, 23)]));
    await lake.createCrawler('cli-crawler', 'readings/');
    await cli.json('glue', 'start-crawler', '--name', 'cli-crawler');
    const again = await cli.exec('glue', 'start-crawler', '--name', 'cli-crawler');
    expect(again.code).not.toBe(0);
    expect(again.stderr).toContain('An error occurred (CrawlerRunningException) when calling the StartCrawler operation: Crawler with name cli-crawler has already started');
    clock.advance(60_000);
    while ((await lake.glue().send(new GetCrawlerCommand({ Name: 'cli-crawler' }))).Crawler!.State !== 'READY') await sleep(50);
    const got = await cli.json('glue', 'get-crawler', '--name', 'cli-crawler');
    expect(got.Crawler).toMatchObject({ Name: 'cli-crawler', State: 'READY', LastCrawl: { Status: 'SUCCEEDED', LogGroup: '/aws-glue/crawlers' } });
    expect((await lake.table('readings')).Parameters).toMatchObject({ UPDATED_BY_CRAWLER: 'cli-crawler' });
  });
});

describe('Glue crawlers: crawling Firehose output', () => {
  const sb = useSandbox();
  const lake = useLake(sb, 'lake');
  beforeAll(async () => {
    await createFirehoseRole(sb.config());
  });

  it('turns Firehose GZIP objects under YYYY/MM/DD/HH/ into a partitioned JSON table and adds the next hour later', async () => {
    const fh = new FirehoseClient(sb.config());
    await fh.send(
      new CreateDeliveryStreamCommand({
        DeliveryStreamName: 'readings',
        ExtendedS3DestinationConfiguration: {
          RoleARN: lake.roleArn('firehose-role'),
          BucketARN: 'arn:aws:s3:::lake',
          Prefix: 'telemetry/',
          CompressionFormat: 'GZIP',
          BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 0 },
        },
      }),
    );
    // What an IoT rule with separator "\n" sends: one reading per record, each ending its line.
    const records = [reading('dev1', 41, 23, 15), reading('dev2', 38, 25, 16), reading('dev1', 42, 22, 17)].map((r) => ({ Data: Buffer.from(`${JSON.stringify(r)}\n`) }));
    await fh.send(new PutRecordBatchCommand({ DeliveryStreamName: 'readings', Records: records }));
    await sb.running.sandbox.apis.firehose!.runDeliveryCheck();
    const listed = await lake.s3().send(new ListObjectsV2Command({ Bucket: 'lake', Prefix: 'telemetry/' }));
    expect(listed.Contents).toHaveLength(1);
    const key = listed.Contents![0].Key!;
    const hour = key.split('/').slice(1, 5);
    expect(key).toMatch(/^telemetry\/\d{4}\/\d{2}\/\d{2}\/\d{2}\/readings-1-[\d-]+-[0-9a-f-]+\.gz$/);

    await lake.createCrawler('telemetry-crawler', 'telemetry/');
    const first = await lake.crawl('telemetry-crawler');
    expect(first.LastCrawl).toMatchObject({ Status: 'SUCCEEDED', LogGroup: '/aws-glue/crawlers', LogStream: 'telemetry-crawler' });
    expect(first.LastCrawl!.ErrorMessage).toBeUndefined();
    expect(await lake.metrics('telemetry-crawler')).toMatchObject({ TablesCreated: 1, TablesUpdated: 0, TablesDeleted: 0 });

    const t = await lake.table('telemetry');
    expect(t).toMatchObject({
      Name: 'telemetry',
      DatabaseName: 'lake_db',
      Owner: 'owner',
      Retention: 0,
      TableType: 'EXTERNAL_TABLE',
      CreatedBy: `arn:aws:sts::${ACCOUNT}:assumed-role/crawler-role/AWS-Crawler`,
      PartitionKeys: ['partition_0', 'partition_1', 'partition_2', 'partition_3'].map((Name) => ({ Name, Type: 'string' })),
      StorageDescriptor: {
        Columns: [
          { Name: 'device_name', Type: 'string' },
          { Name: 'timestamp', Type: 'string' },
          { Name: 'humidity', Type: 'int' },
          { Name: 'temperature', Type: 'int' },
        ],
        Location: 's3://lake/telemetry/',
        InputFormat: 'org.apache.hadoop.mapred.TextInputFormat',
        OutputFormat: 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat',
        Compressed: true,
        NumberOfBuckets: -1,
        SerdeInfo: { SerializationLibrary: 'org.openx.data.jsonserde.JsonSerDe', Parameters: { paths: 'DEVICE_NAME,HUMIDITY,TEMPERATURE,TIMESTAMP' } },
        BucketColumns: [],
        SortColumns: [],
        StoredAsSubDirectories: false,
      },
      Parameters: {
        classification: 'json',
        compressionType: 'gzip',
        typeOfData: 'file',
        CrawlerSchemaDeserializerVersion: '1.0',
        CrawlerSchemaSerializerVersion: '1.0',
        UPDATED_BY_CRAWLER: 'telemetry-crawler',
        CRAWL_RUN_ID: first.LastCrawl!.MessagePrefix,
        objectCount: '1',
        recordCount: '3',
        sizeKey: String(listed.Contents![0].Size),
      },
    });
    expect(Number(t.Parameters!.averageRecordSize)).toBeGreaterThan(60);
    expect(t.StorageDescriptor!.Parameters).toMatchObject({ classification: 'json', compressionType: 'gzip' });

    const [p] = await lake.partitions('telemetry');
    expect(p).toMatchObject({
      Values: hour,
      StorageDescriptor: { Location: `s3://lake/telemetry/${hour.join('/')}/`, Compressed: true, Columns: t.StorageDescriptor!.Columns, SerdeInfo: { SerializationLibrary: 'org.openx.data.jsonserde.JsonSerDe' } },
    });

    // An hour later Firehose writes into a new folder; the next crawl adds it as a partition and changes nothing else.
    const [y, m, d, h] = hour.map(Number);
    const next = hourFolder(Date.UTC(y, m - 1, d, h + 1));
    await lake.put(`telemetry/${next}/readings-1-${next.replace(/\//g, '-')}-00-00-1b0c3b8e-0000-4000-8000-000000000000.gz`, gz([reading('dev3', 50, 20)]));
    const second = await lake.crawl('telemetry-crawler');
    expect(second.LastCrawl!.Status).toBe('SUCCEEDED');
    expect(await lake.metrics('telemetry-crawler')).toMatchObject({ TablesCreated: 0, TablesUpdated: 0, TablesDeleted: 0 });
    expect((await lake.partitions('telemetry')).map((x) => x.Values!.join('/'))).toEqual([hour.join('/'), next]);
    const after = await lake.table('telemetry');
    expect(after.VersionId).toBe('0');
    expect(after.Parameters).toMatchObject({ objectCount: '2', recordCount: '4' });
    const [ny, nm] = next.split('/');
    expect((await lake.partitions('telemetry', `partition_0 = '${ny}' AND partition_1 >= '${nm}' AND partition_3 = '${next.split('/')[3]}'`)).map((x) => x.Values!.join('/'))).toEqual([next]);

    const logs = await new CloudWatchLogsClient(sb.config()).send(new GetLogEventsCommand({ logGroupName: '/aws-glue/crawlers', logStreamName: 'telemetry-crawler', startFromHead: true }));
    const text = logs.events!.map((e) => e.message).join('\n');
    expect(text).toContain(`[${first.LastCrawl!.MessagePrefix}] BENCHMARK : Running Start Crawl for Crawler telemetry-crawler`);
    expect(text).toContain('INFO : Created table telemetry in database lake_db');
    expect(text).toContain(`Created partitions with values [${JSON.stringify(hour)}] for table telemetry`);
    expect(text).toContain('BENCHMARK : Crawler has finished running and is in state READY');
  });

  it('reads records glued together without a newline, nested and wide values, key=value folders, exclusions and hidden files', async () => {
    const glued = [
      { id: 1, Big: 5_000_000_000, ratio: 0.5, ok: true, tags: ['a'], pos: { X: 1, y: 2 } },
      { id: 2, Big: 7, ratio: 2, ok: false, tags: [], pos: { X: 3, z: 'far' }, note: null },
    ];
    await lake.put('mixed/year=2026/month=11/a.json', Buffer.from(glued.map((r) => JSON.stringify(r)).join('')));
    await lake.put('mixed/year=2026/month=12/b.json', Buffer.from(JSON.stringify({ id: 3, Big: 1, ratio: 1, ok: true, tags: ['b'], pos: { X: 5, y: 6 }, note: 'x' })));
    await lake.put('mixed/year=2026/month=12/_SUCCESS', Buffer.from('done'));
    await lake.put('mixed/year=2026/month=12/.hidden', Buffer.from('not json'));
    await lake.put('mixed/year=2026/month=10/skip.csv', Buffer.from('a,b\n1,2\n'));
    await lake.createCrawler('mixed-crawler', 'mixed', { TablePrefix: 'raw_', Targets: { S3Targets: [{ Path: 's3://lake/mixed', Exclusions: ['**.csv'] }] } });
    expect((await lake.crawl('mixed-crawler')).LastCrawl!.Status).toBe('SUCCEEDED');
    const t = await lake.table('raw_mixed');
    expect(t.StorageDescriptor!.Columns).toEqual([
      { Name: 'id', Type: 'int' },
      { Name: 'big', Type: 'bigint' },
      { Name: 'ratio', Type: 'double' },
      { Name: 'ok', Type: 'boolean' },
      { Name: 'tags', Type: 'array<string>' },
      { Name: 'pos', Type: 'struct<x:int,y:int,z:string>' },
      { Name: 'note', Type: 'string' },
    ]);
    expect(t.PartitionKeys).toEqual([
      { Name: 'year', Type: 'string' },
      { Name: 'month', Type: 'string' },
    ]);
    expect(t.Parameters).toMatchObject({ classification: 'json', compressionType: 'none', objectCount: '2', recordCount: '3' });
    expect(t.StorageDescriptor).toMatchObject({ Compressed: false, SerdeInfo: { Parameters: { paths: 'Big,id,note,ok,pos,ratio,tags' } } });
    expect((await lake.partitions('raw_mixed')).map((p) => [p.Values, p.StorageDescriptor!.Location])).toEqual([
      [['2026', '11'], 's3://lake/mixed/year=2026/month=11/'],
      [['2026', '12'], 's3://lake/mixed/year=2026/month=12/'],
    ]);
    expect((await lake.partitions('raw_mixed', "month = '12'")).map((p) => p.Values)).toEqual([['2026', '12']]);
  });

  it('makes a table per folder when the folders hold different data, and one for unpartitioned objects', async () => {
    await lake.put('many/devices/d.json', lines([{ device: 'dev1', model: 'esp32' }]));
    await lake.put('many/alerts/2026/a.json', lines([{ alert: 'hot', level: 3, at: '10:00' }]));
    await lake.createCrawler('many-crawler', 'many/');
    await lake.crawl('many-crawler');
    const tables = (await lake.glue().send(new GetTablesCommand({ DatabaseName: 'lake_db', Expression: 'devices|alerts' }))).TableList!;
    expect(tables.map((t) => [t.Name, t.StorageDescriptor!.Location, t.PartitionKeys!.length])).toEqual([
      ['alerts', 's3://lake/many/alerts/', 1],
      ['devices', 's3://lake/many/devices/', 0],
    ]);
    expect(await lake.metrics('many-crawler')).toMatchObject({ TablesCreated: 2 });
  });
});

describe('Glue crawlers: schema change policy, recrawl policy and the role', () => {
  const sb = useSandbox();
  const lake = useLake(sb, 'policy');

  it('UPDATE_IN_DATABASE updates a changed schema as a new version; DELETE_FROM_DATABASE removes vanished partitions and tables', async () => {
    await lake.put('upd/2026/11/28/10/a.gz', gz([reading('dev1', 41, 23)]));
    await lake.createCrawler('upd-crawler', 'upd/', { SchemaChangePolicy: { UpdateBehavior: 'UPDATE_IN_DATABASE', DeleteBehavior: 'DELETE_FROM_DATABASE' } });
    await lake.crawl('upd-crawler');
    expect((await lake.table('upd')).VersionId).toBe('0');
    // A new field and a value too wide for int arrive an hour later.
    await lake.put('upd/2026/11/28/11/b.gz', gz([{ ...reading('dev1', 41, 23), HUMIDITY: 3_000_000_000, BATTERY: 3.7 }]));
    await lake.crawl('upd-crawler');
    expect(await lake.metrics('upd-crawler')).toMatchObject({ TablesCreated: 0, TablesUpdated: 1, TablesDeleted: 0 });
    const t = await lake.table('upd');
    expect(t.VersionId).toBe('1');
    expect(t.StorageDescriptor!.Columns).toEqual([
      { Name: 'device_name', Type: 'string' },
      { Name: 'timestamp', Type: 'string' },
      { Name: 'humidity', Type: 'bigint' },
      { Name: 'temperature', Type: 'int' },
      { Name: 'battery', Type: 'double' },
    ]);
    // Each partition keeps the schema of its own data.
    const parts = await lake.partitions('upd');
    expect(parts.map((p) => p.StorageDescriptor!.Columns!.find((c) => c.Name === 'humidity')!.Type)).toEqual(['int', 'bigint']);

    await lake.remove('upd/2026/11/28/10/a.gz');
    await lake.crawl('upd-crawler');
    expect((await lake.partitions('upd')).map((p) => p.Values!.join('/'))).toEqual(['2026/11/28/11']);
    await lake.remove('upd/2026/11/28/11/b.gz');
    await lake.crawl('upd-crawler');
    expect(await lake.metrics('upd-crawler')).toMatchObject({ TablesDeleted: 1 });
    await expect(lake.table('upd')).rejects.toMatchObject({ name: 'EntityNotFoundException' });
  });

  it('LOG leaves a changed schema alone but still adds partitions; DEPRECATE_IN_DATABASE marks a vanished table', async () => {
    await lake.put('logged/2026/11/28/10/a.gz', gz([reading('dev1', 41, 23)]));
    await lake.createCrawler('log-crawler', 'logged/', { SchemaChangePolicy: { UpdateBehavior: 'LOG', DeleteBehavior: 'DEPRECATE_IN_DATABASE' } });
    await lake.crawl('log-crawler');
    await lake.put('logged/2026/11/28/11/b.gz', gz([{ ...reading('dev1', 41, 23), BATTERY: 3.7 }]));
    await lake.crawl('log-crawler');
    expect(await lake.metrics('log-crawler')).toMatchObject({ TablesCreated: 0, TablesUpdated: 0 });
    const t = await lake.table('logged');
    expect(t.VersionId).toBe('0');
    expect(t.StorageDescriptor!.Columns!.map((c) => c.Name)).toEqual(['device_name', 'timestamp', 'humidity', 'temperature']);
    expect((await lake.partitions('logged')).map((p) => p.Values!.join('/'))).toEqual(['2026/11/28/10', '2026/11/28/11']);
    await lake.remove('logged/2026/11/28/10/a.gz');
    await lake.remove('logged/2026/11/28/11/b.gz');
    await lake.crawl('log-crawler');
    expect((await lake.table('logged')).Parameters).toMatchObject({ DEPRECATED_BY_CRAWLER: '1' });
    expect(await lake.partitions('logged')).toHaveLength(2);
  });

  it('CRAWL_NEW_FOLDERS_ONLY reads only folders it has not crawled', async () => {
    await lake.put('incr/2026/11/28/10/a.gz', gz([reading('dev1', 41, 23)]));
    await lake.createCrawler('incr-crawler', 'incr/', { RecrawlPolicy: { RecrawlBehavior: 'CRAWL_NEW_FOLDERS_ONLY' }, SchemaChangePolicy: { UpdateBehavior: 'LOG', DeleteBehavior: 'LOG' } });
    await lake.crawl('incr-crawler');
    await lake.put('incr/2026/11/28/11/b.gz', gz([{ ...reading('dev1', 41, 23), BATTERY: 3.7 }]));
    await lake.crawl('incr-crawler');
    const parts = await lake.partitions('incr');
    expect(parts.map((p) => p.Values!.join('/'))).toEqual(['2026/11/28/10', '2026/11/28/11']);
    expect(parts[1].StorageDescriptor!.Columns!.map((c) => c.Name)).toContain('battery');
    expect((await lake.table('incr')).StorageDescriptor!.Columns!.map((c) => c.Name)).not.toContain('battery');
  });

  it('reads the bucket as the crawler role: without s3:GetObject it logs Access Denied and makes no table', async () => {
    const iam = new IAMClient(sb.config());
    await iam.send(new CreateRoleCommand({ RoleName: 'blind-role', AssumeRolePolicyDocument: trust('glue.amazonaws.com') }));
    await iam.send(new AttachRolePolicyCommand({ RoleName: 'blind-role', PolicyArn: 'arn:aws:iam::aws:policy/service-role/AWSGlueServiceRole' }));
    await lake.put('private/2026/11/28/10/a.gz', gz([reading('dev1', 41, 23)]));
    await lake.createCrawler('blind-crawler', 'private/', { Role: 'service-role/blind-role' });
    const c = await lake.crawl('blind-crawler');
    expect(c.LastCrawl!.Status).toBe('SUCCEEDED');
    await expect(lake.table('private')).rejects.toMatchObject({ name: 'EntityNotFoundException' });
    const logs = await new CloudWatchLogsClient(sb.config()).send(new GetLogEventsCommand({ logGroupName: '/aws-glue/crawlers', logStreamName: 'blind-crawler', startFromHead: true }));
    expect(logs.events!.map((e) => e.message).join('\n')).toContain('ERROR : Access Denied reading s3://policy/private/2026/11/28/10/a.gz');
  });

  it('fails the crawl when the role may not read the catalog, or the role or the database is gone', async () => {
    const iam = new IAMClient(sb.config());
    await iam.send(new CreateRoleCommand({ RoleName: 'no-policies', AssumeRolePolicyDocument: trust('glue.amazonaws.com') }));
    await lake.createCrawler('powerless', 'upd/', { Role: 'no-policies' });
    expect((await lake.crawl('powerless')).LastCrawl).toMatchObject({
      Status: 'FAILED',
      ErrorMessage: `User: arn:aws:sts::${ACCOUNT}:assumed-role/no-policies/AWS-Crawler is not authorized to perform: glue:GetDatabase on resource: arn:aws:glue:us-east-1:${ACCOUNT}:catalog`,
    });
    await iam.send(new CreateRoleCommand({ RoleName: 'short-lived', AssumeRolePolicyDocument: trust('glue.amazonaws.com') }));
    await lake.createCrawler('orphan', 'upd/', { Role: 'short-lived' });
    await iam.send(new DeleteRoleCommand({ RoleName: 'short-lived' }));
    expect((await lake.crawl('orphan')).LastCrawl).toMatchObject({ Status: 'FAILED', ErrorMessage: "Service is unable to assume provided role. Please verify role's TrustPolicy" });
    const g = lake.glue();
    await g.send(new CreateDatabaseCommand({ DatabaseInput: { Name: 'doomed' } }));
    await g.send(new CreateCrawlerCommand({ Name: 'homeless', Role: 'crawler-role', DatabaseName: 'doomed', Targets: { S3Targets: [{ Path: 's3://policy/upd/' }] } }));
    await g.send(new DeleteDatabaseCommand({ Name: 'doomed' }));
    expect((await lake.crawl('homeless')).LastCrawl).toMatchObject({ Status: 'FAILED', ErrorMessage: 'Database doomed not found.' });
  });
});

describe('Glue crawlers across a restart', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'glue-restart-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the catalog and ends a crawl the sandbox stopped in the middle of as FAILED', async () => {
    // A long crawl time keeps the crawler RUNNING when the sandbox stops.
    const first = await startSandbox({ port: 0, dataDir: dir, verbose: false, provisioningDelayMs: 60_000 });
    const config = clientConfig(first.endpoint);
    const iam = new IAMClient(config);
    await iam.send(new CreateRoleCommand({ RoleName: 'crawler-role', AssumeRolePolicyDocument: trust('glue.amazonaws.com') }));
    const glue = new GlueClient(config);
    await glue.send(new CreateDatabaseCommand({ DatabaseInput: { Name: 'kept_db' } }));
    await glue.send(new CreateCrawlerCommand({ Name: 'interrupted', Role: 'crawler-role', DatabaseName: 'kept_db', Targets: { S3Targets: [{ Path: 's3://nowhere/' }] } }));
    await glue.send(new StartCrawlerCommand({ Name: 'interrupted' }));
    expect((await glue.send(new GetCrawlerCommand({ Name: 'interrupted' }))).Crawler!.State).toBe('RUNNING');
    await first.stop();

    const second = await startSandbox({ port: 0, dataDir: dir, verbose: false });
    try {
      const again = new GlueClient(clientConfig(second.endpoint));
      expect((await again.send(new GetDatabaseCommand({ Name: 'kept_db' }))).Database!.Name).toBe('kept_db');
      const { Crawler: c } = await again.send(new GetCrawlerCommand({ Name: 'interrupted' }));
      expect(c).toMatchObject({ State: 'READY', CrawlElapsedTime: 0, LastCrawl: { Status: 'FAILED', ErrorMessage: expect.stringContaining('the sandbox stopped while it was running') } });
      expect((await again.send(new GetCrawlerMetricsCommand({ CrawlerNameList: ['interrupted'] }))).CrawlerMetricsList![0].LastRuntimeSeconds).toBeGreaterThanOrEqual(0);
    } finally {
      await second.stop();
    }
  });
});
