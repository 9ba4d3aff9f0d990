// Firehose: 10,000 workshop readings (~200 B each) through PutRecordBatch (20 calls of 500) into a GZIP
// stream with small hints (1 MB / 60 s, intervals scaled by 0.001), timed until every record is read back
// from S3 (objects listed, fetched, gunzipped and counted). No peer emulates Firehose's buffered GZIP
// delivery, so the baseline is the raw PutRecordBatch time of the same run: the ratio says what delivery adds.

import { gunzipSync } from 'node:zlib';
import { CreateDeliveryStreamCommand, FirehoseClient, PutRecordBatchCommand } from '@aws-sdk/client-firehose';
import { CreateBucketCommand, GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { startSandbox, SANDBOX_CREDENTIALS } from '../sandbox/index.js';
import { createFirehoseRole } from '../test/sandbox/service-roles.js';
import { median } from './stats.js';

const RECORDS = 10_000;
const BATCH = 500;
const ROUNDS = 5;
const RECORD_BYTES = 200;
const SCALE = 0.001;

/** A reading in the workshop's schema, its device name padded so the record is RECORD_BYTES long. */
function reading(i: number): Buffer {
  const fields = (name: string) => JSON.stringify({ DEVICE_NAME: name, TIMESTAMP: '2026-11-28T10:15:00', HUMIDITY: 30 + (i % 40), TEMPERATURE: 15 + (i % 20) });
  const base = `dev${i % 10}-`;
  return Buffer.from(fields(base.padEnd(base.length + RECORD_BYTES - fields(base).length, 'x')));
}

export default async function (): Promise<void> {
  const running = await startSandbox({ port: 0, inMemory: true, verbose: false, firehoseIntervalScale: SCALE });
  const config = { endpoint: running.endpoint, region: 'us-east-1', credentials: { ...SANDBOX_CREDENTIALS } };
  const firehose = new FirehoseClient(config);
  const s3 = new S3Client({ ...config, forcePathStyle: true });
  // Firehose writes as its role: one it may assume, allowed to write the bucket.
  await createFirehoseRole(config, 'firehose');
  const records = Array.from({ length: RECORDS }, (_, i) => reading(i));
  const putTimes: number[] = [];
  const deliveredTimes: number[] = [];
  let objects = 0;
  try {
    await s3.send(new CreateBucketCommand({ Bucket: 'bench-lake' }));
    for (let round = 0; round < ROUNDS; round++) {
      const name = `bench-${round}`;
      await firehose.send(
        new CreateDeliveryStreamCommand({
          DeliveryStreamName: name,
          ExtendedS3DestinationConfiguration: {
            RoleARN: 'arn:aws:iam::000000000000:role/firehose',
            BucketARN: 'arn:aws:s3:::bench-lake',
            Prefix: `${name}/`,
            CompressionFormat: 'GZIP',
            BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 60 },
          },
        }),
      );
      const started = performance.now();
      for (let i = 0; i < RECORDS; i += BATCH) {
        const res = await firehose.send(new PutRecordBatchCommand({ DeliveryStreamName: name, Records: records.slice(i, i + BATCH).map((Data) => ({ Data })) }));
        if (res.FailedPutCount !== 0) throw new Error(`${res.FailedPutCount} records failed`);
      }
      putTimes.push(performance.now() - started);
      const counted = new Map<string, number>();
      let total = 0;
      while (total < RECORDS) {
        const listed = await s3.send(new ListObjectsV2Command({ Bucket: 'bench-lake', Prefix: `${name}/` }));
        for (const o of listed.Contents ?? []) {
          if (counted.has(o.Key!)) continue;
          const got = await s3.send(new GetObjectCommand({ Bucket: 'bench-lake', Key: o.Key! }));
          const text = gunzipSync(await got.Body!.transformToByteArray()).toString();
          const n = text.split('{"DEVICE_NAME"').length - 1;
          counted.set(o.Key!, n);
          total += n;
        }
        if (total < RECORDS) await new Promise((r) => setTimeout(r, 5));
        if (performance.now() - started > 60_000) throw new Error(`only ${total} of ${RECORDS} records delivered after 60 s`);
      }
      if (total !== RECORDS) throw new Error(`delivered ${total} records, expected ${RECORDS}`);
      deliveredTimes.push(performance.now() - started);
      objects = counted.size;
    }
  } finally {
    await running.stop();
  }
  const put = median(putTimes) / 1000;
  const delivered = median(deliveredTimes) / 1000;
  console.log(`${RECORDS} records x ${RECORD_BYTES} B, GZIP, hints 1 MB / 60 s (interval scale ${SCALE}), ${objects} objects per round, median of ${ROUNDS} rounds`);
  console.log(`time to delivered (verified in S3): ${delivered.toFixed(3)} s, ${(RECORDS / delivered).toFixed(0)} records/s`);
  console.log(`raw PutRecordBatch calls (baseline): ${put.toFixed(3)} s, ${(RECORDS / put).toFixed(0)} records/s; delivery takes ${(delivered / put).toFixed(2)}x the put time`);
  console.log('no peer: no free emulator buffers and GZIP-delivers Firehose records to S3, so there is nothing to run side by side');
}
