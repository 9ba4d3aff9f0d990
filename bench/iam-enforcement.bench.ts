// What holding role sessions to their policies costs on the pipeline's hot paths: a function's
// BatchWriteItem of 25 readings (what the ingest function sends per batch) and an object PUT (what
// Firehose and the crawler's lake see), each made by a role session allowed by an AWS managed policy.
// The peer is the same sandbox with --iam-enforcement off, measured in the same run, rounds interleaved.

import { AttachRolePolicyCommand, CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { BatchWriteItemCommand, CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { startSandbox, type RunningSandbox } from '../sandbox/index.js';
import { labTable } from '../test/sandbox/lab-table.js';
import { trustPolicyWithAccount } from '../test/sandbox/trust-policy.js';
import { median } from './stats.js';

const ROUNDS = 5;
const WRITES = 200;
const PUTS = 300;

interface Target {
  running: RunningSandbox;
  dynamo: DynamoDBClient;
  s3: S3Client;
}

/** A sandbox with a table, a bucket and a role session allowed to write both. */
async function target(iamEnforcement: boolean): Promise<Target> {
  const running = await startSandbox({ port: 0, inMemory: true, verbose: false, iamEnforcement });
  const root = { endpoint: running.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } };
  const iam = new IAMClient(root);
  await iam.send(new CreateRoleCommand({ RoleName: 'writer', AssumeRolePolicyDocument: trustPolicyWithAccount('lambda.amazonaws.com', '000000000000') }));
  for (const policy of ['AmazonDynamoDBFullAccess', 'AmazonS3FullAccess']) await iam.send(new AttachRolePolicyCommand({ RoleName: 'writer', PolicyArn: `arn:aws:iam::aws:policy/${policy}` }));
  await new DynamoDBClient(root).send(new CreateTableCommand(labTable('readings')));
  await new S3Client({ ...root, forcePathStyle: true }).send(new CreateBucketCommand({ Bucket: 'lake' }));
  const { Credentials: c } = await new STSClient(root).send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::000000000000:role/writer', RoleSessionName: 'bench' }));
  const session = { ...root, credentials: { accessKeyId: c!.AccessKeyId!, secretAccessKey: c!.SecretAccessKey!, sessionToken: c!.SessionToken! } };
  return { running, dynamo: new DynamoDBClient(session), s3: new S3Client({ ...session, forcePathStyle: true }) };
}

async function batchWrites(t: Target, round: number): Promise<number> {
  const started = performance.now();
  for (let w = 0; w < WRITES; w++) {
    const items = Array.from({ length: 25 }, (_, i) => ({ PutRequest: { Item: { deviceid: { S: `dev${round}` }, timestamp: { S: String(w * 25 + i).padStart(8, '0') }, temperature: { N: '21' } } } }));
    await t.dynamo.send(new BatchWriteItemCommand({ RequestItems: { readings: items } }));
  }
  return performance.now() - started;
}

async function objectPuts(t: Target, round: number): Promise<number> {
  const body = Buffer.alloc(1024, 'x');
  const started = performance.now();
  for (let p = 0; p < PUTS; p++) await t.s3.send(new PutObjectCommand({ Bucket: 'lake', Key: `raw/${round}/${p}.json`, Body: body }));
  return performance.now() - started;
}

export default async function (): Promise<void> {
  const on = await target(true);
  const off = await target(false);
  try {
    const times = { writesOn: [] as number[], writesOff: [] as number[], putsOn: [] as number[], putsOff: [] as number[] };
    // A warm-up round each, then rounds alternating which goes first.
    await batchWrites(on, -1);
    await batchWrites(off, -1);
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 ? [off, on] : [on, off];
      for (const t of order) (t === on ? times.writesOn : times.writesOff).push(await batchWrites(t, round));
      for (const t of order) (t === on ? times.putsOn : times.putsOff).push(await objectPuts(t, round));
    }
    const report = (what: string, count: number, enforced: number[], free: number[]) => {
      const [a, b] = [median(enforced), median(free)];
      console.log(`${what}: ${((count / a) * 1000).toFixed(0)}/s enforced vs ${((count / b) * 1000).toFixed(0)}/s with --iam-enforcement off; enforced takes ${(a / b).toFixed(3)}x the time (median of ${ROUNDS} rounds)`);
    };
    report(`role session BatchWriteItem of 25 (${WRITES} calls)`, WRITES, times.writesOn, times.writesOff);
    report(`role session PutObject of 1 KiB (${PUTS} calls)`, PUTS, times.putsOn, times.putsOff);
  } finally {
    await on.running.stop();
    await off.running.stop();
  }
}
