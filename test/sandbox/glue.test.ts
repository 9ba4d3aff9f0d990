// The Glue Data Catalog over the wire with @aws-sdk/client-glue at default settings (databases, tables and
// their versions, partitions and their filter expressions, tags), the AWS CLI and boto3 as independent
// clients, and the in-process API Athena reads the catalog through.

import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  BatchCreatePartitionCommand,
  BatchDeletePartitionCommand,
  BatchDeleteTableCommand,
  BatchGetPartitionCommand,
  CreateDatabaseCommand,
  CreatePartitionCommand,
  CreateTableCommand,
  DeleteDatabaseCommand,
  DeletePartitionCommand,
  DeleteTableCommand,
  GetDatabaseCommand,
  GetDatabasesCommand,
  GetPartitionCommand,
  GetPartitionsCommand,
  GetTableCommand,
  GetTablesCommand,
  GetTableVersionCommand,
  GetTableVersionsCommand,
  GetTagsCommand,
  GlueClient,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateDatabaseCommand,
  UpdatePartitionCommand,
  UpdateTableCommand,
  type TableInput,
} from '@aws-sdk/client-glue';
import { SANDBOX_CREDENTIALS } from '../../sandbox/index.js';
import { useSandbox } from './support.js';
import { awsCli, requireAwsCli } from './aws-cli.js';

const ACCOUNT = '000000000000';
const JSON_SERDE = 'org.openx.data.jsonserde.JsonSerDe';

const readingsTable = (name: string, extra: Partial<TableInput> = {}): TableInput => ({
  Name: name,
  TableType: 'EXTERNAL_TABLE',
  Parameters: { classification: 'json' },
  StorageDescriptor: {
    Columns: [
      { Name: 'device_name', Type: 'string' },
      { Name: 'humidity', Type: 'int' },
    ],
    Location: `s3://lake/${name}/`,
    InputFormat: 'org.apache.hadoop.mapred.TextInputFormat',
    OutputFormat: 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat',
    SerdeInfo: { SerializationLibrary: JSON_SERDE },
  },
  PartitionKeys: ['partition_0', 'partition_1', 'partition_2', 'partition_3'].map((Name) => ({ Name, Type: 'string' })),
  ...extra,
});

const partition = (values: string[]) => ({ Values: values, StorageDescriptor: { Location: `s3://lake/telemetry/${values.join('/')}/` } });

