// Athena's control plane over the wire with @aws-sdk/client-athena at default settings: workgroups (primary
// always there), tags, named queries, the checks StartQueryExecution makes before it accepts a query, the
// query listings and the catalog views, in AWS's shapes and words.

import { describe, expect, it } from 'vitest';
import {
  AthenaClient,
  BatchGetNamedQueryCommand,
  BatchGetQueryExecutionCommand,
  CreateNamedQueryCommand,
  CreateWorkGroupCommand,
  DeleteNamedQueryCommand,
  DeleteWorkGroupCommand,
  GetDataCatalogCommand,
  GetDatabaseCommand,
  GetTableMetadataCommand,
  GetNamedQueryCommand,
  GetQueryExecutionCommand,
  GetQueryResultsCommand,
  GetWorkGroupCommand,
  ListDataCatalogsCommand,
  ListDatabasesCommand,
  ListTableMetadataCommand,
  ListNamedQueriesCommand,
  ListQueryExecutionsCommand,
  ListTagsForResourceCommand,
  ListWorkGroupsCommand,
  StartQueryExecutionCommand,
  StopQueryExecutionCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateNamedQueryCommand,
  UpdateWorkGroupCommand,
} from '@aws-sdk/client-athena';
import { CreateBucketCommand, GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { useSandbox } from './support.js';

const WG_ARN = (name: string) => `arn:aws:athena:us-east-1:000000000000:workgroup/${name}`;

describe('Athena control plane', () => {
  const sb = useSandbox();
  const client = () => new AthenaClient(sb.config());
  const s3 = () => new S3Client({ ...sb.config(), forcePathStyle: true });

  const settled = async (id: string) => {
    await sb.running.sandbox.api('athena').settle();
    return (await client().send(new GetQueryExecutionCommand({ QueryExecutionId: id }))).QueryExecution!;
  };

  it('has a primary workgroup that cannot be created or deleted', async () => {
    const athena = client();
    const { WorkGroup } = await athena.send(new GetWorkGroupCommand({ WorkGroup: 'primary' }));
    expect(WorkGroup).toMatchObject({
      Name: 'primary',
      State: 'ENABLED',
      Configuration: { EnforceWorkGroupConfiguration: false, EngineVersion: { SelectedEngineVersion: 'AUTO', EffectiveEngineVersion: 'Athena engine version 3' } },
    });
    expect(WorkGroup!.CreationTime).toBeInstanceOf(Date);
    await expect(athena.send(new CreateWorkGroupCommand({ Name: 'primary' }))).rejects.toMatchObject({ name: 'InvalidRequestException', message: 'primary workGroup could not be created' });
    await expect(athena.send(new DeleteWorkGroupCommand({ WorkGroup: 'primary' }))).rejects.toMatchObject({ name: 'InvalidRequestException', message: 'primary workGroup could not be deleted' });
  });

  it('creates, lists, updates and deletes workgroups with their configuration', async () => {
    const athena = client();
    await athena.send(
      new CreateWorkGroupCommand({
        Name: 'analytics',
        Description: 'lab 4',
        Configuration: { ResultConfiguration: { OutputLocation: 's3://athena-results/analytics/' } },
        Tags: [{ Key: 'workshop', Value: 'iot-pipeline-labs' }],
      }),
    );
    const { WorkGroup } = await athena.send(new GetWorkGroupCommand({ WorkGroup: 'analytics' }));
    expect(WorkGroup).toMatchObject({
      Name: 'analytics',
      State: 'ENABLED',
      Description: 'lab 4',
      Configuration: {
        ResultConfiguration: { OutputLocation: 's3://athena-results/analytics/' },
        EnforceWorkGroupConfiguration: true,
        PublishCloudWatchMetricsEnabled: true,
        RequesterPaysEnabled: false,
      },
    });
    await expect(athena.send(new CreateWorkGroupCommand({ Name: 'analytics' }))).rejects.toMatchObject({ name: 'InvalidRequestException', message: 'WorkGroup is already created' });
    await expect(athena.send(new GetWorkGroupCommand({ WorkGroup: 'nope' }))).rejects.toMatchObject({ name: 'InvalidRequestException', message: 'WorkGroup nope is not found.' });

    await athena.send(
      new UpdateWorkGroupCommand({
        WorkGroup: 'analytics',
        Description: 'renamed',
        State: 'DISABLED',
        ConfigurationUpdates: { EnforceWorkGroupConfiguration: false, ResultConfigurationUpdates: { RemoveOutputLocation: true } },
      }),
    );
    const updated = (await athena.send(new GetWorkGroupCommand({ WorkGroup: 'analytics' }))).WorkGroup!;
    expect(updated).toMatchObject({ State: 'DISABLED', Description: 'renamed', Configuration: { EnforceWorkGroupConfiguration: false } });
    expect(updated.Configuration!.ResultConfiguration?.OutputLocation).toBeUndefined();

    const { WorkGroups } = await athena.send(new ListWorkGroupsCommand({}));
    expect(WorkGroups!.map((w) => w.Name)).toEqual(expect.arrayContaining(['analytics', 'primary']));
    expect(WorkGroups!.find((w) => w.Name === 'analytics')).toMatchObject({ State: 'DISABLED', Description: 'renamed', EngineVersion: { EffectiveEngineVersion: 'Athena engine version 3' } });
    const first = await athena.send(new ListWorkGroupsCommand({ MaxResults: 1 }));
    expect(first.WorkGroups).toHaveLength(1);
    const second = await athena.send(new ListWorkGroupsCommand({ MaxResults: 1, NextToken: first.NextToken }));
    expect(second.WorkGroups![0]!.Name).not.toBe(first.WorkGroups![0]!.Name);

    await athena.send(new DeleteWorkGroupCommand({ WorkGroup: 'analytics' }));
    await expect(athena.send(new GetWorkGroupCommand({ WorkGroup: 'analytics' }))).rejects.toMatchObject({ name: 'InvalidRequestException' });
  });

  it('validates input with lowerCamel paths as InvalidRequestException', async () => {
    const athena = client();
    await expect(athena.send(new CreateWorkGroupCommand({ Name: 'bad name!' }))).rejects.toMatchObject({
      name: 'InvalidRequestException',
      message: "1 validation error detected: Value 'bad name!' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9._-]{1,128}",
    });
    await expect(athena.send(new GetQueryResultsCommand({ QueryExecutionId: 'x', MaxResults: 2000 }))).rejects.toMatchObject({
      name: 'InvalidRequestException',
      message: "1 validation error detected: Value '2000' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 1000",
    });
  });

  it('tags workgroups by ARN', async () => {
    const athena = client();
    await athena.send(new CreateWorkGroupCommand({ Name: 'tagged', Tags: [{ Key: 'a', Value: '1' }] }));
    await athena.send(new TagResourceCommand({ ResourceARN: WG_ARN('tagged'), Tags: [{ Key: 'b', Value: '2' }, { Key: 'a', Value: '3' }] }));
    expect((await athena.send(new ListTagsForResourceCommand({ ResourceARN: WG_ARN('tagged') }))).Tags).toEqual([
      { Key: 'a', Value: '3' },
      { Key: 'b', Value: '2' },
    ]);
    await athena.send(new UntagResourceCommand({ ResourceARN: WG_ARN('tagged'), TagKeys: ['a'] }));
    expect((await athena.send(new ListTagsForResourceCommand({ ResourceARN: WG_ARN('tagged') }))).Tags).toEqual([{ Key: 'b', Value: '2' }]);
    await expect(athena.send(new ListTagsForResourceCommand({ ResourceARN: WG_ARN('missing') }))).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });

  it('keeps named queries per workgroup, idempotent by ClientRequestToken', async () => {
    const athena = client();
    const token = 'a'.repeat(32);
    const { NamedQueryId: id } = await athena.send(
      new CreateNamedQueryCommand({ Name: 'per device', Description: 'counts', Database: 'iot', QueryString: 'SELECT 1', ClientRequestToken: token }),
    );
    const again = await athena.send(new CreateNamedQueryCommand({ Name: 'per device', Description: 'counts', Database: 'iot', QueryString: 'SELECT 1', ClientRequestToken: token }));
    expect(again.NamedQueryId).toBe(id);
    const { NamedQuery } = await athena.send(new GetNamedQueryCommand({ NamedQueryId: id }));
    expect(NamedQuery).toEqual({ Name: 'per device', Description: 'counts', Database: 'iot', QueryString: 'SELECT 1', NamedQueryId: id, WorkGroup: 'primary' });

    const { NamedQueryId: other } = await athena.send(new CreateNamedQueryCommand({ Name: 'other', Database: 'iot', QueryString: 'SELECT 2' }));
    expect((await athena.send(new ListNamedQueriesCommand({}))).NamedQueryIds).toEqual(expect.arrayContaining([id, other]));
    const batch = await athena.send(new BatchGetNamedQueryCommand({ NamedQueryIds: [id!, 'missing-id'] }));
    expect(batch.NamedQueries!.map((q) => q.NamedQueryId)).toEqual([id]);
    expect(batch.UnprocessedNamedQueryIds).toEqual([{ NamedQueryId: 'missing-id', ErrorCode: 'INVALID_INPUT', ErrorMessage: 'NamedQuery missing-id was not found' }]);

    await athena.send(new UpdateNamedQueryCommand({ NamedQueryId: id, Name: 'renamed', QueryString: 'SELECT 3' }));
    expect((await athena.send(new GetNamedQueryCommand({ NamedQueryId: id }))).NamedQuery).toMatchObject({ Name: 'renamed', QueryString: 'SELECT 3', Description: 'counts' });
    await athena.send(new DeleteNamedQueryCommand({ NamedQueryId: id }));
    await expect(athena.send(new GetNamedQueryCommand({ NamedQueryId: id }))).rejects.toMatchObject({ name: 'InvalidRequestException', message: `NamedQuery ${id} was not found` });
    await expect(athena.send(new CreateNamedQueryCommand({ Name: 'x', Database: 'iot', QueryString: 'SELECT 1', WorkGroup: 'nope' }))).rejects.toMatchObject({
      name: 'InvalidRequestException',
      message: 'WorkGroup is not found.',
    });
  });

  it('refuses to delete a workgroup with contents unless RecursiveDeleteOption says so', async () => {
    const athena = client();
    await athena.send(new CreateWorkGroupCommand({ Name: 'busy' }));
    const { NamedQueryId } = await athena.send(new CreateNamedQueryCommand({ Name: 'q', Database: 'iot', QueryString: 'SELECT 1', WorkGroup: 'busy' }));
    await expect(athena.send(new DeleteWorkGroupCommand({ WorkGroup: 'busy' }))).rejects.toMatchObject({ name: 'InvalidRequestException', message: expect.stringMatching(/^WorkGroup busy is not empty/) });
    await athena.send(new DeleteWorkGroupCommand({ WorkGroup: 'busy', RecursiveDeleteOption: true }));
    await expect(athena.send(new GetNamedQueryCommand({ NamedQueryId }))).rejects.toMatchObject({ name: 'InvalidRequestException' });
  });

  it('needs an output location from the query or its workgroup, and an enabled workgroup', async () => {
    const athena = client();
    await expect(athena.send(new StartQueryExecutionCommand({ QueryString: 'SELECT 1' }))).rejects.toMatchObject({
      name: 'InvalidRequestException',
      message: 'No output location provided. An output location is required either through the Workgroup result configuration setting or as an API input.',
    });
    await expect(athena.send(new StartQueryExecutionCommand({ QueryString: 'SELECT 1', WorkGroup: 'nope' }))).rejects.toMatchObject({
      name: 'InvalidRequestException',
      message: 'WorkGroup is not found.',
    });
    await athena.send(new CreateWorkGroupCommand({ Name: 'off' }));
    await athena.send(new UpdateWorkGroupCommand({ WorkGroup: 'off', State: 'DISABLED' }));
    await expect(athena.send(new StartQueryExecutionCommand({ QueryString: 'SELECT 1', WorkGroup: 'off', ResultConfiguration: { OutputLocation: 's3://r/' } }))).rejects.toMatchObject({
      name: 'InvalidRequestException',
      message: 'WorkGroup off is disabled.',
    });
  });

  it('runs a query, writes Athena-style CSV and metadata, and enforces the workgroup location', async () => {
    const athena = client();
    await s3().send(new CreateBucketCommand({ Bucket: 'athena-results' }));
    await athena.send(new CreateWorkGroupCommand({ Name: 'enforced', Configuration: { ResultConfiguration: { OutputLocation: 's3://athena-results/wg' } } }));
    const { QueryExecutionId: id } = await athena.send(
      new StartQueryExecutionCommand({ QueryString: `SELECT 1 AS n, 'a"b' AS s, NULL AS z, 2.5e0 AS d`, WorkGroup: 'enforced', ResultConfiguration: { OutputLocation: 's3://elsewhere/' } }),
    );
    const execution = await settled(id!);
    expect(execution).toMatchObject({
      QueryExecutionId: id,
      Query: `SELECT 1 AS n, 'a"b' AS s, NULL AS z, 2.5e0 AS d`,
      StatementType: 'DML',
      SubstatementType: 'SELECT',
      WorkGroup: 'enforced',
      ResultConfiguration: { OutputLocation: `s3://athena-results/wg/${id}.csv` },
      Status: { State: 'SUCCEEDED' },
      Statistics: { DataScannedInBytes: 0 },
      EngineVersion: { EffectiveEngineVersion: 'Athena engine version 3' },
    });
    expect(execution.Status!.SubmissionDateTime).toBeInstanceOf(Date);
    expect(execution.Status!.CompletionDateTime).toBeInstanceOf(Date);
    const csv = await (await s3().send(new GetObjectCommand({ Bucket: 'athena-results', Key: `wg/${id}.csv` }))).Body!.transformToString();
    expect(csv).toBe('"n","s","z","d"\n"1","a""b",,"2.5"\n');
    const metadata = await s3().send(new GetObjectCommand({ Bucket: 'athena-results', Key: `wg/${id}.csv.metadata` }));
    expect(metadata.ContentLength).toBeGreaterThan(0);

    const results = await athena.send(new GetQueryResultsCommand({ QueryExecutionId: id }));
    expect(results.ResultSet!.Rows).toEqual([{ Data: [{ VarCharValue: 'n' }, { VarCharValue: 's' }, { VarCharValue: 'z' }, { VarCharValue: 'd' }] }, { Data: [{ VarCharValue: '1' }, { VarCharValue: 'a"b' }, {}, { VarCharValue: '2.5' }] }]);
    expect(results.ResultSet!.ResultSetMetadata!.ColumnInfo).toEqual([
      { CatalogName: 'hive', SchemaName: '', TableName: '', Name: 'n', Label: 'n', Type: 'integer', Precision: 10, Scale: 0, Nullable: 'UNKNOWN', CaseSensitive: false },
      { CatalogName: 'hive', SchemaName: '', TableName: '', Name: 's', Label: 's', Type: 'varchar', Precision: 2147483647, Scale: 0, Nullable: 'UNKNOWN', CaseSensitive: true },
      expect.objectContaining({ Name: 'z', Nullable: 'UNKNOWN' }),
      expect.objectContaining({ Name: 'd', Type: 'double', Precision: 17 }),
    ]);
  });

  it('answers for queries that do not exist or have not succeeded', async () => {
    const athena = client();
    await expect(athena.send(new GetQueryExecutionCommand({ QueryExecutionId: 'nope' }))).rejects.toMatchObject({ name: 'InvalidRequestException', message: 'QueryExecution nope was not found' });
    await expect(athena.send(new StopQueryExecutionCommand({ QueryExecutionId: 'nope' }))).rejects.toMatchObject({ name: 'InvalidRequestException' });
    const { QueryExecutionId: failed } = await athena.send(new StartQueryExecutionCommand({ QueryString: 'SELEC 1', ResultConfiguration: { OutputLocation: 's3://athena-results/' } }));
    const execution = await settled(failed!);
    expect(execution.Status).toMatchObject({ State: 'FAILED', AthenaError: { ErrorCategory: 2, ErrorType: 1006, Retryable: false } });
    expect(execution.Status!.StateChangeReason).toMatch(/^line 1:1: mismatched input 'SELEC'\. Expecting: /);
    await expect(athena.send(new GetQueryResultsCommand({ QueryExecutionId: failed }))).rejects.toMatchObject({ name: 'InvalidRequestException', message: execution.Status!.StateChangeReason });
    // Stopping a finished query changes nothing.
    await athena.send(new StopQueryExecutionCommand({ QueryExecutionId: failed }));
    expect((await athena.send(new GetQueryExecutionCommand({ QueryExecutionId: failed }))).QueryExecution!.Status!.State).toBe('FAILED');

    const batch = await athena.send(new BatchGetQueryExecutionCommand({ QueryExecutionIds: [failed!, 'missing'] }));
    expect(batch.QueryExecutions!.map((q) => q.QueryExecutionId)).toEqual([failed]);
    expect(batch.UnprocessedQueryExecutionIds).toEqual([{ QueryExecutionId: 'missing', ErrorCode: 'INVALID_INPUT', ErrorMessage: 'QueryExecution missing was not found' }]);
  });

  it('fails a query whose output bucket does not exist', async () => {
    const athena = client();
    const { QueryExecutionId } = await athena.send(new StartQueryExecutionCommand({ QueryString: 'SELECT 1', ResultConfiguration: { OutputLocation: 's3://no-such-bucket/out/' } }));
    const execution = await settled(QueryExecutionId!);
    expect(execution.Status).toMatchObject({ State: 'FAILED', StateChangeReason: 'Unable to verify/create output bucket no-such-bucket' });
  });

  it('returns the same query for a repeated ClientRequestToken and lists queries newest first', async () => {
    const athena = client();
    await athena.send(new CreateWorkGroupCommand({ Name: 'history', Configuration: { ResultConfiguration: { OutputLocation: 's3://athena-results/history/' } } }));
    const token = 'b'.repeat(40);
    const first = await athena.send(new StartQueryExecutionCommand({ QueryString: 'SELECT 1', WorkGroup: 'history', ClientRequestToken: token }));
    const repeat = await athena.send(new StartQueryExecutionCommand({ QueryString: 'SELECT 1', WorkGroup: 'history', ClientRequestToken: token }));
    expect(repeat.QueryExecutionId).toBe(first.QueryExecutionId);
    await expect(athena.send(new StartQueryExecutionCommand({ QueryString: 'SELECT 2', WorkGroup: 'history', ClientRequestToken: token }))).rejects.toMatchObject({
      name: 'InvalidRequestException',
    });
    const ids = [first.QueryExecutionId!];
    for (let i = 0; i < 3; i++) ids.push((await athena.send(new StartQueryExecutionCommand({ QueryString: `SELECT ${i}`, WorkGroup: 'history' }))).QueryExecutionId!);
    await sb.running.sandbox.api('athena').settle();
    const page1 = await athena.send(new ListQueryExecutionsCommand({ WorkGroup: 'history', MaxResults: 3 }));
    const page2 = await athena.send(new ListQueryExecutionsCommand({ WorkGroup: 'history', MaxResults: 3, NextToken: page1.NextToken }));
    expect([...page1.QueryExecutionIds!, ...page2.QueryExecutionIds!]).toEqual([...ids].reverse());
    expect(page2.NextToken).toBeUndefined();
  });

  it('shows AwsDataCatalog, its databases and tables', async () => {
    const athena = client();
    expect((await athena.send(new ListDataCatalogsCommand({}))).DataCatalogsSummary).toEqual([{ CatalogName: 'AwsDataCatalog', Type: 'GLUE' }]);
    expect((await athena.send(new GetDataCatalogCommand({ Name: 'AwsDataCatalog' }))).DataCatalog).toMatchObject({ Name: 'AwsDataCatalog', Type: 'GLUE' });
    for (const sql of [
      `CREATE DATABASE lakedb COMMENT 'the lake'`,
      `CREATE EXTERNAL TABLE lakedb.readings (device_name string, humidity int) PARTITIONED BY (hour string) ROW FORMAT SERDE 'org.openx.data.jsonserde.JsonSerDe' LOCATION 's3://lake/telemetry/' TBLPROPERTIES ('classification' = 'json')`,
    ]) {
      const { QueryExecutionId } = await athena.send(new StartQueryExecutionCommand({ QueryString: sql, ResultConfiguration: { OutputLocation: 's3://athena-results/ddl/' } }));
      expect((await settled(QueryExecutionId!)).Status!.State).toBe('SUCCEEDED');
    }
    expect((await athena.send(new ListDatabasesCommand({ CatalogName: 'AwsDataCatalog' }))).DatabaseList).toEqual(expect.arrayContaining([{ Name: 'lakedb', Description: 'the lake' }]));
    expect((await athena.send(new GetDatabaseCommand({ CatalogName: 'AwsDataCatalog', DatabaseName: 'lakedb' }))).Database).toEqual({ Name: 'lakedb', Description: 'the lake' });
    const { TableMetadataList } = await athena.send(new ListTableMetadataCommand({ CatalogName: 'AwsDataCatalog', DatabaseName: 'lakedb', Expression: 'read*' }));
    expect(TableMetadataList).toHaveLength(1);
    expect(TableMetadataList![0]).toMatchObject({
      Name: 'readings',
      TableType: 'EXTERNAL_TABLE',
      Columns: [
        { Name: 'device_name', Type: 'string' },
        { Name: 'humidity', Type: 'int' },
      ],
      PartitionKeys: [{ Name: 'hour', Type: 'string' }],
      Parameters: { classification: 'json', EXTERNAL: 'TRUE', location: 's3://lake/telemetry/', 'serde.serialization.lib': 'org.openx.data.jsonserde.JsonSerDe' },
    });
    expect((await athena.send(new GetTableMetadataCommand({ CatalogName: 'AwsDataCatalog', DatabaseName: 'lakedb', TableName: 'readings' }))).TableMetadata!.Name).toBe('readings');
    await expect(athena.send(new GetTableMetadataCommand({ CatalogName: 'AwsDataCatalog', DatabaseName: 'lakedb', TableName: 'nope' }))).rejects.toMatchObject({ name: 'MetadataException' });
    await expect(athena.send(new ListDatabasesCommand({ CatalogName: 'other' }))).rejects.toMatchObject({ name: 'MetadataException' });
  });
});
