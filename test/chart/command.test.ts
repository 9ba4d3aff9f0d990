// `lab chart` through the real binary. Without a sandbox: its usage errors and the cost in its help.
// Against an in-process sandbox whose Athena answers: Firehose-style GZIP readings in S3, a partitioned
// JSON table made with Athena DDL, a workgroup with a result location and lab 4's named query; then
// `lab chart` draws them (SVG, PNG with text, self-contained HTML, table and sparklines), and says what
// to do when the named query is missing, a query fails, a workgroup has no result location, or there
// are no rows. UPDATE_SCREENSHOT=1 rewrites assets/chart/hourly-stats.png from the chart it draws.

import { hourlyStatsSql } from '../../solutions/04-athena-analytics/hourly-stats.js';
import { copyFileSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import {
  AthenaClient,
  CreateNamedQueryCommand,
  CreateWorkGroupCommand,
  GetQueryExecutionCommand,
  ListWorkGroupsCommand,
  StartQueryExecutionCommand,
} from '@aws-sdk/client-athena';
import { CreateBucketCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { ROOT } from '../cli/support.js';
import { assertBuilt, clientConfig, lab, newHome, startLabSandbox } from '../labs/support.js';
import type { RunningSandbox } from '../../sandbox/index.js';

const BUCKET = 'iotlab-datalake-000000000000';
const DATABASE = 'iotlab_datalake';
const WORKGROUP = 'iotlab-wg';
const HOURS = ['2026/11/28/08', '2026/11/28/09', '2026/11/28/10', '2026/11/28/11', '2026/11/28/12', '2026/11/28/13'];
// Each device warms and cools over the morning in its own way; within an hour a reading every 5 minutes varies by 0-2 degrees.
const DEVICES = [
  { name: 'iotlab-dev1', base: 20, wave: [0, 1, 3, 4, 3, 2] },
  { name: 'iotlab-dev2', base: 25, wave: [1, 2, 2, 3, 4, 3] },
];
// Lab 4's reference query, as a student saves it.
const HOURLY_STATS_SQL = hourlyStatsSql();

// Whether the sandbox's Athena answers yet (it is being built beside this command).
async function athenaAnswers(): Promise<boolean> {
  const sandbox = await startLabSandbox();
  try {
    await new AthenaClient(clientConfig(sandbox)).send(new ListWorkGroupsCommand({}));
    return true;
  } catch {
    return false;
  } finally {
    await sandbox.stop();
  }
}

describe('lab chart without AWS', () => {
  beforeAll(() => assertBuilt());

  it('refuses a kind it cannot draw and two query sources, before contacting anything', async () => {
    const home = await newHome();
    const pie = await lab(['chart', '--kind', 'pie'], home, 'http://127.0.0.1:9');
    expect(pie.code).toBe(2);
    expect(pie.stderr.trim()).toBe('--kind takes line or bar, not "pie".');
    const both = await lab(['chart', '--named-query', 'a', '--sql', 'SELECT 1'], home, 'http://127.0.0.1:9');
    expect(both.code).toBe(2);
    expect(both.stderr.trim()).toBe('Give either --named-query or --sql, not both.');
  });

  it('says in its help that a query writes to S3 and costs money on AWS', async () => {
    const help = await lab(['chart', '--help'], await newHome(), 'http://127.0.0.1:9');
    expect(help.code).toBe(0);
    expect(help.stdout.replace(/\s+/g, ' ')).toContain('Running a query writes its result to S3 and, on AWS, costs money for the data it scans');
    for (const flag of ['--named-query', '--sql', '--workgroup', '--database', '--kind', '--x', '--y', '--series', '--out', '--title']) expect(help.stdout).toContain(flag);
  });
});

const athenaReady = await athenaAnswers();
if (!athenaReady) console.warn("lab chart's sandbox tests are skipped: the sandbox's Athena does not answer ListWorkGroups yet.");

describe.skipIf(!athenaReady)('lab chart against the sandbox', () => {
  let sandbox: RunningSandbox;
  let athena: AthenaClient;
  let home: string;

  beforeAll(async () => {
    assertBuilt();
    sandbox = await startLabSandbox();
    athena = new AthenaClient(clientConfig(sandbox));
    home = await newHome();
    const s3 = new S3Client({ ...clientConfig(sandbox), forcePathStyle: true });
    await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
    // What lab 2's delivery stream writes: GZIP, one JSON reading per line, under telemetry/YYYY/MM/DD/HH/.
    for (const [h, folder] of HOURS.entries()) {
      const lines: string[] = [];
      for (const [d, device] of DEVICES.entries()) {
        for (let m = 0; m < 12; m++) {
          const hour = folder.slice(-2);
          lines.push(JSON.stringify({ DEVICE_NAME: device.name, TIMESTAMP: `2026-11-28T${hour}:${String(m * 5).padStart(2, '0')}:00`, HUMIDITY: 40 + 3 * h - 2 * d + (m % 2), TEMPERATURE: device.base + device.wave[h]! + (m % 3) }));
        }
      }
      const key = `telemetry/${folder}/iotlab-firehose-1-${folder.replace(/\//g, '-')}-00-00-${h}.gz`;
      await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: gzipSync(lines.join('\n') + '\n') }));
    }
    s3.destroy();

    await athena.send(new CreateWorkGroupCommand({ Name: WORKGROUP, Configuration: { ResultConfiguration: { OutputLocation: `s3://${BUCKET}/athena-results/` } } }));
    const partitions = HOURS.map((f) => {
      const [y, mo, d, h] = f.split('/');
      return `PARTITION (partition_0 = '${y}', partition_1 = '${mo}', partition_2 = '${d}', partition_3 = '${h}') LOCATION 's3://${BUCKET}/telemetry/${f}/'`;
    }).join('\n');
    for (const sql of [
      `CREATE DATABASE IF NOT EXISTS ${DATABASE}`,
      `CREATE EXTERNAL TABLE ${DATABASE}.telemetry (device_name string, \`timestamp\` string, humidity int, temperature int)
       PARTITIONED BY (partition_0 string, partition_1 string, partition_2 string, partition_3 string)
       ROW FORMAT SERDE 'org.openx.data.jsonserde.JsonSerDe'
       LOCATION 's3://${BUCKET}/telemetry/'`,
      `ALTER TABLE ${DATABASE}.telemetry ADD IF NOT EXISTS ${partitions}`,
    ]) {
      await runDdl(athena, sql);
    }
    await athena.send(new CreateNamedQueryCommand({ Name: 'iotlab-hourly-stats', Database: DATABASE, WorkGroup: WORKGROUP, QueryString: HOURLY_STATS_SQL }));
  });

  afterAll(async () => {
    athena?.destroy();
    await sandbox?.stop();
  });

  it("draws lab 4's hourly stats: one line per device, SVG, PNG with text, an HTML page, the rows and sparklines", async () => {
    const run = await lab(['chart'], home, sandbox.endpoint);
    expect(run.code, run.stderr + run.stdout).toBe(0);
    expect(run.stderr).toBe('');
    const out = join(home, 'charts');
    expect(run.stdout).toContain(`Running the named query iotlab-hourly-stats in workgroup ${WORKGROUP} (database ${DATABASE}).`);
    expect(run.stdout).toMatch(/Query [0-9a-f-]+: SUCCEEDED · \d+\.\d s · \d+(\.\d)? (B|KB) scanned/);
    expect(run.stdout).toContain('12 rows, columns device_name varchar, hour varchar, readings bigint, avg_temperature double, min_temperature integer, max_temperature integer');
    expect(run.stdout).toContain(`Athena stored the result at s3://${BUCKET}/athena-results/`);
    expect(run.stdout).toContain('Left out readings (a count or another scale than avg_temperature, min_temperature, max_temperature): --y names the columns to draw.');
    expect(run.stdout).toContain('Chart: line of avg_temperature, min_temperature, max_temperature over hour (UTC), one line per device_name');
    // The table's first rows and one sparkline per device and value: each hour warmer than the last.
    expect(run.stdout).toMatch(/device_name\s+hour\s+readings\s+avg_temperature\s+min_temperature\s+max_temperature/);
    expect(run.stdout).toMatch(/iotlab-dev1\s+2026-11-28T08\s+12\s+21(\.0)?\s+20\s+22/);
    expect(run.stdout).toContain('iotlab-dev1 · avg_temperature  ▁▃▇█▇▅  min 21  max 25  last 23');
    expect(run.stdout).toContain('iotlab-dev2 · max_temperature  ▁▃▃▆█▆  min 28  max 31  last 30');
    const rel = relative(ROOT, join(out, 'iotlab-hourly-stats'));
    for (const ext of ['svg', 'png', 'html']) expect(run.stdout).toContain(`${rel.startsWith('..') ? join(out, 'iotlab-hourly-stats') : rel}.${ext}`);

    const svg = readFileSync(join(out, 'iotlab-hourly-stats.svg'), 'utf8');
    expect(svg).toMatch(/^<svg /);
    for (const text of ['iotlab-hourly-stats', 'iotlab-dev1', 'iotlab-dev2', 'max_temperature', '08:00', '13:00']) expect(svg).toContain(`>${text}</text>`);

    const pngFile = join(out, 'iotlab-hourly-stats.png');
    const png = PNG.sync.read(readFileSync(pngFile));
    expect(png.width).toBeGreaterThan(1400);
    expect(png.height).toBeGreaterThan(700);
    let dark = 0;
    for (let y = 0; y < 70; y++) for (let x = 0; x < 600; x++) {
      const i = (png.width * y + x) * 4;
      if (png.data[i]! < 96 && png.data[i + 1]! < 96 && png.data[i + 2]! < 96) dark++;
    }
    expect(dark, 'the title is drawn').toBeGreaterThan(1000);

    const html = readFileSync(join(out, 'iotlab-hourly-stats.html'), 'utf8');
    expect(html).toContain(svg);
    expect(html).toContain('<td>iotlab-dev2</td>');
    expect(html).toContain(`<dt>Workgroup</dt><dd>${WORKGROUP}</dd>`);
    expect(html).not.toMatch(/<script|<link|\bsrc=/i);

    if (process.env.UPDATE_SCREENSHOT === '1') {
      mkdirSync(join(ROOT, 'assets', 'chart'), { recursive: true });
      copyFileSync(pngFile, join(ROOT, 'assets', 'chart', 'hourly-stats.png'));
    }
    expect(statSync(join(ROOT, 'assets', 'chart', 'hourly-stats.png')).size).toBeLessThan(200_000);
  });

  it('draws your SQL as bars per category into --out, with flags for the columns', async () => {
    const out = join(home, 'elsewhere');
    const run = await lab(
      ['chart', '--sql', 'SELECT device_name, count(*) AS readings, max(temperature) AS hottest FROM telemetry GROUP BY 1 ORDER BY 1', '--y', 'readings', '--out', out, '--title', 'Readings per device'],
      home,
      sandbox.endpoint,
    );
    expect(run.code, run.stderr + run.stdout).toBe(0);
    expect(run.stdout).toContain(`Running your SQL in workgroup ${WORKGROUP} (database ${DATABASE}).`);
    expect(run.stdout).toContain('Chart: bars of readings per device_name');
    expect(run.stdout).toMatch(/iotlab-dev1\s+72/);
    expect(readFileSync(join(out, 'query.svg'), 'utf8')).toContain('>Readings per device</text>');
    expect(PNG.sync.read(readFileSync(join(out, 'query.png'))).width).toBeGreaterThan(800);
  });

  it('points to lab 4 when the named query does not exist', async () => {
    const run = await lab(['chart', '--named-query', 'iotlab-daily-stats'], home, sandbox.endpoint);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`No named query iotlab-daily-stats in workgroup ${WORKGROUP} or primary.`);
    expect(run.stderr).toContain('Create it in lab 4 or run `lab solve 4`');
  });

  it("gives Athena's reason when the query fails, and the next step", async () => {
    const run = await lab(['chart', '--sql', 'SELECT * FROM no_such_table'], home, sandbox.endpoint);
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/Query [0-9a-f-]+: FAILED/);
    expect(run.stderr).toMatch(/^Athena query [0-9a-f-]+ FAILED: .*no_such_table/m);
    expect(run.stderr).toContain('Fix the SQL and run it again');
  });

  it("gives Athena's own message when the workgroup has no result location", async () => {
    const run = await lab(['chart', '--sql', 'SELECT 1 AS a, 2 AS b', '--workgroup', 'primary'], home, sandbox.endpoint);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Athena refused the query: No output location provided. An output location is required either through the Workgroup result configuration setting or as an API input.');
    expect(run.stderr).toContain('Give workgroup primary a query result location in S3');
  });

  it('says there is nothing to draw when the query returns no rows (exit 1)', async () => {
    const run = await lab(['chart', '--sql', "SELECT device_name, count(*) AS n FROM telemetry WHERE device_name = 'nobody' GROUP BY 1"], home, sandbox.endpoint);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toContain('The query returned no rows: nothing to draw.');
  });

  it('names the columns when a flag names one the result lacks', async () => {
    const run = await lab(['chart', '--y', 'temperature'], home, sandbox.endpoint);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--y temperature: the result has no such column (it has device_name varchar, hour varchar, readings bigint, avg_temperature double');
  });

  it('refuses a workgroup that does not exist', async () => {
    const run = await lab(['chart', '--workgroup', 'nope'], home, sandbox.endpoint);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Athena has no workgroup nope in this account and region.');
  });

  it('leaves S3 with the results Athena wrote, under the workgroup location', async () => {
    const s3 = new S3Client({ ...clientConfig(sandbox), forcePathStyle: true });
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'athena-results/' }));
    s3.destroy();
    expect((listed.Contents ?? []).some((o) => o.Key!.endsWith('.csv'))).toBe(true);
  });
});

async function runDdl(athena: AthenaClient, sql: string): Promise<void> {
  const { QueryExecutionId } = await athena.send(new StartQueryExecutionCommand({ QueryString: sql, WorkGroup: WORKGROUP }));
  for (let i = 0; i < 200; i++) {
    const status = (await athena.send(new GetQueryExecutionCommand({ QueryExecutionId }))).QueryExecution?.Status;
    if (status?.State === 'SUCCEEDED') return;
    if (status?.State === 'FAILED' || status?.State === 'CANCELLED') throw new Error(`${sql}: ${status.State} ${status.AthenaError?.ErrorMessage ?? status.StateChangeReason}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${sql}: still running`);
}
