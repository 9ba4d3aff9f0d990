import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BatchWriteItemCommand,
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
  ListTablesCommand,
  ListTagsOfResourceCommand,
  PutItemCommand,
  ScanCommand,
  TagResourceCommand,
  UntagResourceCommand,
  waitUntilTableExists,
  waitUntilTableNotExists,
} from '@aws-sdk/client-dynamodb';
import { DeleteCommand, DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, UpdateCommand, BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { startSandbox, type RunningSandbox } from '../../sandbox/index.js';
import { clientConfig, useSandbox } from './support.js';
import { labTable } from './lab-table.js';
import { killHard, useChildSandboxes } from './child-sandbox.js';

function reading(device: string, minute: number) {
  const ts = `2026-11-28T10:${String(minute).padStart(2, '0')}:00`;
  return { deviceid: device, timestamp: ts, HUMIDITY: 40 + (minute % 10), TEMPERATURE: 20 + (minute % 5) };
}

describe('DynamoDB', () => {
  const sb = useSandbox();
  const ddb = () => new DynamoDBClient(sb.config());
  const doc = () => DynamoDBDocumentClient.from(ddb());

  it('creates the labs table, reports it with an ARN of the caller account and region, and the waiter sees it', async () => {
    const client = ddb();
    const created = await client.send(new CreateTableCommand(labTable('iot-readings')));
    expect(created.TableDescription?.TableArn).toBe('arn:aws:dynamodb:us-east-1:000000000000:table/iot-readings');
    expect(created.TableDescription?.KeySchema).toEqual([
      { AttributeName: 'deviceid', KeyType: 'HASH' },
      { AttributeName: 'timestamp', KeyType: 'RANGE' },
    ]);
    const waited = await waitUntilTableExists({ client, maxWaitTime: 25 }, { TableName: 'iot-readings' });
    expect(waited.state).toBe('SUCCESS');
    const { Table } = await client.send(new DescribeTableCommand({ TableName: 'iot-readings' }));
    expect(Table?.TableStatus).toBe('ACTIVE');
    expect(Table?.TableArn).toBe('arn:aws:dynamodb:us-east-1:000000000000:table/iot-readings');
    expect(Table?.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');
    expect(Table?.CreationDateTime).toBeInstanceOf(Date);

    const other = new DynamoDBClient(sb.config({ region: 'eu-west-1', accessKeyId: '123456789012' }));
    const there = await other.send(new CreateTableCommand(labTable('iot-readings')));
    expect(there.TableDescription?.TableArn).toBe('arn:aws:dynamodb:eu-west-1:123456789012:table/iot-readings');
  });

  it('lists tables, paginated by name', async () => {
    const client = ddb();
    for (const name of ['list-a', 'list-b', 'list-c']) await client.send(new CreateTableCommand(labTable(name)));
    const first = await client.send(new ListTablesCommand({ Limit: 2 }));
    expect(first.TableNames).toEqual(['iot-readings', 'list-a']);
    expect(first.LastEvaluatedTableName).toBe('list-a');
    const rest = await client.send(new ListTablesCommand({ ExclusiveStartTableName: first.LastEvaluatedTableName }));
    expect(rest.TableNames).toEqual(['list-b', 'list-c']);
    expect(rest.LastEvaluatedTableName).toBeUndefined();
  });

  it('puts, gets, updates and deletes items through lib-dynamodb', async () => {
    const client = doc();
    await client.send(new PutCommand({ TableName: 'iot-readings', Item: reading('dev-crud', 1) }));
    const got = await client.send(new GetCommand({ TableName: 'iot-readings', Key: { deviceid: 'dev-crud', timestamp: '2026-11-28T10:01:00' } }));
    expect(got.Item).toEqual(reading('dev-crud', 1));

    const updated = await client.send(
      new UpdateCommand({
        TableName: 'iot-readings',
        Key: { deviceid: 'dev-crud', timestamp: '2026-11-28T10:01:00' },
        UpdateExpression: 'SET TEMPERATURE = TEMPERATURE + :d, #n = :n',
        ExpressionAttributeNames: { '#n': 'note' },
        ExpressionAttributeValues: { ':d': 5, ':n': 'recalibrated' },
        ReturnValues: 'ALL_NEW',
      }),
    );
    expect(updated.Attributes).toMatchObject({ TEMPERATURE: 26, note: 'recalibrated' });

    await expect(
      client.send(new PutCommand({ TableName: 'iot-readings', Item: reading('dev-crud', 1), ConditionExpression: 'attribute_not_exists(deviceid)' })),
    ).rejects.toMatchObject({ name: 'ConditionalCheckFailedException', message: 'The conditional request failed' });

    const deleted = await client.send(
      new DeleteCommand({ TableName: 'iot-readings', Key: { deviceid: 'dev-crud', timestamp: '2026-11-28T10:01:00' }, ReturnValues: 'ALL_OLD' }),
    );
    expect(deleted.Attributes?.note).toBe('recalibrated');
    const gone = await client.send(new GetCommand({ TableName: 'iot-readings', Key: { deviceid: 'dev-crud', timestamp: '2026-11-28T10:01:00' } }));
    expect(gone.Item).toBeUndefined();
  });

  it('batch-writes readings and queries the newest 30 of a device with #ts for the reserved word', async () => {
    const client = doc();
    const items = Array.from({ length: 50 }, (_, i) => reading('dev-q', i));
    for (let i = 0; i < items.length; i += 25) {
      const out = await client.send(
        new BatchWriteCommand({ RequestItems: { 'iot-readings': items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) } }),
      );
      expect(out.UnprocessedItems).toEqual({});
    }
    await client.send(new PutCommand({ TableName: 'iot-readings', Item: reading('dev-other', 59) }));

    const newest = await client.send(
      new QueryCommand({
        TableName: 'iot-readings',
        KeyConditionExpression: 'deviceid = :d',
        ExpressionAttributeValues: { ':d': 'dev-q' },
        ScanIndexForward: false,
        Limit: 30,
      }),
    );
    expect(newest.Count).toBe(30);
    expect(newest.Items?.[0]?.timestamp).toBe('2026-11-28T10:49:00');
    expect(newest.Items?.[29]?.timestamp).toBe('2026-11-28T10:20:00');
    expect(newest.LastEvaluatedKey).toEqual({ deviceid: 'dev-q', timestamp: '2026-11-28T10:20:00' });

    const since = await client.send(
      new QueryCommand({
        TableName: 'iot-readings',
        KeyConditionExpression: 'deviceid = :d AND #ts >= :from',
        ExpressionAttributeNames: { '#ts': 'timestamp' },
        ExpressionAttributeValues: { ':d': 'dev-q', ':from': '2026-11-28T10:45:00' },
      }),
    );
    expect(since.Items?.map((i) => i.timestamp)).toEqual(['45', '46', '47', '48', '49'].map((m) => `2026-11-28T10:${m}:00`));

    await expect(
      client.send(
        new QueryCommand({
          TableName: 'iot-readings',
          KeyConditionExpression: 'deviceid = :d AND timestamp >= :from',
          ExpressionAttributeValues: { ':d': 'dev-q', ':from': 'x' },
        }),
      ),
    ).rejects.toMatchObject({
      name: 'ValidationException',
      message: 'Invalid KeyConditionExpression: Attribute name is a reserved keyword; reserved keyword: timestamp',
    });
  });

  it('scans with a filter and pages with ExclusiveStartKey', async () => {
    const client = ddb();
    await client.send(new CreateTableCommand(labTable('scan-me')));
    const puts = Array.from({ length: 12 }, (_, i) => ({ PutRequest: { Item: { deviceid: { S: `d${i % 3}` }, timestamp: { S: `t${i}` }, n: { N: String(i) } } } }));
    await client.send(new BatchWriteItemCommand({ RequestItems: { 'scan-me': puts } }));
    const filtered = await client.send(
      new ScanCommand({ TableName: 'scan-me', FilterExpression: 'n >= :min', ExpressionAttributeValues: { ':min': { N: '9' } } }),
    );
    expect(filtered.Count).toBe(3);
    expect(filtered.ScannedCount).toBe(12);
    let seen = 0;
    let start: Record<string, any> | undefined;
    do {
      const page = await client.send(new ScanCommand({ TableName: 'scan-me', Limit: 5, ExclusiveStartKey: start }));
      seen += page.Count ?? 0;
      start = page.LastEvaluatedKey;
    } while (start);
    expect(seen).toBe(12);
  });

  it('tags tables by ARN, including tags given at creation, and refuses other accounts and regions', async () => {
    const client = ddb();
    const created = await client.send(new CreateTableCommand({ ...labTable('tagged'), Tags: [{ Key: 'workshop', Value: 'iot-pipeline-labs' }] }));
    const arn = created.TableDescription!.TableArn!;
    await client.send(new TagResourceCommand({ ResourceArn: arn, Tags: [{ Key: 'lab', Value: '1' }, { Key: 'owner', Value: 'me' }] }));
    await client.send(new UntagResourceCommand({ ResourceArn: arn, TagKeys: ['owner'] }));
    const { Tags } = await client.send(new ListTagsOfResourceCommand({ ResourceArn: arn }));
    expect(Tags).toEqual(
      expect.arrayContaining([
        { Key: 'workshop', Value: 'iot-pipeline-labs' },
        { Key: 'lab', Value: '1' },
      ]),
    );
    expect(Tags).toHaveLength(2);

    const stranger = new DynamoDBClient(sb.config({ accessKeyId: '111122223333' }));
    await expect(stranger.send(new ListTagsOfResourceCommand({ ResourceArn: arn }))).rejects.toMatchObject({
      name: 'AccessDeniedException',
      message: expect.stringContaining('User: arn:aws:iam::111122223333:root is not authorized to perform: dynamodb:ListTagsOfResource on resource: ' + arn),
    });
    const elsewhere = new DynamoDBClient(sb.config({ region: 'eu-west-1' }));
    await expect(elsewhere.send(new TagResourceCommand({ ResourceArn: arn, Tags: [{ Key: 'a', Value: 'b' }] }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
    const missing = arn.replace('table/tagged', 'table/no-such-table');
    await expect(client.send(new ListTagsOfResourceCommand({ ResourceArn: missing }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: `Requested resource not found: ResourcArn: ${missing} not found`,
    });
  });

  it('isolates accounts: a 12-digit access key id sees only its own tables and items', async () => {
    const mine = new DynamoDBClient(sb.config({ accessKeyId: '444455556666' }));
    const theirs = new DynamoDBClient(sb.config({ accessKeyId: '777788889999' }));
    await mine.send(new CreateTableCommand(labTable('private-table')));
    await DynamoDBDocumentClient.from(mine).send(new PutCommand({ TableName: 'private-table', Item: reading('dev-iso', 1) }));
    expect((await mine.send(new ListTablesCommand({}))).TableNames).toEqual(['private-table']);
    expect((await theirs.send(new ListTablesCommand({}))).TableNames).toEqual([]);
    await expect(theirs.send(new DescribeTableCommand({ TableName: 'private-table' }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'Requested resource not found: Table: private-table not found',
    });
    // the same name in the other account is a different table
    await theirs.send(new CreateTableCommand(labTable('private-table')));
    const scanned = await theirs.send(new ScanCommand({ TableName: 'private-table' }));
    expect(scanned.Count).toBe(0);
    const described = await theirs.send(new DescribeTableCommand({ TableName: 'private-table' }));
    expect(described.Table?.TableArn).toBe('arn:aws:dynamodb:us-east-1:777788889999:table/private-table');
  });

  it('isolates regions of one account', async () => {
    const west = new DynamoDBClient(sb.config({ region: 'us-west-2' }));
    expect((await west.send(new ListTablesCommand({}))).TableNames).toEqual([]);
    await expect(west.send(new DescribeTableCommand({ TableName: 'iot-readings' }))).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    await west.send(new CreateTableCommand(labTable('west-only')));
    const east = await ddb().send(new ListTablesCommand({}));
    expect(east.TableNames).not.toContain('west-only');
  });

  it('answers AWS errors: missing table, duplicate table, bad key schema, wrong key, serialization', async () => {
    const client = ddb();
    await expect(client.send(new DescribeTableCommand({ TableName: 'nope' }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'Requested resource not found: Table: nope not found',
      $metadata: { httpStatusCode: 400 },
    });
    await expect(client.send(new PutItemCommand({ TableName: 'nope', Item: { deviceid: { S: 'a' }, timestamp: { S: 'b' } } }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'Requested resource not found',
    });
    await expect(client.send(new CreateTableCommand(labTable('iot-readings')))).rejects.toMatchObject({
      name: 'ResourceInUseException',
      message: 'Table already exists: iot-readings',
    });
    await expect(
      client.send(
        new CreateTableCommand({
          ...labTable('bad-schema'),
          KeySchema: [{ AttributeName: 'deviceid', KeyType: 'HASH' }, { AttributeName: 'missing', KeyType: 'RANGE' }],
        }),
      ),
    ).rejects.toMatchObject({
      name: 'ValidationException',
      message: expect.stringContaining('Some index key attributes are not defined in AttributeDefinitions'),
    });
    await expect(
      client.send(new CreateTableCommand({ ...labTable('bad-schema'), KeySchema: [{ AttributeName: 'timestamp', KeyType: 'RANGE' }] })),
    ).rejects.toMatchObject({ name: 'ValidationException' });
    await expect(client.send(new CreateTableCommand({ ...labTable('x') }))).rejects.toMatchObject({
      name: 'ValidationException',
      message: 'TableName must be at least 3 characters long and at most 255 characters long',
    });
    await expect(
      DynamoDBDocumentClient.from(client).send(new GetCommand({ TableName: 'iot-readings', Key: { deviceid: 'only-hash' } })),
    ).rejects.toMatchObject({ name: 'ValidationException', message: 'The provided key element does not match the schema' });
    await expect(client.send(new PutItemCommand({ TableName: 'iot-readings', Item: { deviceid: { S: 'a' } } }))).rejects.toMatchObject({
      name: 'ValidationException',
      message: 'One or more parameter values were invalid: Missing the key timestamp in the item',
    });
  });

  /** A bare awsJson 1.0 call, to see the wire form of an answer. */
  const rawCall = (operation: string, body: unknown) =>
    fetch(sb.endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.0',
        'x-amz-target': `DynamoDB_20120810.${operation}`,
        authorization: 'AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0',
        'x-amz-date': '20260101T000000Z',
      },
      body: JSON.stringify(body),
    });

  it('names error types on the wire with their namespaces, as DynamoDB does', async () => {
    const missing = await rawCall('DescribeTable', { TableName: 'nope' });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual({
      __type: 'com.amazonaws.dynamodb.v20120810#ResourceNotFoundException',
      message: 'Requested resource not found: Table: nope not found',
    });
    const invalid = await rawCall('ListTables', { Limit: 0 });
    expect(await invalid.json()).toEqual({
      __type: 'com.amazon.coral.validate#ValidationException',
      message: "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1",
    });
    const taken = await rawCall('CreateTable', labTable('iot-readings'));
    expect(((await taken.json()) as { __type: string }).__type).toBe('com.amazonaws.dynamodb.v20120810#ResourceInUseException');
  });

  it('answers an operation it does not implement like AWS and counts it', async () => {
    const res = await rawCall('DescribeContributorInsights', { TableName: 'iot-readings' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { __type: string }).__type).toContain('UnknownOperationException');
    expect(sb.running.sandbox.log.summary().unimplemented).toMatchObject({ 'dynamodb.DescribeContributorInsights': 1 });
  });

  it('logs reads as read-only and writes as writes', async () => {
    const seen = new Map<string, boolean>();
    for (const call of sb.running.sandbox.log.calls()) if (call.service === 'dynamodb') seen.set(call.operation, call.readOnly);
    for (const op of ['GetItem', 'Query', 'Scan', 'DescribeTable', 'ListTables', 'ListTagsOfResource']) expect(seen.get(op), op).toBe(true);
    for (const op of ['CreateTable', 'PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem', 'TagResource', 'UntagResource']) expect(seen.get(op), op).toBe(false);
  });

  it('deletes a table; its name is free again and its items are gone', async () => {
    const client = ddb();
    await client.send(new CreateTableCommand(labTable('short-lived')));
    await client.send(new PutItemCommand({ TableName: 'short-lived', Item: { deviceid: { S: 'a' }, timestamp: { S: 'b' } } }));
    const deleted = await client.send(new DeleteTableCommand({ TableName: 'short-lived' }));
    expect(deleted.TableDescription?.TableStatus).toBe('DELETING');
    expect((await waitUntilTableNotExists({ client, maxWaitTime: 25 }, { TableName: 'short-lived' })).state).toBe('SUCCESS');
    await client.send(new CreateTableCommand(labTable('short-lived')));
    await waitUntilTableExists({ client, maxWaitTime: 25 }, { TableName: 'short-lived' });
    expect((await client.send(new ScanCommand({ TableName: 'short-lived' }))).Count).toBe(0);
    expect((await client.send(new DescribeTimeToLiveCommand({ TableName: 'short-lived' }))).TimeToLiveDescription?.TimeToLiveStatus).toBe('DISABLED');
  });
});

describe('DynamoDB provisioning delay', () => {
  const sb = useSandbox({ provisioningDelayMs: 400 });

  it('keeps a new table CREATING for provisioningDelayMs, then ACTIVE, and the waiter follows', async () => {
    const client = new DynamoDBClient(sb.config());
    const created = await client.send(new CreateTableCommand(labTable('slow')));
    expect(created.TableDescription?.TableStatus).toBe('CREATING');
    expect((await client.send(new DescribeTableCommand({ TableName: 'slow' }))).Table?.TableStatus).toBe('CREATING');
    await expect(client.send(new PutItemCommand({ TableName: 'slow', Item: { deviceid: { S: 'a' }, timestamp: { S: 'b' } } }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
    const waited = await waitUntilTableExists({ client, maxWaitTime: 10, minDelay: 1 }, { TableName: 'slow' });
    expect(waited.state).toBe('SUCCESS');
    expect((await client.send(new DescribeTableCommand({ TableName: 'slow' }))).Table?.TableStatus).toBe('ACTIVE');
  });
});

describe('DynamoDB persistence', () => {
  const children = useChildSandboxes();

  it('keeps tables, items and tags across a stop and a restart on the same data directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sandbox-ddb-'));
    let running: RunningSandbox | undefined;
    try {
      running = await startSandbox({ port: 0, dataDir: dir, verbose: false });
      const first = new DynamoDBClient(clientConfig(running.endpoint, { accessKeyId: '210987654321' }));
      const created = await first.send(new CreateTableCommand({ ...labTable('kept'), Tags: [{ Key: 'workshop', Value: 'iot-pipeline-labs' }] }));
      await waitUntilTableExists({ client: first, maxWaitTime: 25 }, { TableName: 'kept' });
      const items = Array.from({ length: 40 }, (_, i) => reading('dev-kept', i));
      await DynamoDBDocumentClient.from(first).send(
        new BatchWriteCommand({ RequestItems: { kept: items.slice(0, 25).map((Item) => ({ PutRequest: { Item } })) } }),
      );
      for (const item of items.slice(25)) await DynamoDBDocumentClient.from(first).send(new PutCommand({ TableName: 'kept', Item: item }));
      await running.stop();

      running = await startSandbox({ port: 0, dataDir: dir, verbose: false });
      const second = new DynamoDBClient(clientConfig(running.endpoint, { accessKeyId: '210987654321' }));
      const { Table } = await second.send(new DescribeTableCommand({ TableName: 'kept' }));
      expect(Table?.TableStatus).toBe('ACTIVE');
      expect(Table?.TableArn).toBe(created.TableDescription?.TableArn);
      const all = await DynamoDBDocumentClient.from(second).send(
        new QueryCommand({ TableName: 'kept', KeyConditionExpression: 'deviceid = :d', ExpressionAttributeValues: { ':d': 'dev-kept' } }),
      );
      expect(all.Items).toEqual(items);
      expect((await second.send(new ListTagsOfResourceCommand({ ResourceArn: Table!.TableArn! }))).Tags).toEqual([
        { Key: 'workshop', Value: 'iot-pipeline-labs' },
      ]);
      // another account on the same directory still sees nothing
      const stranger = new DynamoDBClient(clientConfig(running.endpoint));
      expect((await stranger.send(new ListTablesCommand({}))).TableNames).toEqual([]);
    } finally {
      await running?.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('finishes a deletion cut short by a stop: the table, its items and its tags are gone after restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sandbox-ddb-del-'));
    // a long delay keeps tables CREATING / DELETING until the sandbox stops
    const start = () => startSandbox({ port: 0, dataDir: dir, verbose: false, provisioningDelayMs: 60_000 });
    let running: RunningSandbox | undefined;
    try {
      running = await start();
      await new DynamoDBClient(clientConfig(running.endpoint)).send(new CreateTableCommand({ ...labTable('doomed'), Tags: [{ Key: 'k', Value: 'v' }] }));
      await running.stop();

      running = await start();
      let client = new DynamoDBClient(clientConfig(running.endpoint));
      expect((await client.send(new DescribeTableCommand({ TableName: 'doomed' }))).Table?.TableStatus).toBe('ACTIVE');
      await client.send(new PutItemCommand({ TableName: 'doomed', Item: { deviceid: { S: 'a' }, timestamp: { S: 'b' } } }));
      expect((await client.send(new DeleteTableCommand({ TableName: 'doomed' }))).TableDescription?.TableStatus).toBe('DELETING');
      await running.stop();

      running = await start();
      client = new DynamoDBClient(clientConfig(running.endpoint));
      expect((await client.send(new ListTablesCommand({}))).TableNames).toEqual([]);
      const again = await client.send(new CreateTableCommand(labTable('doomed')));
      await running.stop();
      running = await start();
      client = new DynamoDBClient(clientConfig(running.endpoint));
      expect((await client.send(new ScanCommand({ TableName: 'doomed' }))).Count).toBe(0);
      expect((await client.send(new ListTagsOfResourceCommand({ ResourceArn: again.TableDescription!.TableArn! }))).Tags).toEqual([]);
    } finally {
      await running?.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps every acknowledged write after kill -9 of the sandbox process, and finishes interrupted CREATING', async () => {
    const data = join(children.tempDir('sandbox-ddb-kill-'), 'data');
    // a long provisioning delay, so the first kill lands while a table is still CREATING
    const spawnSandbox = () => children.start(data, { settings: { provisioningDelayMs: 60000 } });
    let running: RunningSandbox | undefined;
    try {
      const first = await spawnSandbox();
      const created = await new DynamoDBClient(clientConfig(first.endpoint)).send(new CreateTableCommand(labTable('crash')));
      expect(created.TableDescription?.TableStatus).toBe('CREATING');
      await killHard(first.child);

      const second = await spawnSandbox();
      const client = DynamoDBDocumentClient.from(new DynamoDBClient(clientConfig(second.endpoint)));
      const acked: string[] = [];
      for (let i = 0; i < 60; i++) {
        await client.send(new PutCommand({ TableName: 'crash', Item: reading('dev-crash', i) }));
        acked.push(reading('dev-crash', i).timestamp);
      }
      await killHard(second.child);

      running = await startSandbox({ port: 0, dataDir: data, verbose: false });
      const after = DynamoDBDocumentClient.from(new DynamoDBClient(clientConfig(running.endpoint)));
      expect((await after.send(new DescribeTableCommand({ TableName: 'crash' }))).Table?.TableStatus).toBe('ACTIVE');
      const got = await after.send(
        new QueryCommand({ TableName: 'crash', KeyConditionExpression: 'deviceid = :d', ExpressionAttributeValues: { ':d': 'dev-crash' } }),
      );
      expect(got.Items?.map((i) => i.timestamp)).toEqual(acked);
    } finally {
      await running?.stop();
    }
  }, 120_000);
});
