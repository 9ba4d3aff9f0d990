// Kinesis -> event source mapping -> Node.js function (SDK v3 BatchWriteItem) -> DynamoDB: records/s
// for a burst until every item is visible, and PutRecord -> item latency (p50, p99) at a steady
// 100 records/s. No peer emulator runs this pipeline in-process, so the throughput is compared with the
// floor measured in the same run: the same items written directly with BatchWriteItem from here.

import { CreateEventSourceMappingCommand, CreateFunctionCommand, LambdaClient, waitUntilFunctionActiveV2 } from '@aws-sdk/client-lambda';
import { AttachRolePolicyCommand, CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { CreateStreamCommand, KinesisClient, PutRecordCommand, PutRecordsCommand, waitUntilStreamExists } from '@aws-sdk/client-kinesis';
import { BatchWriteItemCommand, CreateTableCommand, DynamoDBClient, QueryCommand, type WriteRequest } from '@aws-sdk/client-dynamodb';
import { startSandbox } from '../sandbox/index.js';
import { labTable } from '../test/sandbox/lab-table.js';
import { zipFixture } from '../test/sandbox/lambda-zip.js';
import { median, percentile } from './stats.js';
import { trustPolicy } from '../test/sandbox/trust-policy.js';

const BURST = 5000;
const ROUNDS = 3;
const SHARDS = 2;
const RATE = 100;
const STEADY_SECONDS = 20;


const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const key = (n: number) => String(n).padStart(8, '0');
const reading = (device: string, n: number) => ({ DEVICE_NAME: device, TIMESTAMP: key(n), HUMIDITY: 40, TEMPERATURE: 21 });

/** The function's package: the test fixture, without its evidence writes (only the items). */
function functionZip(): Buffer {
  return zipFixture('node-kinesis-ingest', { 'settings.json': JSON.stringify({ evidence: false }) });
}

/** How many items a device has (Query with Select COUNT, all pages). */
async function countItems(dynamo: DynamoDBClient, table: string, device: string): Promise<number> {
  let count = 0;
  let start: Record<string, never> | undefined;
  do {
    const out = await dynamo.send(
      new QueryCommand({ TableName: table, KeyConditionExpression: 'deviceid = :d', ExpressionAttributeValues: { ':d': { S: device } }, Select: 'COUNT', ExclusiveStartKey: start }),
    );
    count += out.Count ?? 0;
    start = out.LastEvaluatedKey as Record<string, never> | undefined;
  } while (start);
  return count;
}

export default async function (): Promise<void> {
  const running = await startSandbox({ port: 0, inMemory: true, verbose: false });
  try {
    const config = { endpoint: running.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } };
    const iam = new IAMClient(config);
    const trust = trustPolicy('lambda.amazonaws.com');
    const role = (await iam.send(new CreateRoleCommand({ RoleName: 'bench-ingest', AssumeRolePolicyDocument: trust }))).Role!.Arn!;
    await iam.send(new AttachRolePolicyCommand({ RoleName: 'bench-ingest', PolicyArn: 'arn:aws:iam::aws:policy/service-role/AWSLambdaKinesisExecutionRole' }));
    // The function writes its items as the role, held to its policies.
    await iam.send(new AttachRolePolicyCommand({ RoleName: 'bench-ingest', PolicyArn: 'arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess' }));
    const kinesis = new KinesisClient(config);
    const dynamo = new DynamoDBClient(config);
    const lambda = new LambdaClient(config);
    const createTable = (TableName: string) => dynamo.send(new CreateTableCommand(labTable(TableName)));
    await createTable('bench-readings');
    await createTable('bench-direct');
    await kinesis.send(new CreateStreamCommand({ StreamName: 'bench', ShardCount: SHARDS }));
    await waitUntilStreamExists({ client: kinesis, maxWaitTime: 30 }, { StreamName: 'bench' });
    await lambda.send(
      new CreateFunctionCommand({ FunctionName: 'bench-ingest', Runtime: 'nodejs22.x', Handler: 'index.handler', Role: role, Code: { ZipFile: functionZip() }, Environment: { Variables: { TABLE_NAME: 'bench-readings' } }, Timeout: 60 }),
    );
    await waitUntilFunctionActiveV2({ client: lambda, maxWaitTime: 30 }, { FunctionName: 'bench-ingest' });
    await lambda.send(new CreateEventSourceMappingCommand({ FunctionName: 'bench-ingest', EventSourceArn: `arn:aws:kinesis:us-east-1:000000000000:stream/bench`, StartingPosition: 'LATEST' }));

    // Warm-up: the function's processes start and the mapping is polling.
    await kinesis.send(new PutRecordsCommand({ StreamName: 'bench', Records: Array.from({ length: 20 }, (_, n) => ({ Data: Buffer.from(JSON.stringify(reading('warm', n))), PartitionKey: `p${n}` })) }));
    while ((await countItems(dynamo, 'bench-readings', 'warm')) < 20) await sleep(50);

    const pipelineMs: number[] = [];
    const directMs: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const device = `burst${round}`;
      const records = Array.from({ length: BURST }, (_, n) => reading(device, n));
      const started = performance.now();
      for (let i = 0; i < BURST; i += 500) {
        await kinesis.send(new PutRecordsCommand({ StreamName: 'bench', Records: records.slice(i, i + 500).map((r, j) => ({ Data: Buffer.from(JSON.stringify(r)), PartitionKey: `p${i + j}` })) }));
      }
      while ((await countItems(dynamo, 'bench-readings', device)) < BURST) await sleep(20);
      pipelineMs.push(performance.now() - started);

      // Baseline: the same items, BatchWriteItem of 25 from one writer per shard, as the pipeline's pollers write.
      const directStarted = performance.now();
      const items = records.map((r) => ({ deviceid: { S: r.DEVICE_NAME }, timestamp: { S: r.TIMESTAMP }, temperature: { N: '21' }, humidity: { N: '40' } }));
      await Promise.all(
        Array.from({ length: SHARDS }, async (_, w) => {
          for (let i = w * 25; i < items.length; i += 25 * SHARDS) {
            let requests: WriteRequest[] = items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } }));
            while (requests.length > 0) requests = (await dynamo.send(new BatchWriteItemCommand({ RequestItems: { 'bench-direct': requests } }))).UnprocessedItems?.['bench-direct'] ?? [];
          }
        }),
      );
      directMs.push(performance.now() - directStarted);
    }
    const pipeline = median(pipelineMs);
    const direct = median(directMs);
    console.log(
      `burst of ${BURST} records (${SHARDS} shards, BatchSize 100): ${((BURST / pipeline) * 1000).toFixed(0)} records/s until all items visible (median ${pipeline.toFixed(0)} ms of ${ROUNDS} rounds)`,
    );
    console.log(`baseline, the same items by direct BatchWriteItem: ${((BURST / direct) * 1000).toFixed(0)} records/s (${direct.toFixed(0)} ms); pipeline takes ${(pipeline / direct).toFixed(2)}x the baseline's time`);

    // Steady 100 records/s: one PutRecord every 10 ms, one shard (a constant partition key keeps order),
    // items found by a Query from the oldest one not yet seen.
    const total = RATE * STEADY_SECONDS;
    const putAt = new Array<number>(total);
    const seenAt = new Array<number>(total);
    let oldestUnseen = 0;
    let producing = true;
    const watcher = (async () => {
      while (producing || oldestUnseen < total) {
        const out = await dynamo.send(
          new QueryCommand({
            TableName: 'bench-readings',
            KeyConditionExpression: 'deviceid = :d AND #ts >= :from',
            ExpressionAttributeNames: { '#ts': 'timestamp' },
            ExpressionAttributeValues: { ':d': { S: 'steady' }, ':from': { S: key(oldestUnseen) } },
            ProjectionExpression: '#ts',
          }),
        );
        const now = performance.now();
        for (const item of out.Items ?? []) {
          const n = Number(item.timestamp.S);
          if (seenAt[n] === undefined) seenAt[n] = now;
        }
        while (oldestUnseen < total && seenAt[oldestUnseen] !== undefined) oldestUnseen++;
        await sleep(5);
      }
    })();
    const steadyStart = performance.now();
    for (let n = 0; n < total; n++) {
      const due = steadyStart + (n * 1000) / RATE;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      putAt[n] = performance.now();
      await kinesis.send(new PutRecordCommand({ StreamName: 'bench', Data: Buffer.from(JSON.stringify(reading('steady', n))), PartitionKey: 'steady' }));
    }
    const achieved = (total / (performance.now() - steadyStart)) * 1000;
    producing = false;
    await watcher;
    const latencies = putAt.map((t, n) => seenAt[n] - t);
    console.log(
      `PutRecord -> item visible at ${achieved.toFixed(0)} records/s for ${STEADY_SECONDS} s (${total} records): p50 ${percentile(latencies, 50).toFixed(0)} ms, p99 ${percentile(latencies, 99).toFixed(0)} ms, max ${Math.max(...latencies).toFixed(0)} ms (includes the watcher's Query cadence of a few ms)`,
    );
  } finally {
    await running.stop();
  }
}
