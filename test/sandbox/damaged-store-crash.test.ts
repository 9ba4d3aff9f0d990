// kill -9 under write load to Kinesis, S3, DynamoDB and IAM at once: the next start (without --repair)
// finds no damage, keeps every acknowledged write byte for byte and serves nothing corrupted. And the
// CLI's side of a damaged store: `lab sandbox start` shows the one-line reason and the next step (exit
// 2, no stack trace), in the foreground and detached, and `--repair` starts.

import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CreateRoleCommand, GetRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { CreateStreamCommand, GetRecordsCommand, GetShardIteratorCommand, KinesisClient, ListShardsCommand, PutRecordsCommand } from '@aws-sdk/client-kinesis';
import { CreateTableCommand, DynamoDBClient, GetItemCommand, PutItemCommand, ScanCommand, waitUntilTableExists } from '@aws-sdk/client-dynamodb';
import { startSandbox } from '../../sandbox/index.js';
import { killHard, useChildSandboxes } from './child-sandbox.js';
import { clientConfig } from './support.js';
import { assertBuilt, lab, newHome } from '../cli/support.js';

const TRUST = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
const body = (i: number) => Buffer.from(`object ${i} `.repeat(20 + (i % 7) * 300));
const item = (i: number) => ({ id: { S: `item-${i}` }, payload: { S: `payload ${i} `.repeat(10 + (i % 5) * 50) } });

describe('kill -9 under write load', () => {
  const children = useChildSandboxes();

  it('loses no acknowledged Kinesis, S3, DynamoDB or IAM write, and the next start finds nothing damaged', { timeout: 180_000 }, async () => {
    const dataDir = children.tempDir('damaged-store-crash-');
    const first = await children.start(dataDir, { args: ['--mqtt-port', '0', '--mqtts-port', '0'] });
    // No retries: a call cut off by the kill must not be sent again to the next process.
    const config = { ...clientConfig(first.endpoint), maxAttempts: 1 };
    const kinesis = new KinesisClient(config);
    const s3 = new S3Client({ ...config, forcePathStyle: true });
    const dynamo = new DynamoDBClient(config);
    const iam = new IAMClient(config);
    await kinesis.send(new CreateStreamCommand({ StreamName: 'crash-stream', ShardCount: 2 }));
    await s3.send(new CreateBucketCommand({ Bucket: 'crash-bucket' }));
    await dynamo.send(new CreateTableCommand({ TableName: 'crash-table', AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }], BillingMode: 'PAY_PER_REQUEST' }));
    await waitUntilTableExists({ client: dynamo, maxWaitTime: 30 }, { TableName: 'crash-table' });

    const acknowledged = { records: [] as string[], objects: [] as number[], items: [] as number[], roles: [] as string[] };
    let stop = false;
    const loop = async (write: (i: number) => Promise<void>) => {
      for (let i = 0; !stop; i++) {
        try {
          await write(i);
        } catch {
          return; // the process is gone
        }
      }
    };
    const writers = [
      loop(async (i) => {
        const records = Array.from({ length: 50 }, (_, j) => ({ PartitionKey: `p${j % 7}`, Data: Buffer.from(`batch ${i} record ${j}`) }));
        const out = await kinesis.send(new PutRecordsCommand({ StreamName: 'crash-stream', Records: records }));
        expect(out.FailedRecordCount).toBe(0);
        acknowledged.records.push(...records.map((r) => r.Data.toString()));
      }),
      loop(async (i) => {
        await s3.send(new PutObjectCommand({ Bucket: 'crash-bucket', Key: `k/${i}`, Body: body(i) }));
        acknowledged.objects.push(i);
      }),
      loop(async (i) => {
        await dynamo.send(new PutItemCommand({ TableName: 'crash-table', Item: item(i) }));
        acknowledged.items.push(i);
      }),
      loop(async (i) => {
        await iam.send(new CreateRoleCommand({ RoleName: `role-${i}`, AssumeRolePolicyDocument: TRUST }));
        acknowledged.roles.push(`role-${i}`);
      }),
    ];
    await new Promise((r) => setTimeout(r, 3000));
    await killHard(first.child);
    stop = true;
    await Promise.all(writers);
    for (const writes of Object.values(acknowledged)) expect(writes.length).toBeGreaterThan(5);

    // Started without --repair: a crash leaves nothing the start-up check calls damage.
    const second = await children.start(dataDir, { args: ['--mqtt-port', '0', '--mqtts-port', '0'] });
    const after = clientConfig(second.endpoint);
    const kinesis2 = new KinesisClient(after);
    const read: string[] = [];
    for (const shard of (await kinesis2.send(new ListShardsCommand({ StreamName: 'crash-stream' }))).Shards!) {
      let iterator = (await kinesis2.send(new GetShardIteratorCommand({ StreamName: 'crash-stream', ShardId: shard.ShardId, ShardIteratorType: 'TRIM_HORIZON' }))).ShardIterator;
      for (;;) {
        const out = await kinesis2.send(new GetRecordsCommand({ ShardIterator: iterator }));
        read.push(...out.Records!.map((r) => Buffer.from(r.Data!).toString()));
        if (out.Records!.length === 0) break;
        iterator = out.NextShardIterator;
      }
    }
    const readSet = new Set(read);
    expect(acknowledged.records.filter((r) => !readSet.has(r))).toEqual([]);
    expect(read.length).toBe(readSet.size); // nothing served twice

    const s32 = new S3Client({ ...after, forcePathStyle: true });
    for (const i of acknowledged.objects) {
      const got = await s32.send(new GetObjectCommand({ Bucket: 'crash-bucket', Key: `k/${i}` }));
      expect(Buffer.from(await got.Body!.transformToByteArray()).equals(body(i))).toBe(true);
    }
    const dynamo2 = new DynamoDBClient(after);
    for (const i of acknowledged.items) expect((await dynamo2.send(new GetItemCommand({ TableName: 'crash-table', Key: { id: item(i).id } }))).Item).toEqual(item(i));
    const scanned = await dynamo2.send(new ScanCommand({ TableName: 'crash-table' }));
    expect(scanned.Count).toBeGreaterThanOrEqual(acknowledged.items.length);
    const iam2 = new IAMClient(after);
    for (const name of acknowledged.roles) expect((await iam2.send(new GetRoleCommand({ RoleName: name }))).Role?.RoleName).toBe(name);
    await killHard(second.child);
  });
});