describe('Glue Data Catalog', () => {
  const sb = useSandbox();
  const glue = () => new GlueClient(sb.config());

  it('creates, reads, lists, updates and deletes databases, folding names to lower case', async () => {
    const g = glue();
    await g.send(new CreateDatabaseCommand({ DatabaseInput: { Name: 'IoT_Lake', Description: 'readings', LocationUri: 's3://lake/' } }));
    const { Database } = await g.send(new GetDatabaseCommand({ Name: 'iot_lake' }));
    expect(Database).toMatchObject({
      Name: 'iot_lake',
      Description: 'readings',
      LocationUri: 's3://lake/',
      CatalogId: ACCOUNT,
      CreateTableDefaultPermissions: [{ Principal: { DataLakePrincipalIdentifier: 'IAM_ALLOWED_PRINCIPALS' }, Permissions: ['ALL'] }],
    });
    expect(Database!.CreateTime).toBeInstanceOf(Date);
    await expect(g.send(new CreateDatabaseCommand({ DatabaseInput: { Name: 'iot_LAKE' } }))).rejects.toMatchObject({
      name: 'AlreadyExistsException',
      message: 'Database already exists.',
    });
    await g.send(new UpdateDatabaseCommand({ Name: 'IOT_LAKE', DatabaseInput: { Name: 'iot_lake', Description: 'changed', Parameters: { owner: 'lab' } } }));
    expect((await g.send(new GetDatabaseCommand({ Name: 'iot_lake' }))).Database).toMatchObject({ Description: 'changed', Parameters: { owner: 'lab' } });
    await g.send(new CreateDatabaseCommand({ DatabaseInput: { Name: 'another' } }));
    const all = await g.send(new GetDatabasesCommand({}));
    expect(all.DatabaseList!.map((d) => d.Name)).toEqual(['another', 'iot_lake']);
    const first = await g.send(new GetDatabasesCommand({ MaxResults: 1 }));
    expect(first.DatabaseList!.map((d) => d.Name)).toEqual(['another']);
    const second = await g.send(new GetDatabasesCommand({ MaxResults: 1, NextToken: first.NextToken }));
    expect(second.DatabaseList!.map((d) => d.Name)).toEqual(['iot_lake']);
    expect(second.NextToken).toBeUndefined();
    await g.send(new DeleteDatabaseCommand({ Name: 'another' }));
    await expect(g.send(new GetDatabaseCommand({ Name: 'another' }))).rejects.toMatchObject({ name: 'EntityNotFoundException', message: 'Database another not found.' });
    await expect(g.send(new DeleteDatabaseCommand({ Name: 'another' }))).rejects.toMatchObject({ name: 'EntityNotFoundException' });
  });

  it('validates input with the model constraints', async () => {
    const g = glue();
    await expect(g.send(new CreateDatabaseCommand({ DatabaseInput: { Name: 'x'.repeat(256) } }))).rejects.toMatchObject({
      name: 'ValidationException',
      message: expect.stringContaining("at 'databaseInput.name' failed to satisfy constraint: Member must have length less than or equal to 255"),
    });
    await expect(g.send(new CreateDatabaseCommand({ DatabaseInput: { Name: 'bad\u0001name' } }))).rejects.toMatchObject({
      name: 'ValidationException',
      message: expect.stringContaining('Member must satisfy regular expression pattern'),
    });
    await expect(g.send(new GetTablesCommand({ DatabaseName: 'nowhere', MaxResults: 101 }))).rejects.toMatchObject({ name: 'ValidationException' });
  });

  it('creates tables with Glue defaults, refuses duplicates and missing databases, lists them by Expression and pages', async () => {
    const g = glue();
    await g.send(new CreateDatabaseCommand({ DatabaseInput: { Name: 'tables_db' } }));
    await expect(g.send(new CreateTableCommand({ DatabaseName: 'nope', TableInput: readingsTable('t') }))).rejects.toMatchObject({
      name: 'EntityNotFoundException',
      message: 'Database nope not found.',
    });
    await g.send(new CreateTableCommand({ DatabaseName: 'tables_db', TableInput: readingsTable('Readings') }));
    await expect(g.send(new CreateTableCommand({ DatabaseName: 'TABLES_DB', TableInput: readingsTable('readings') }))).rejects.toMatchObject({
      name: 'AlreadyExistsException',
      message: 'Table already exists.',
    });
    const { Table } = await g.send(new GetTableCommand({ DatabaseName: 'tables_db', Name: 'READINGS' }));
    expect(Table).toMatchObject({
      Name: 'readings',
      DatabaseName: 'tables_db',
      Retention: 0,
      TableType: 'EXTERNAL_TABLE',
      CatalogId: ACCOUNT,
      VersionId: '0',
      IsRegisteredWithLakeFormation: false,
      CreatedBy: `arn:aws:iam::${ACCOUNT}:root`,
      Parameters: { classification: 'json' },
      StorageDescriptor: { Location: 's3://lake/Readings/', Compressed: false, NumberOfBuckets: 0, SortColumns: [], StoredAsSubDirectories: false, SerdeInfo: { SerializationLibrary: JSON_SERDE } },
    });
    expect(Table!.PartitionKeys!.map((k) => k.Name)).toEqual(['partition_0', 'partition_1', 'partition_2', 'partition_3']);
    expect(Table!.CreateTime).toBeInstanceOf(Date);
    await expect(g.send(new GetTableCommand({ DatabaseName: 'tables_db', Name: 'ghost' }))).rejects.toMatchObject({ name: 'EntityNotFoundException', message: 'Table ghost not found.' });
    await expect(g.send(new GetTableCommand({ DatabaseName: 'ghost_db', Name: 'readings' }))).rejects.toMatchObject({ name: 'EntityNotFoundException', message: 'Database ghost_db not found.' });
    await expect(
      g.send(new CreateTableCommand({ DatabaseName: 'tables_db', TableInput: { Name: 'dup', StorageDescriptor: { Columns: [{ Name: 'a', Type: 'int' }, { Name: 'A', Type: 'string' }] } } })),
    ).rejects.toMatchObject({ name: 'InvalidInputException' });

    for (const name of ['readings_2026', 'other', 'sales']) await g.send(new CreateTableCommand({ DatabaseName: 'tables_db', TableInput: readingsTable(name) }));
    const names = async (Expression?: string) => (await g.send(new GetTablesCommand({ DatabaseName: 'tables_db', Expression }))).TableList!.map((t) => t.Name);
    expect(await names()).toEqual(['other', 'readings', 'readings_2026', 'sales']);
    expect(await names('readings*')).toEqual(['readings', 'readings_2026']);
    expect(await names('read.*')).toEqual(['readings', 'readings_2026']);
    expect(await names('other|SALES')).toEqual(['other', 'sales']);
    expect(await names('readings')).toEqual(['readings']);
    expect(await names('.*_\\d+')).toEqual(['readings_2026']);
    const page1 = await g.send(new GetTablesCommand({ DatabaseName: 'tables_db', MaxResults: 3 }));
    expect(page1.TableList!.map((t) => t.Name)).toEqual(['other', 'readings', 'readings_2026']);
    const page2 = await g.send(new GetTablesCommand({ DatabaseName: 'tables_db', MaxResults: 3, NextToken: page1.NextToken }));
    expect(page2.TableList!.map((t) => t.Name)).toEqual(['sales']);
    await expect(g.send(new GetTablesCommand({ DatabaseName: 'tables_db', NextToken: 'not-a-token' }))).rejects.toMatchObject({ name: 'InvalidInputException' });
    await expect(g.send(new GetTablesCommand({ DatabaseName: 'nope' }))).rejects.toMatchObject({ name: 'EntityNotFoundException', message: 'Database nope not found.' });
  });

  it('updates a table as a new version, keeps the versions, and refuses a stale VersionId', async () => {
    const g = glue();
    await g.send(new CreateDatabaseCommand({ DatabaseInput: { Name: 'versions_db' } }));
    await g.send(new CreateTableCommand({ DatabaseName: 'versions_db', TableInput: readingsTable('t') }));
    const wider = readingsTable('t');
    wider.StorageDescriptor!.Columns!.push({ Name: 'temperature', Type: 'int' });
    await g.send(new UpdateTableCommand({ DatabaseName: 'versions_db', TableInput: wider, VersionId: '0' }));
    const { Table } = await g.send(new GetTableCommand({ DatabaseName: 'versions_db', Name: 't' }));
    expect(Table!.VersionId).toBe('1');
    expect(Table!.StorageDescriptor!.Columns!.map((c) => c.Name)).toEqual(['device_name', 'humidity', 'temperature']);
    expect(Table!.UpdateTime!.getTime()).toBeGreaterThanOrEqual(Table!.CreateTime!.getTime());
    await expect(g.send(new UpdateTableCommand({ DatabaseName: 'versions_db', TableInput: wider, VersionId: '0' }))).rejects.toMatchObject({
      name: 'ConcurrentModificationException',
    });
    const versions = await g.send(new GetTableVersionsCommand({ DatabaseName: 'versions_db', TableName: 't' }));
    expect(versions.TableVersions!.map((v) => v.VersionId)).toEqual(['1', '0']);
    expect(versions.TableVersions![1].Table!.StorageDescriptor!.Columns).toHaveLength(2);
    const old = await g.send(new GetTableVersionCommand({ DatabaseName: 'versions_db', TableName: 't', VersionId: '0' }));
    expect(old.TableVersion!.Table!.VersionId).toBe('0');
    await expect(g.send(new GetTableVersionCommand({ DatabaseName: 'versions_db', TableName: 't', VersionId: '7' }))).rejects.toMatchObject({
      name: 'EntityNotFoundException',
    });
    await expect(g.send(new UpdateTableCommand({ DatabaseName: 'versions_db', TableInput: readingsTable('ghost') }))).rejects.toMatchObject({
      name: 'EntityNotFoundException',
      message: 'Table ghost not found.',
    });
  });

  it('deletes tables one by one or in a batch, and a database with everything in it', async () => {
    const g = glue();
    await g.send(new CreateDatabaseCommand({ DatabaseInput: { Name: 'drop_db' } }));
    for (const name of ['a', 'b', 'c']) await g.send(new CreateTableCommand({ DatabaseName: 'drop_db', TableInput: readingsTable(name) }));
    await g.send(new CreatePartitionCommand({ DatabaseName: 'drop_db', TableName: 'c', PartitionInput: partition(['2026', '11', '28', '10']) }));
    await g.send(new DeleteTableCommand({ DatabaseName: 'drop_db', Name: 'a' }));
    await expect(g.send(new DeleteTableCommand({ DatabaseName: 'drop_db', Name: 'a' }))).rejects.toMatchObject({ name: 'EntityNotFoundException', message: 'Table a not found.' });
    const batch = await g.send(new BatchDeleteTableCommand({ DatabaseName: 'drop_db', TablesToDelete: ['b', 'zzz'] }));
    expect(batch.Errors).toEqual([{ TableName: 'zzz', ErrorDetail: { ErrorCode: 'EntityNotFoundException', ErrorMessage: 'Table zzz not found.' } }]);
    await g.send(new DeleteDatabaseCommand({ Name: 'drop_db' }));
    await g.send(new CreateDatabaseCommand({ DatabaseInput: { Name: 'drop_db' } }));
    // A database of the same name starts empty: its old tables and partitions went with it.
    expect((await g.send(new GetTablesCommand({ DatabaseName: 'drop_db' }))).TableList).toEqual([]);
    await g.send(new CreateTableCommand({ DatabaseName: 'drop_db', TableInput: readingsTable('c') }));
    expect((await g.send(new GetPartitionsCommand({ DatabaseName: 'drop_db', TableName: 'c' }))).Partitions).toEqual([]);
  });

  it('creates, reads, filters, updates and deletes partitions', async () => {
    const g = glue();
    await g.send(new CreateDatabaseCommand({ DatabaseInput: { Name: 'parts_db' } }));
    await g.send(new CreateTableCommand({ DatabaseName: 'parts_db', TableInput: readingsTable('telemetry') }));
    const base = { DatabaseName: 'parts_db', TableName: 'telemetry' };
    await g.send(new CreatePartitionCommand({ ...base, PartitionInput: partition(['2026', '11', '28', '10']) }));
    await expect(g.send(new CreatePartitionCommand({ ...base, PartitionInput: partition(['2026', '11', '28', '10']) }))).rejects.toMatchObject({
      name: 'AlreadyExistsException',
      message: 'Partition already exists.',
    });
    await expect(g.send(new CreatePartitionCommand({ ...base, PartitionInput: partition(['2026', '11']) }))).rejects.toMatchObject({ name: 'InvalidInputException' });
    const batch = await g.send(
      new BatchCreatePartitionCommand({
        ...base,
        PartitionInputList: [partition(['2026', '11', '28', '10']), partition(['2026', '11', '28', '11']), partition(['2026', '12', '01', '00']), partition(['2025', '10', '31', '23'])],
      }),
    );
    expect(batch.Errors).toEqual([
      { PartitionValues: ['2026', '11', '28', '10'], ErrorDetail: { ErrorCode: 'AlreadyExistsException', ErrorMessage: 'Partition already exists.' } },
    ]);
    const one = await g.send(new GetPartitionCommand({ ...base, PartitionValues: ['2026', '11', '28', '11'] }));
    expect(one.Partition).toMatchObject({
      Values: ['2026', '11', '28', '11'],
      DatabaseName: 'parts_db',
      TableName: 'telemetry',
      CatalogId: ACCOUNT,
      StorageDescriptor: { Location: 's3://lake/telemetry/2026/11/28/11/' },
    });
    expect(one.Partition!.CreationTime).toBeInstanceOf(Date);
    await expect(g.send(new GetPartitionCommand({ ...base, PartitionValues: ['1999', '01', '01', '00'] }))).rejects.toMatchObject({
      name: 'EntityNotFoundException',
      message: 'Cannot find partition.',
    });

    const values = async (Expression?: string) => (await g.send(new GetPartitionsCommand({ ...base, Expression }))).Partitions!.map((p) => p.Values!.join('/'));
    expect(await values()).toEqual(['2025/10/31/23', '2026/11/28/10', '2026/11/28/11', '2026/12/01/00']);
    expect(await values("partition_0 = '2026' AND partition_1 >= '11'")).toEqual(['2026/11/28/10', '2026/11/28/11', '2026/12/01/00']);
    expect(await values("partition_0 = '2026' AND partition_1 >= '12'")).toEqual(['2026/12/01/00']);
    expect(await values("partition_0 <> '2026' OR (partition_3 = '11' AND partition_2 = '28')")).toEqual(['2025/10/31/23', '2026/11/28/11']);
    expect(await values("partition_3 IN ('10', '23')")).toEqual(['2025/10/31/23', '2026/11/28/10']);
    expect(await values("partition_3 NOT IN ('10', '23')")).toEqual(['2026/11/28/11', '2026/12/01/00']);
    expect(await values("partition_1 BETWEEN '10' AND '11'")).toEqual(['2025/10/31/23', '2026/11/28/10', '2026/11/28/11']);
    expect(await values("partition_2 < '28' or partition_2 > '28'")).toEqual(['2025/10/31/23', '2026/12/01/00']);
    expect(await values("partition_2 <= '28' and partition_1 != '10'")).toEqual(['2026/11/28/10', '2026/11/28/11', '2026/12/01/00']);
    expect(await values("partition_1 LIKE '1%' AND NOT partition_3 = '00'")).toEqual(['2025/10/31/23', '2026/11/28/10', '2026/11/28/11']);
    expect(await values('partition_0 = 2025')).toEqual(['2025/10/31/23']);
    for (const bad of ["humidity = '41'", "partition_0 = '2026' AND", 'partition_0 ==== 1', "(partition_0 = '2026'"]) {
      await expect(g.send(new GetPartitionsCommand({ ...base, Expression: bad }))).rejects.toMatchObject({ name: 'InvalidInputException', message: 'Invalid partition expression!' });
    }
    const paged = await g.send(new GetPartitionsCommand({ ...base, MaxResults: 3 }));
    expect(paged.Partitions).toHaveLength(3);
    const rest = await g.send(new GetPartitionsCommand({ ...base, MaxResults: 3, NextToken: paged.NextToken }));
    expect(rest.Partitions!.map((p) => p.Values!.join('/'))).toEqual(['2026/12/01/00']);
    const segments = await Promise.all(
      [0, 1].map(async (SegmentNumber) => (await g.send(new GetPartitionsCommand({ ...base, Segment: { SegmentNumber, TotalSegments: 2 } }))).Partitions!.length),
    );
    expect(segments).toEqual([2, 2]);

    const got = await g.send(
      new BatchGetPartitionCommand({ ...base, PartitionsToGet: [{ Values: ['2026', '11', '28', '10'] }, { Values: ['1999', '01', '01', '00'] }] }),
    );
    expect(got.Partitions!.map((p) => p.Values)).toEqual([['2026', '11', '28', '10']]);
    expect(got.UnprocessedKeys).toEqual([]);

    await g.send(
      new UpdatePartitionCommand({
        ...base,
        PartitionValueList: ['2025', '10', '31', '23'],
        PartitionInput: { Values: ['2025', '10', '31', '23'], StorageDescriptor: { Location: 's3://lake/moved/' }, Parameters: { note: 'moved' } },
      }),
    );
    expect((await g.send(new GetPartitionCommand({ ...base, PartitionValues: ['2025', '10', '31', '23'] }))).Partition).toMatchObject({
      StorageDescriptor: { Location: 's3://lake/moved/' },
      Parameters: { note: 'moved' },
    });
    await g.send(new DeletePartitionCommand({ ...base, PartitionValues: ['2025', '10', '31', '23'] }));
    await expect(g.send(new DeletePartitionCommand({ ...base, PartitionValues: ['2025', '10', '31', '23'] }))).rejects.toMatchObject({
      name: 'EntityNotFoundException',
      message: 'Cannot find partition.',
    });
    const deleted = await g.send(
      new BatchDeletePartitionCommand({ ...base, PartitionsToDelete: [{ Values: ['2026', '12', '01', '00'] }, { Values: ['1999', '01', '01', '00'] }] }),
    );
    expect(deleted.Errors).toEqual([
      { PartitionValues: ['1999', '01', '01', '00'], ErrorDetail: { ErrorCode: 'EntityNotFoundException', ErrorMessage: 'Cannot find partition.' } },
    ]);
    expect(await values()).toEqual(['2026/11/28/10', '2026/11/28/11']);
    await expect(g.send(new GetPartitionsCommand({ ...base, TableName: 'ghost' }))).rejects.toMatchObject({ name: 'EntityNotFoundException', message: 'Table ghost not found.' });
  });

  it('compares numeric partition keys as numbers', async () => {
    const g = glue();
    await g.send(new CreateDatabaseCommand({ DatabaseInput: { Name: 'typed_db' } }));
    await g.send(
      new CreateTableCommand({
        DatabaseName: 'typed_db',
        TableInput: { Name: 'hourly', PartitionKeys: [{ Name: 'year', Type: 'int' }, { Name: 'hour', Type: 'string' }], StorageDescriptor: { Columns: [{ Name: 'v', Type: 'int' }] } },
      }),
    );
    const base = { DatabaseName: 'typed_db', TableName: 'hourly' };
    await g.send(new BatchCreatePartitionCommand({ ...base, PartitionInputList: [{ Values: ['9', '9'] }, { Values: ['10', '10'] }] }));
    const values = async (Expression: string) => (await g.send(new GetPartitionsCommand({ ...base, Expression }))).Partitions!.map((p) => p.Values!.join('/'));
    expect(await values('year > 9')).toEqual(['10/10']);
    expect(await values("hour > '9'")).toEqual([]);
    expect(await values("hour < '9'")).toEqual(['10/10']);
    await g.send(new CreatePartitionCommand({ ...base, PartitionInput: { Values: ['null', '1'] } }));
    await expect(g.send(new GetPartitionsCommand({ ...base, Expression: 'year >= 0' }))).rejects.toMatchObject({
      name: 'InvalidStateException',
      message: 'For input string: "null" is not an integer.',
    });
  });

  it('tags databases, tables and crawlers by ARN', async () => {
    const g = glue();
    await g.send(new CreateDatabaseCommand({ DatabaseInput: { Name: 'tagged_db' }, Tags: { workshop: 'iot-pipeline-labs' } }));
    await g.send(new CreateTableCommand({ DatabaseName: 'tagged_db', TableInput: readingsTable('t') }));
    const dbArn = `arn:aws:glue:us-east-1:${ACCOUNT}:database/tagged_db`;
    const tableArn = `arn:aws:glue:us-east-1:${ACCOUNT}:table/tagged_db/t`;
    expect((await g.send(new GetTagsCommand({ ResourceArn: dbArn }))).Tags).toEqual({ workshop: 'iot-pipeline-labs' });
    await g.send(new TagResourceCommand({ ResourceArn: dbArn, TagsToAdd: { lab: '4' } }));
    await g.send(new TagResourceCommand({ ResourceArn: tableArn, TagsToAdd: { lab: '4', kind: 'readings' } }));
    await g.send(new UntagResourceCommand({ ResourceArn: tableArn, TagsToRemove: ['kind'] }));
    expect((await g.send(new GetTagsCommand({ ResourceArn: dbArn }))).Tags).toEqual({ workshop: 'iot-pipeline-labs', lab: '4' });
    expect((await g.send(new GetTagsCommand({ ResourceArn: tableArn }))).Tags).toEqual({ lab: '4' });
    await expect(g.send(new GetTagsCommand({ ResourceArn: `arn:aws:glue:us-east-1:${ACCOUNT}:database/ghost` }))).rejects.toMatchObject({ name: 'EntityNotFoundException' });
    await expect(g.send(new GetTagsCommand({ ResourceArn: 'arn:aws:s3:::lake' }))).rejects.toMatchObject({ name: 'ValidationException' });
    const tooMany = Object.fromEntries(Array.from({ length: 49 }, (_, i) => [`k${i}`, 'v']));
    await expect(g.send(new TagResourceCommand({ ResourceArn: dbArn, TagsToAdd: tooMany }))).rejects.toMatchObject({ name: 'InvalidInputException' });
  });

  it('keeps catalogs apart per account and region', async () => {
    await glue().send(new CreateDatabaseCommand({ DatabaseInput: { Name: 'scoped' } }));
    const other = new GlueClient(sb.config({ region: 'eu-west-1' }));
    await expect(other.send(new GetDatabaseCommand({ Name: 'scoped' }))).rejects.toMatchObject({ name: 'EntityNotFoundException' });
    const otherAccount = new GlueClient(sb.config({ accessKeyId: '111122223333' }));
    await expect(otherAccount.send(new GetDatabaseCommand({ Name: 'scoped' }))).rejects.toMatchObject({ name: 'EntityNotFoundException' });
  });

  it('serves the in-process API over the same catalog', async () => {
    const api = sb.running.sandbox.apis.glue!;
    const owner = { accountId: ACCOUNT, region: 'us-east-1', clock: sb.running.sandbox.clock };
    api.createDatabase(owner, { Name: 'Athena_DB' });
    expect(() => api.createDatabase(owner, { Name: 'athena_db' })).toThrow('Database already exists.');
    expect(api.getDatabase(owner, 'ATHENA_DB')).toMatchObject({ Name: 'athena_db' });
    expect(api.listDatabases(owner).map((d) => d.Name)).toContain('athena_db');
    expect(() => api.createTable(owner, 'missing', { Name: 't' })).toThrow('Database missing not found.');
    api.createTable(owner, 'athena_db', { Name: 'Telemetry', StorageDescriptor: { Columns: [{ Name: 'humidity', Type: 'int' }], Location: 's3://lake/telemetry/' }, PartitionKeys: [{ Name: 'partition_0', Type: 'string' }] });
    const table = api.getTable(owner, 'athena_db', 'telemetry')!;
    expect(table).toMatchObject({ Name: 'telemetry', DatabaseName: 'athena_db', VersionId: '0', StorageDescriptor: { Location: 's3://lake/telemetry/' } });
    expect(typeof table.CreateTime).toBe('number');
    expect(api.addPartitions(owner, 'athena_db', 'telemetry', [{ Values: ['2026'] }, { Values: ['2025'] }])).toBe(2);
    expect(api.addPartitions(owner, 'athena_db', 'telemetry', [{ Values: ['2026'] }, { Values: ['2024'] }])).toBe(1);
    expect(api.getPartitions(owner, 'athena_db', 'telemetry').map((p) => p.Values)).toEqual([['2024'], ['2025'], ['2026']]);
    // What the API wrote, the wire reads.
    const wire = await glue().send(new GetPartitionsCommand({ DatabaseName: 'athena_db', TableName: 'telemetry' }));
    expect(wire.Partitions).toHaveLength(3);
    expect(api.getTables(owner, 'athena_db').map((t) => t.Name)).toEqual(['telemetry']);
    api.deleteTable(owner, 'athena_db', 'telemetry');
    expect(api.getTable(owner, 'athena_db', 'telemetry')).toBeUndefined();
    expect(() => api.deleteTable(owner, 'athena_db', 'telemetry')).toThrow('Table telemetry not found.');
  });
});

