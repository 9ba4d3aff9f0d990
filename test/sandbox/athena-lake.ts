// A small lake for Athena tests, made over the wire as a student would: a bucket of Firehose-style GZIP
// readings, a results bucket, and the partitioned table iot.readings made with Athena's own DDL.

import { gzipSync } from 'node:zlib';
import { AthenaClient, GetQueryExecutionCommand, StartQueryExecutionCommand, type QueryExecution } from '@aws-sdk/client-athena';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { clientConfig } from './support.js';

const reading = (i: number) => ({ DEVICE_NAME: `dev${i % 3}`, TIMESTAMP: `2026-11-28T10:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`, HUMIDITY: 40 + (i % 20), TEMPERATURE: 20 + (i % 10) });
const gz = (n: number) => gzipSync(Array.from({ length: n }, (_, i) => JSON.stringify(reading(i))).join('\n') + '\n');

/** A lake bucket, a results bucket and a partitioned table `iot.readings` over n readings, made over the wire. */
export async function lake(endpoint: string, n: number): Promise<void> {
  const config = clientConfig(endpoint);
  const s3 = new S3Client({ ...config, forcePathStyle: true });
  await s3.send(new CreateBucketCommand({ Bucket: 'lake' }));
  await s3.send(new CreateBucketCommand({ Bucket: 'results' }));
  await s3.send(new PutObjectCommand({ Bucket: 'lake', Key: 'telemetry/2026/11/28/10/s-1-2026-11-28-10-00-00-a.gz', Body: gz(n) }));
  const athena = new AthenaClient(config);
  for (const sql of [
    'CREATE DATABASE iot',
    `CREATE EXTERNAL TABLE iot.readings (device_name string, timestamp string, humidity int, temperature int) PARTITIONED BY (year string, month string, day string, hour string) ROW FORMAT SERDE 'org.openx.data.jsonserde.JsonSerDe' LOCATION 's3://lake/telemetry/'`,
    `ALTER TABLE iot.readings ADD PARTITION (year='2026', month='11', day='28', hour='10') LOCATION 's3://lake/telemetry/2026/11/28/10/'`,
  ]) {
    const execution = await run(athena, sql);
    if (execution.Status!.State !== 'SUCCEEDED') throw new Error(`${sql}: ${execution.Status!.StateChangeReason}`);
  }
}

/** Runs a query (results under s3://results/ unless the workgroup has its own) to its final state. */
export async function run(athena: AthenaClient, sql: string, workGroup?: string): Promise<QueryExecution> {
  const { QueryExecutionId } = await athena.send(new StartQueryExecutionCommand({ QueryString: sql, WorkGroup: workGroup, ResultConfiguration: workGroup ? undefined : { OutputLocation: 's3://results/' } }));
  for (;;) {
    const { QueryExecution: q } = await athena.send(new GetQueryExecutionCommand({ QueryExecutionId }));
    if (!['QUEUED', 'RUNNING'].includes(q!.Status!.State!)) return q!;
    await new Promise((r) => setTimeout(r, 20));
  }
}