describe('lab sandbox start on a damaged data directory', () => {
  it('shows the one-line reason and the next step (exit 2, no stack trace), detached too; --repair starts', { timeout: 120_000 }, async () => {
    assertBuilt();
    const home = await newHome();
    const data = join(home, 'sandbox');
    const running = await startSandbox({ port: 0, dataDir: data, verbose: false, mqttPort: 0, mqttsPort: 0 });
    const iam = new IAMClient(clientConfig(running.endpoint));
    for (let i = 0; i < 5; i++) await iam.send(new CreateRoleCommand({ RoleName: `role-${i}`, AssumeRolePolicyDocument: TRUST }));
    await running.stop();
    const journal = join(data, 'state.journal');
    const lines = readFileSync(journal, 'utf8').split('\n');
    const lost = /role-\d/.exec(lines[2])![0];
    lines[2] = `${lines[2].slice(0, 30)}#`; // cut inside the record, its newline kept: damage, not a crash
    writeFileSync(journal, lines.join('\n'));
    appendFileSync(journal, ''); // unchanged from here on
    const env = { LAB_HOME: home };
    const ports = ['--port', '0', '--mqtt-port', '0', '--mqtts-port', '0'];

    for (const mode of [[], ['--detach']]) {
      const run = await lab(['sandbox', 'start', ...mode, ...ports], env);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`IAM data is damaged: ${journal} line 3 of `);
      expect(run.stderr).toContain('`lab sandbox start --repair`');
      expect(run.stderr).toContain('`lab sandbox reset`');
      expect(run.stderr).not.toMatch(/^\s+at /m);
      expect(run.stderr.trim().split('\n').length).toBeLessThanOrEqual(2);
      expect(readFileSync(journal, 'utf8')).toBe(lines.join('\n'));
    }

    const repaired = await lab(['sandbox', 'start', '--detach', '--repair', ...ports], env);
    expect(repaired.code).toBe(0);
    try {
      const endpoint = /Sandbox running at (\S+)/.exec(repaired.stdout)![1];
      const iam2 = new IAMClient(clientConfig(endpoint));
      for (const i of [0, 1, 2, 3, 4].filter((n) => `role-${n}` !== lost)) expect((await iam2.send(new GetRoleCommand({ RoleName: `role-${i}` }))).Role?.RoleName).toBe(`role-${i}`);
      expect(readFileSync(join(home, 'sandbox.log'), 'utf8')).toMatch(/\[sandbox\] repair: .*state\.journal line 3 could not be read/);
    } finally {
      expect((await lab(['sandbox', 'stop'], env)).code).toBe(0);
    }
  });
});