describe('Glue Data Catalog with the AWS CLI and boto3', () => {
  const sb = useSandbox();

  it('creates a database and a table, lists them and filters partitions with the AWS CLI', { timeout: 60_000 }, async (ctx) => {
    const cli = awsCli(requireAwsCli(ctx, 'v1'), sb);
    const aws = (...args: string[]) => cli.json('glue', ...args);
    await aws('create-database', '--database-input', JSON.stringify({ Name: 'cli_db', Description: 'from the CLI' }));
    await aws('create-table', '--database-name', 'cli_db', '--table-input', JSON.stringify(readingsTable('telemetry')));
    const g = new GlueClient(sb.config());
    await g.send(new BatchCreatePartitionCommand({ DatabaseName: 'cli_db', TableName: 'telemetry', PartitionInputList: [partition(['2026', '11', '28', '10']), partition(['2026', '11', '28', '11'])] }));
    const tables = await aws('get-tables', '--database-name', 'cli_db');
    expect(tables.TableList).toHaveLength(1);
    expect(tables.TableList[0]).toMatchObject({ Name: 'telemetry', DatabaseName: 'cli_db', StorageDescriptor: { SerdeInfo: { SerializationLibrary: JSON_SERDE } } });
    const parts = await aws('get-partitions', '--database-name', 'cli_db', '--table-name', 'telemetry', '--expression', "partition_3 >= '11'");
    expect(parts.Partitions.map((p: { Values: string[] }) => p.Values)).toEqual([['2026', '11', '28', '11']]);
    const missing = await cli.exec('glue', 'get-table', '--database-name', 'cli_db', '--name', 'ghost');
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('An error occurred (EntityNotFoundException) when calling the GetTable operation: Table ghost not found.');
  });

  const boto3 = spawnSync('python3', ['-c', 'import boto3'], { encoding: 'utf8' });
  it.skipIf(boto3.status !== 0)('answers boto3', { timeout: 30_000 }, async () => {
    await new GlueClient(sb.config()).send(new CreateDatabaseCommand({ DatabaseInput: { Name: 'py_db' } }));
    const script = [
      'import boto3, json, sys',
      'g = boto3.client("glue", endpoint_url=sys.argv[1], region_name="us-east-1", aws_access_key_id=sys.argv[2], aws_secret_access_key=sys.argv[3])',
      'g.create_table(DatabaseName="py_db", TableInput={"Name": "readings", "StorageDescriptor": {"Columns": [{"Name": "humidity", "Type": "int"}]}})',
      't = g.get_table(DatabaseName="py_db", Name="readings")["Table"]',
      'try:',
      '    g.get_database(Name="ghost")',
      '    err = None',
      'except g.exceptions.EntityNotFoundException as e:',
      '    err = [e.response["Error"]["Code"], e.response["Error"]["Message"]]',
      'print(json.dumps({"name": t["Name"], "columns": t["StorageDescriptor"]["Columns"], "version": t["VersionId"], "error": err}))',
    ].join('\n');
    // Asynchronously: the sandbox answering python runs in this process.
    const out = await promisify(execFile)('python3', ['-c', script, sb.endpoint, SANDBOX_CREDENTIALS.accessKeyId, SANDBOX_CREDENTIALS.secretAccessKey], {
      env: { ...process.env, AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null' },
    });
    expect(JSON.parse(out.stdout)).toEqual({ name: 'readings', columns: [{ Name: 'humidity', Type: 'int' }], version: '0', error: ['EntityNotFoundException', 'Database ghost not found.'] });
  });
});
