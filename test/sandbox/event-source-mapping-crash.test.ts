// An event source mapping across kill -9: a sandbox process on a data directory is killed while records
// flow from a Kinesis stream through a mapping into a Node.js function writing DynamoDB; after restart
// every acknowledged record is an item exactly once, and the function's own counters (ADD, so replays
// show) prove that at most one batch per shard was delivered twice.

import { describe, expect, it } from 'vitest';
import { CreateEventSourceMappingCommand, CreateFunctionCommand, LambdaClient, waitUntilFunctionActiveV2 } from '@aws-sdk/client-lambda';
import { AttachRolePolicyCommand, CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { CreateStreamCommand, KinesisClient, PutRecordsCommand, waitUntilStreamExists } from '@aws-sdk/client-kinesis';
import { CreateTableCommand, DynamoDBClient, GetItemCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { clientConfig as config } from './support.js';
import { labTable } from './lab-table.js';
import { zipFixture } from './lambda-zip.js';
import { killHard, useChildSandboxes } from './child-sandbox.js';
import { trustPolicy } from './trust-policy.js';

const BATCH_SIZE = 10;
const SHARDS = 2;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const reading = (n: number) => ({ DEVICE_NAME: `dev${n % 4}`, TIMESTAMP: `n${String(n).padStart(6, '0')}`, HUMIDITY: 40, TEMPERATURE: 20 });

async function items(dynamo: DynamoDBClient): Promise<string[]> {
  const keys: string[] = [];
  let start: Record<string, never> | undefined;
  do {
    const out = await dynamo.send(new ScanCommand({ TableName: 'crash-data', ExclusiveStartKey: start }));
    for (const i of out.Items ?? []) if (!i.deviceid.S!.startsWith('__')) keys.push(i.timestamp.S!);
    start = out.LastEvaluatedKey as Record<string, never> | undefined;
  } while (start);
  return keys;
}

async function counters(dynamo: DynamoDBClient): Promise<{ invocations: number; records: number }> {
  const item = (await dynamo.send(new GetItemCommand({ TableName: 'crash-data', Key: { deviceid: { S: '__count' }, timestamp: { S: 'all' } } }))).Item;
  return { invocations: Number(item?.invocations?.N ?? 0), records: Number(item?.records?.N ?? 0) };
}

describe('event source mapping crash and restart', () => {
  const sandboxes = useChildSandboxes();

  it('delivers every acknowledged record exactly once as an item after kill -9 mid-flow; replays at most one batch per shard', async () => {
    // The child runs dist/; its Lambda runtime finds the bootstrap scripts in the source tree (sandbox/runtime/launch.ts).
    const dataDir = sandboxes.tempDir('esm-crash-');
    const first = await sandboxes.start(dataDir);
    const iam = new IAMClient(config(first.endpoint));
    const trust = trustPolicy('lambda.amazonaws.com');
    const role = (await iam.send(new CreateRoleCommand({ RoleName: 'crash-role', AssumeRolePolicyDocument: trust }))).Role!.Arn!;
    await iam.send(new AttachRolePolicyCommand({ RoleName: 'crash-role', PolicyArn: 'arn:aws:iam::aws:policy/service-role/AWSLambdaKinesisExecutionRole' }));
    // The function writes its items as the role.
    await iam.send(new AttachRolePolicyCommand({ RoleName: 'crash-role', PolicyArn: 'arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess' }));
    let kinesis = new KinesisClient(config(first.endpoint));
    let dynamo = new DynamoDBClient(config(first.endpoint));
    const lambda = new LambdaClient(config(first.endpoint));
    await kinesis.send(new CreateStreamCommand({ StreamName: 'crash', ShardCount: SHARDS }));
    await waitUntilStreamExists({ client: kinesis, maxWaitTime: 30 }, { StreamName: 'crash' });
    await dynamo.send(new CreateTableCommand(labTable('crash-data')));
    await lambda.send(
      new CreateFunctionCommand({ FunctionName: 'crash-ingest', Runtime: 'nodejs22.x', Handler: 'index.handler', Role: role, Code: { ZipFile: zipFixture('node-kinesis-ingest') }, Environment: { Variables: { TABLE_NAME: 'crash-data' } }, Timeout: 30 }),
    );
    await waitUntilFunctionActiveV2({ client: lambda, maxWaitTime: 30 }, { FunctionName: 'crash-ingest' });
    await lambda.send(new CreateEventSourceMappingCommand({ FunctionName: 'crash-ingest', EventSourceArn: 'arn:aws:kinesis:us-east-1:000000000000:stream/crash', StartingPosition: 'LATEST', BatchSize: BATCH_SIZE }));

    // Producer: small PutRecords calls back to back; a record counts as sent once its call succeeded.
    const acknowledged = new Set<number>();
    const attempted = new Set<number>();
    let next = 0;
    let producing = true;
    const produce = async (client: KinesisClient) => {
      while (producing) {
        const batch = Array.from({ length: 10 }, () => next++);
        for (const n of batch) attempted.add(n);
        try {
          const out = await client.send(new PutRecordsCommand({ StreamName: 'crash', Records: batch.map((n) => ({ Data: Buffer.from(JSON.stringify(reading(n))), PartitionKey: `p${n}` })) }));
          out.Records!.forEach((r, i) => r.SequenceNumber && acknowledged.add(batch[i]));
        } catch {
          return;
        }
      }
    };
    const producer = produce(kinesis);
    // Kill while batches are flowing: some already ingested, more still arriving.
    const deadline = Date.now() + 30_000;
    while ((await counters(dynamo)).records < 60 && Date.now() < deadline) await sleep(20);
    const before = await counters(dynamo);
    expect(before.records).toBeGreaterThanOrEqual(60);
    await killHard(first.child);
    await producer;
    producing = false;

    const second = await sandboxes.start(dataDir);
    kinesis = new KinesisClient(config(second.endpoint));
    dynamo = new DynamoDBClient(config(second.endpoint));
    // More records after the restart: they flow too.
    const tail = Array.from({ length: 20 }, () => next++);
    const out = await kinesis.send(new PutRecordsCommand({ StreamName: 'crash', Records: tail.map((n) => ({ Data: Buffer.from(JSON.stringify(reading(n))), PartitionKey: `p${n}` })) }));
    expect(out.FailedRecordCount).toBe(0);
    for (const n of tail) {
      acknowledged.add(n);
      attempted.add(n);
    }

    const wanted = [...acknowledged].map((n) => reading(n).TIMESTAMP);
    const waitUntil = Date.now() + 60_000;
    let keys = await items(dynamo);
    while (wanted.some((k) => !keys.includes(k)) && Date.now() < waitUntil) {
      await sleep(200);
      keys = await items(dynamo);
    }
    await sleep(500);
    keys = await items(dynamo);
    const counts = new Map<string, number>();
    for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
    expect(wanted.filter((k) => counts.get(k) !== 1)).toEqual([]);
    // Items beyond the acknowledged ones can only be records whose PutRecords answer the kill cut off.
    const possible = new Set([...attempted].map((n) => reading(n).TIMESTAMP));
    expect(keys.filter((k) => !possible.has(k))).toEqual([]);

    const after = await counters(dynamo);
    const replayed = after.records - keys.length;
    console.log(`crash test: ${acknowledged.size - tail.length} records acknowledged before the kill, ${tail.length} after; ${acknowledged.size} acknowledged, ${keys.length} items, ${after.records} deliveries in ${after.invocations} invocations (${before.records} delivered before kill -9; ${replayed} delivered twice)`);
    expect(replayed).toBeGreaterThanOrEqual(0);
    expect(replayed).toBeLessThanOrEqual(SHARDS * BATCH_SIZE);
    second.child.kill('SIGTERM');
  }, 120_000);
});
