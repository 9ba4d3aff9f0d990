// `lab check 2` on a complete pipeline whose bucket holds 200 Firehose objects, in process, against its
// 300 ms budget; beside it, in the same run, the unbounded way a checker could judge the same bucket
// (list every object, download and decode them all), which the bounded reads of the lab 2 checks replace.

import { randomUUID } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { LABS } from '../src/labs/catalog.js';
import { loadLab, resolveWorkbook } from '../src/labs/workbook.js';
import { dataLakeBucket } from '../src/labs/resource-names.js';
import { formatTimestamp } from '../src/device/reading.js';
import { checkLab, openWorkbench, solveLab } from '../src/local-run/workbench.js';
import { startDevice } from '../src/device/start.js';
import { hourFolder, isGzip, parseJsonStream } from '../checks/lib/data-lake.js';
import { median, percentile } from './stats.js';

const ROUNDS = 9;
const OBJECTS = 200;
const READINGS_PER_OBJECT = 60;
const BUDGET_MS = 300;

/** A Firehose-shaped object: a minute of one reading a second, newline-separated, GZIP. */
function firehoseObject(device: string, at: number): { key: string; body: Buffer } {
  const lines = Array.from({ length: READINGS_PER_OBJECT }, (_, i) =>
    JSON.stringify({ DEVICE_NAME: device, TIMESTAMP: formatTimestamp(at + i * 1000), HUMIDITY: 40 + (i % 7), TEMPERATURE: 20 + (i % 5) }),
  );
  const stamp = new Date(at).toISOString().slice(0, 19).replace(/[T:]/g, '-');
  return { key: `telemetry/${hourFolder(at)}iotlab-firehose-1-${stamp}-${randomUUID()}.gz`, body: gzipSync(lines.join('\n') + '\n') };
}

export default async function (): Promise<void> {
  const bench = await openWorkbench();
  try {
    const workbook = resolveWorkbook();
    for (const entry of [LABS[0]!, LABS[2]!]) await solveLab(bench, workbook, entry, {}, () => undefined);
    const device = await startDevice({ clients: bench.clients, home: bench.home, prefix: bench.config.prefix, rate: 5, count: 10 });
    await device.done;
    const s3 = bench.clients.get(S3Client);
    const bucket = dataLakeBucket(bench.config.prefix, bench.target.accountId);
    const now = Date.now();
    for (let i = 0; i < OBJECTS; i++) {
      const { key, body } = firehoseObject(device.name, now - (OBJECTS - i) * 60_000);
      await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));
    }

    const lab = await loadLab(workbook, LABS[2]!);
    // The device's own object arrives after one (scaled) buffer interval; wait for the lab to pass once.
    const deadline = Date.now() + 30_000;
    for (;;) {
      const report = await checkLab(bench, lab, 0);
      if (report.passed && report.checks.every((c) => c.status === 'pass')) break;
      if (Date.now() > deadline) throw new Error(`lab check 2 did not pass: ${report.checks.filter((c) => c.status !== 'pass').map((c) => `${c.id}: ${c.message}`).join('; ')}`);
      await new Promise((r) => setTimeout(r, 500));
    }

    const bounded: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const started = performance.now();
      await checkLab(bench, lab, 0);
      bounded.push(performance.now() - started);
    }

    // The unbounded peer: every object listed, downloaded, decoded and parsed.
    const unbounded: number[] = [];
    let stored = 0;
    for (let i = 0; i < ROUNDS; i++) {
      const started = performance.now();
      let token: string | undefined;
      stored = 0;
      do {
        const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: 'telemetry/', ContinuationToken: token }));
        await Promise.all(
          (page.Contents ?? []).map(async (o) => {
            const body = Buffer.from(await (await s3.send(new GetObjectCommand({ Bucket: bucket, Key: o.Key }))).Body!.transformToByteArray());
            parseJsonStream((isGzip(body) ? gunzipSync(body) : body).toString('utf8'));
            stored++;
          }),
        );
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
      unbounded.push(performance.now() - started);
    }

    const line = (name: string, values: number[]) => `${name}: median ${median(values).toFixed(0)} ms, p90 ${percentile(values, 90).toFixed(0)} ms over ${ROUNDS} runs`;
    console.log(`${line(`lab check 2, in process (13 checks, ${stored} objects in the bucket)`, bounded)} (${(median(bounded) / BUDGET_MS).toFixed(2)}x of the ${BUDGET_MS} ms budget)`);
    console.log(`${line('reading the whole bucket (list, download, decode every object)', unbounded)}`);
    console.log(`the whole lab check takes ${(median(bounded) / median(unbounded)).toFixed(2)}x the time of reading the bucket once`);
  } finally {
    await bench.close();
  }
}
