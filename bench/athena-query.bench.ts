// Athena: GROUP BY device and hour over 100,000 readings in 100 GZIP objects in Firehose's layout (a
// partitioned table made with Athena's DDL), timed from StartQueryExecution to SUCCEEDED, against DuckDB
// alone reading the same files in the same run: the ratio is what Athena's work adds (resolving the table
// through Glue, listing and pruning partitions, reading JSON lines as the OpenX SerDe does, writing the CSV).
// The first query also pays for loading DuckDB. Then the sandbox process itself: RSS while idle (DuckDB not
// loaded yet) and after its first query.

import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { AthenaClient, GetQueryExecutionCommand, StartQueryExecutionCommand } from '@aws-sdk/client-athena';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { DuckDBInstance } from '@duckdb/node-api';
import { startSandbox, SANDBOX_CREDENTIALS } from '../sandbox/index.js';
import { median } from './stats.js';

const OBJECTS = 100;
const PER_OBJECT = 1000;
const HOURS = 25;
const ROUNDS = 9;
const DEVICES = 10;
const QUERY = `SELECT device_name, hour, count(*) AS readings, avg(temperature) AS avg_temp, max(humidity) AS max_humidity
  FROM telemetry GROUP BY device_name, hour ORDER BY device_name, hour`;

function object(o: number): { key: string; body: Buffer } {
  const day = 28 + Math.floor(o / 4 / 24);
  const hour = String(Math.floor(o / 4) % 24).padStart(2, '0');
  const lines = [];
  for (let i = 0; i < PER_OBJECT; i++) {
    const n = o * PER_OBJECT + i;
    const second = (o % 4) * 900 + Math.floor(i * 0.9);
    const ts = `2026-11-${day}T${hour}:${String(Math.floor(second / 60)).padStart(2, '0')}:${String(second % 60).padStart(2, '0')}`;
    lines.push(JSON.stringify({ DEVICE_NAME: `dev${n % DEVICES}`, TIMESTAMP: ts, HUMIDITY: 30 + (n % 40), TEMPERATURE: 15 + (n % 20) }));
  }
  const key = `telemetry/2026/11/${day}/${hour}/iotlab-stream-1-2026-11-${day}-${hour}-${String((o % 4) * 15).padStart(2, '0')}-00-${String(o).padStart(8, '0')}-0000-0000-0000-000000000000.gz`;
  return { key, body: gzipSync(lines.join('\n') + '\n') };
}

async function rssOfProcess(): Promise<{ idle: number; afterQuery: number; duckdbMappedIdle: boolean; startMs: number }> {
  const main = join(dirname(fileURLToPath(import.meta.url)), '..', 'sandbox', 'main.js');
  const started = performance.now();
  const child = spawn(process.execPath, [main, '--port', '0', '--in-memory', '--quiet'], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const endpoint = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /listening on (\S+)/.exec(out);
        if (m) resolve(m[1]!);
      });
      child.on('exit', (code) => reject(new Error(`sandbox exited with ${code}`)));
    });
    const config = { endpoint, region: 'us-east-1', credentials: { ...SANDBOX_CREDENTIALS } };
    await new STSClient(config).send(new GetCallerIdentityCommand({}));
    const startMs = performance.now() - started;
    await new Promise((r) => setTimeout(r, 2000));
    const status = () => readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const rss = () => Number(/VmRSS:\s+(\d+)/.exec(status())?.[1] ?? 0) / 1024;
    const idle = rss();
    const duckdbMappedIdle = /duckdb/.test(readFileSync(`/proc/${child.pid}/maps`, 'utf8'));
    const athena = new AthenaClient(config);
    const s3 = new S3Client({ ...config, forcePathStyle: true });
    await s3.send(new CreateBucketCommand({ Bucket: 'rss-results' }));
    const { QueryExecutionId } = await athena.send(new StartQueryExecutionCommand({ QueryString: 'SELECT 1', ResultConfiguration: { OutputLocation: 's3://rss-results/' } }));
    for (;;) {
      const { QueryExecution } = await athena.send(new GetQueryExecutionCommand({ QueryExecutionId }));
      if (QueryExecution!.Status!.State !== 'QUEUED' && QueryExecution!.Status!.State !== 'RUNNING') break;
      await new Promise((r) => setTimeout(r, 20));
    }
    await new Promise((r) => setTimeout(r, 500));
    return { idle, afterQuery: rss(), duckdbMappedIdle, startMs };
  } finally {
    child.kill('SIGTERM');
  }
}

export default async function (): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-athena-'));
  const running = await startSandbox({ port: 0, dataDir, verbose: false });
  const config = { endpoint: running.endpoint, region: 'us-east-1', credentials: { ...SANDBOX_CREDENTIALS } };
  const athena = new AthenaClient(config);
  const s3 = new S3Client({ ...config, forcePathStyle: true });
  const sandbox = running.sandbox;
  let duck: DuckDBInstance | undefined;
  try {
    await s3.send(new CreateBucketCommand({ Bucket: 'bench-lake' }));
    await s3.send(new CreateBucketCommand({ Bucket: 'bench-results' }));
    const keys: string[] = [];
    const partitions = new Set<string>();
    for (let o = 0; o < OBJECTS; o++) {
      const { key, body } = object(o);
      keys.push(key);
      partitions.add(key.split('/').slice(1, 5).join('/'));
      await s3.send(new PutObjectCommand({ Bucket: 'bench-lake', Key: key, Body: body }));
    }
    const run = async (sql: string) => {
      const started = performance.now();
      const { QueryExecutionId } = await athena.send(
        new StartQueryExecutionCommand({ QueryString: sql, QueryExecutionContext: { Database: 'bench' }, ResultConfiguration: { OutputLocation: 's3://bench-results/' } }),
      );
      await sandbox.api('athena').settle();
      const { QueryExecution } = await athena.send(new GetQueryExecutionCommand({ QueryExecutionId }));
      const ms = performance.now() - started;
      if (QueryExecution!.Status!.State !== 'SUCCEEDED') throw new Error(`${sql}: ${QueryExecution!.Status!.StateChangeReason}`);
      return { ms, engineMs: QueryExecution!.Statistics!.EngineExecutionTimeInMillis!, scanned: QueryExecution!.Statistics!.DataScannedInBytes! };
    };
    await run('CREATE DATABASE bench');
    await run(`CREATE EXTERNAL TABLE telemetry (device_name string, timestamp string, humidity int, temperature int)
      PARTITIONED BY (year string, month string, day string, hour string) ROW FORMAT SERDE 'org.openx.data.jsonserde.JsonSerDe' LOCATION 's3://bench-lake/telemetry/'`);
    const adds = [...partitions].map((p) => {
      const [y, m, d, h] = p.split('/');
      return `PARTITION (year='${y}', month='${m}', day='${d}', hour='${h}') LOCATION 's3://bench-lake/telemetry/${p}/'`;
    });
    await run(`ALTER TABLE telemetry ADD ${adds.join(' ')}`);

    const first = await run(QUERY);
    const pruned = await run(`SELECT count(*) FROM telemetry WHERE day = '28' AND hour = '10'`);

    // DuckDB alone, set up as the sandbox's engine is: the same stored files, read as it reads them best.
    const files = keys.map((k) => sandbox.api('s3').objectFilePath('bench-lake', k)!);
    duck = await DuckDBInstance.create(':memory:', { autoinstall_known_extensions: 'false', autoload_known_extensions: 'false', threads: String(Math.max(1, Math.min(4, availableParallelism()))), memory_limit: '512MB' });
    const connection = await duck.connect();
    const list = files.map((f) => `'${f}'`).join(', ');
    const direct = `SELECT DEVICE_NAME, substr(TIMESTAMP, 12, 2) AS hour, count(*), avg(TEMPERATURE), max(HUMIDITY)
      FROM read_json([${list}], format = 'newline_delimited', columns = {DEVICE_NAME: 'VARCHAR', TIMESTAMP: 'VARCHAR', HUMIDITY: 'INTEGER', TEMPERATURE: 'INTEGER'})
      GROUP BY 1, 2 ORDER BY 1, 2`;
    await connection.runAndReadAll(direct);
    // Interleaved, so both meet the same load on the machine.
    const athenaRuns = [];
    const duckRuns = [];
    for (let i = 0; i < ROUNDS; i++) {
      athenaRuns.push(await run(QUERY));
      const started = performance.now();
      await connection.runAndReadAll(direct);
      duckRuns.push(performance.now() - started);
    }
    connection.closeSync();

    const warm = median(athenaRuns.map((r) => r.ms));
    const alone = median(duckRuns);
    console.log(`${OBJECTS * PER_OBJECT} readings in ${OBJECTS} GZIP objects (${(first.scanned / 1024).toFixed(0)} KiB), ${partitions.size} partitions:`);
    console.log(`  first query (loads DuckDB): ${first.ms.toFixed(0)} ms StartQueryExecution → SUCCEEDED`);
    console.log(`  Athena GROUP BY device, hour: median ${warm.toFixed(0)} ms StartQueryExecution → SUCCEEDED (engine ${median(athenaRuns.map((r) => r.engineMs)).toFixed(0)} ms) over ${ROUNDS} runs`);
    console.log(`  DuckDB alone on the same files: median ${alone.toFixed(0)} ms`);
    console.log(`  Athena / DuckDB alone: ${(warm / alone).toFixed(2)}x (aim < 2x)`);
    console.log(`  one partition of ${partitions.size}: ${pruned.ms.toFixed(0)} ms, DataScannedInBytes ${pruned.scanned} of ${first.scanned}`);
  } finally {
    duck?.closeSync();
    await running.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }

  const proc = await rssOfProcess();
  console.log(`sandbox process: first answer ${proc.startMs.toFixed(0)} ms after spawn; idle RSS ${proc.idle.toFixed(0)} MB with DuckDB ${proc.duckdbMappedIdle ? 'LOADED (should not be)' : 'not loaded'}; ${proc.afterQuery.toFixed(0)} MB after its first query`);
}
