// Athena queries end to end with @aws-sdk/client-athena: readings in GZIP newline-separated objects in
// Firehose's layout (telemetry/YYYY/MM/DD/HH/...gz), a table over them made with Athena's own DDL
// (CREATE EXTERNAL TABLE, ALTER TABLE ADD PARTITION), and queries whose answers are checked against what
// the test computes from the records it wrote: per device and hour, with partition pruning visible in
// DataScannedInBytes, records glued on one line counted as Athena counts them, malformed lines, errors
// in Athena's words, DDL output and result paging.

import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { AthenaClient, GetQueryExecutionCommand, GetQueryResultsCommand, StartQueryExecutionCommand, StopQueryExecutionCommand, type QueryExecution } from '@aws-sdk/client-athena';
import { CreateDeliveryStreamCommand, FirehoseClient, PutRecordBatchCommand } from '@aws-sdk/client-firehose';
import { CreateBucketCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { ManualClock } from '../../sandbox/index.js';
import { useSandbox } from './support.js';
import { createFirehoseRole } from './service-roles.js';

const START = Date.UTC(2026, 10, 28, 12, 0, 0);
const HOURS = ['08', '09', '10', '11'];
const DEVICES = ['dev1', 'dev2', 'dev3', 'dev4'];
const OBJECTS_PER_HOUR = 3;
const RECORDS_PER_OBJECT = 50;

interface Reading {
  DEVICE_NAME: string;
  TIMESTAMP: string;
  HUMIDITY: number;
  TEMPERATURE: number;
}

/** Deterministic readings for one hour, spread over devices and minutes. */
function readingsFor(hour: string, object: number): Reading[] {
  return Array.from({ length: RECORDS_PER_OBJECT }, (_, i) => {
    const n = Number(hour) * 1000 + object * 100 + i;
    const second = object * RECORDS_PER_OBJECT + i;
    return {
      DEVICE_NAME: DEVICES[(n * 7) % DEVICES.length]!,
      TIMESTAMP: `2026-11-28T${hour}:${String(Math.floor(second / 60)).padStart(2, '0')}:${String(second % 60).padStart(2, '0')}`,
      HUMIDITY: 30 + ((n * 13) % 50),
      TEMPERATURE: 10 + ((n * 17) % 25),
    };
  });
}

const key = (hour: string, object: number) => `telemetry/2026/11/28/${hour}/iotlab-stream-1-2026-11-28-${hour}-0${object}-00-0000000${object}-aaaa-bbbb-cccc-dddddddddddd.gz`;

describe('Athena queries over the data lake', () => {
  const clock = new ManualClock(START);
  const sb = useSandbox({ clock });
  beforeAll(async () => {
    await createFirehoseRole(sb.config(), 'firehose');
  });
  const athena = () => new AthenaClient(sb.config());
  const s3 = () => new S3Client({ ...sb.config(), forcePathStyle: true });
  const all: Reading[] = [];
  const sizes = new Map<string, number>();

  async function start(sql: string, database = 'iot'): Promise<string> {
    const { QueryExecutionId } = await athena().send(
      new StartQueryExecutionCommand({ QueryString: sql, QueryExecutionContext: { Database: database }, ResultConfiguration: { OutputLocation: 's3://athena-results/api/' } }),
    );
    return QueryExecutionId!;
  }
  async function finished(id: string): Promise<QueryExecution> {
    for (;;) {
      const { QueryExecution: q } = await athena().send(new GetQueryExecutionCommand({ QueryExecutionId: id }));
      if (!['QUEUED', 'RUNNING'].includes(q!.Status!.State!)) return q!;
      await new Promise((r) => setTimeout(r, 10));
    }
  }
  /** Runs a query to SUCCEEDED (or fails the test with Athena's reason); its rows without the header. */
  async function query(sql: string, database = 'iot'): Promise<{ execution: QueryExecution; header: string[]; rows: (string | undefined)[][] }> {
    const execution = await finished(await start(sql, database));
    if (execution.Status!.State !== 'SUCCEEDED') throw new Error(`${sql}: ${execution.Status!.State} ${execution.Status!.StateChangeReason}`);
    const rows: (string | undefined)[][] = [];
    let token: string | undefined;
    do {
      const page = await athena().send(new GetQueryResultsCommand({ QueryExecutionId: execution.QueryExecutionId, NextToken: token }));
      rows.push(...page.ResultSet!.Rows!.map((r) => r.Data!.map((d) => d.VarCharValue)));
      token = page.NextToken;
    } while (token);
    const select = execution.StatementType === 'DML';
    return { execution, header: select ? (rows.shift() as string[]) : [], rows };
  }
  async function failure(sql: string, database = 'iot') {
    const execution = await finished(await start(sql, database));
    expect(execution.Status!.State).toBe('FAILED');
    return execution.Status!;
  }

  beforeAll(async () => {
    await s3().send(new CreateBucketCommand({ Bucket: 'lake' }));
    await s3().send(new CreateBucketCommand({ Bucket: 'athena-results' }));
    for (const hour of HOURS) {
      for (let o = 0; o < OBJECTS_PER_HOUR; o++) {
        const readings = readingsFor(hour, o);
        all.push(...readings);
        const body = gzipSync(readings.map((r) => JSON.stringify(r)).join('\n') + '\n');
        sizes.set(key(hour, o), body.length);
        await s3().send(new PutObjectCommand({ Bucket: 'lake', Key: key(hour, o), Body: body }));
      }
    }
    await query('CREATE DATABASE iot');
    await query(
      `CREATE EXTERNAL TABLE telemetry (device_name string, timestamp string, humidity int, temperature int)
       PARTITIONED BY (year string, month string, day string, hour string)
       ROW FORMAT SERDE 'org.openx.data.jsonserde.JsonSerDe'
       LOCATION 's3://lake/telemetry/'`,
    );
    const partitions = HOURS.map((h) => `PARTITION (year='2026', month='11', day='28', hour='${h}') LOCATION 's3://lake/telemetry/2026/11/28/${h}/'`).join(' ');
    await query(`ALTER TABLE telemetry ADD ${partitions}`);
  });

  it('groups readings by device and hour exactly as the records say', async () => {
    const { header, rows, execution } = await query(
      `SELECT device_name AS device, hour, count(*) AS readings, avg(temperature) AS avg_temp, max(humidity) AS max_humidity
       FROM telemetry GROUP BY device_name, hour ORDER BY device, hour`,
    );
    expect(header).toEqual(['device', 'hour', 'readings', 'avg_temp', 'max_humidity']);
    const expected = new Map<string, { n: number; sum: number; max: number }>();
    for (const r of all) {
      const k = `${r.DEVICE_NAME}|${r.TIMESTAMP.slice(11, 13)}`;
      const e = expected.get(k) ?? { n: 0, sum: 0, max: -Infinity };
      expected.set(k, { n: e.n + 1, sum: e.sum + r.TEMPERATURE, max: Math.max(e.max, r.HUMIDITY) });
    }
    const want = [...expected.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
    expect(rows).toHaveLength(want.length);
    rows.forEach((row, i) => {
      const [k, e] = want[i]!;
      const [device, hour] = k.split('|');
      expect(row[0]).toBe(device);
      expect(row[1]).toBe(hour);
      expect(row[2]).toBe(String(e.n));
      expect(Number(row[3])).toBeCloseTo(e.sum / e.n, 10);
      expect(row[3]).toMatch(/\./); // a double prints as Java does: 22.0, not 22
      expect(row[4]).toBe(String(e.max));
    });
    const total = [...sizes.values()].reduce((a, b) => a + b, 0);
    expect(execution.Statistics).toMatchObject({ DataScannedInBytes: total });
    expect(execution.Statistics!.EngineExecutionTimeInMillis).toBeGreaterThanOrEqual(0);
    expect(execution.Statistics!.TotalExecutionTimeInMillis).toBeGreaterThanOrEqual(execution.Statistics!.EngineExecutionTimeInMillis!);
  });

  it('reads the hour from the timestamp with Trino functions', async () => {
    const { rows } = await query(
      `SELECT device_name, date_format(date_trunc('hour', from_iso8601_timestamp("timestamp")), '%Y-%m-%d %H:%i') AS hour_start, count(*) AS n
       FROM "awsdatacatalog"."iot"."telemetry"
       WHERE regexp_like(device_name, '^dev[12]$')
       GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    const expected = new Map<string, number>();
    for (const r of all.filter((r) => /^dev[12]$/.test(r.DEVICE_NAME))) {
      const k = `${r.DEVICE_NAME}|2026-11-28 ${r.TIMESTAMP.slice(11, 13)}:00`;
      expected.set(k, (expected.get(k) ?? 0) + 1);
    }
    expect(rows).toEqual([...expected.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, n]) => [...k.split('|'), String(n)]));

    const strings = await query(
      `SELECT regexp_replace('dev12', 'dev(\\d)(\\d)', '$2-$1') AS swapped, regexp_extract('abc', 'x') AS none, regexp_extract('a1b2', '\\d') AS first_digit,
              date_add('hour', 2, from_iso8601_timestamp('2026-11-28T10:00:00')) AS later, split_part('a,b', ',', 2) AS part`,
    );
    expect(strings.header).toEqual(['swapped', 'none', 'first_digit', 'later', 'part']);
    expect(strings.rows).toEqual([['2-1', undefined, '1', '2026-11-28 12:00:00.000 UTC', 'b']]);

    const parsed = await query(`SELECT date_parse(min("timestamp"), '%Y-%m-%dT%H:%i:%s') AS first, approx_distinct(device_name) AS devices, try_cast('x' AS integer) AS nothing FROM telemetry`);
    expect(parsed.rows).toEqual([['2026-11-28 08:00:00.000', String(DEVICES.length), undefined]]);
    expect(parsed.execution.Status!.State).toBe('SUCCEEDED');
  });

  it('reads only the partitions a filter leaves, and says so in DataScannedInBytes', async () => {
    const everything = await query('SELECT count(*) FROM telemetry');
    const filtered = await query(`SELECT count(*) FROM telemetry WHERE hour = '09' AND year = '2026'`);
    const two = await query(`SELECT count(*) FROM telemetry t WHERE t.hour IN ('10', '11') OR t.hour > '10'`);
    expect(everything.rows).toEqual([[String(all.length)]]);
    expect(filtered.rows).toEqual([[String(all.filter((r) => r.TIMESTAMP.slice(11, 13) === '09').length)]]);
    expect(two.rows).toEqual([[String(all.filter((r) => ['10', '11'].includes(r.TIMESTAMP.slice(11, 13))).length)]]);
    const bytesOf = (hours: string[]) => [...sizes.entries()].filter(([k]) => hours.some((h) => k.startsWith(`telemetry/2026/11/28/${h}/`))).reduce((a, [, v]) => a + v, 0);
    expect(filtered.execution.Statistics!.DataScannedInBytes).toBe(bytesOf(['09']));
    expect(two.execution.Statistics!.DataScannedInBytes).toBe(bytesOf(['10', '11']));
    expect(filtered.execution.Statistics!.DataScannedInBytes!).toBeLessThan(everything.execution.Statistics!.DataScannedInBytes!);
    // A filter on a data column reads every partition.
    const byDevice = await query(`SELECT count(*) FROM telemetry WHERE device_name = 'dev1'`);
    expect(byDevice.execution.Statistics!.DataScannedInBytes).toBe(everything.execution.Statistics!.DataScannedInBytes);
  });

  it('counts records glued on one line as one row per line, the first record of the line, as Athena does', async () => {
    const lines: Reading[][] = [readingsFor('12', 0).slice(0, 3), readingsFor('12', 0).slice(3, 4), readingsFor('12', 0).slice(4, 9)];
    const body = lines.map((line) => line.map((r) => JSON.stringify(r)).join('')).join('\n') + '\n';
    await s3().send(new PutObjectCommand({ Bucket: 'lake', Key: 'glued/2026/11/28/12/iotlab-glued-1-2026-11-28-12-00-00-x.gz', Body: gzipSync(body) }));
    await query(`CREATE EXTERNAL TABLE glued (device_name string, timestamp string, humidity int, temperature int) ROW FORMAT SERDE 'org.openx.data.jsonserde.JsonSerDe' LOCATION 's3://lake/glued/'`);
    const { rows } = await query('SELECT count(*), count(DISTINCT "timestamp") FROM glued');
    expect(rows).toEqual([['3', '3']]);
    const firsts = await query('SELECT "timestamp" FROM glued ORDER BY 1');
    expect(firsts.rows).toEqual(lines.map((line) => [line[0]!.TIMESTAMP]).sort());
  });

  it('fails on a malformed line when a column is read, unless the table ignores malformed JSON', async () => {
    const good = JSON.stringify(readingsFor('13', 0)[0]);
    await s3().send(new PutObjectCommand({ Bucket: 'lake', Key: 'bad/part-0.json', Body: Buffer.from(`${good}\n{"DEVICE_NAME": "dev9", "TEMPERATURE": \n${good}\n`) }));
    await query(`CREATE EXTERNAL TABLE strict (device_name string, temperature int) ROW FORMAT SERDE 'org.openx.data.jsonserde.JsonSerDe' LOCATION 's3://lake/bad/'`);
    await query(
      `CREATE EXTERNAL TABLE lenient (device_name string, temperature int) ROW FORMAT SERDE 'org.openx.data.jsonserde.JsonSerDe' WITH SERDEPROPERTIES ('ignore.malformed.json' = 'true') LOCATION 's3://lake/bad/'`,
    );
    expect((await query('SELECT count(*) FROM strict')).rows).toEqual([['3']]);
    const status = await failure('SELECT device_name FROM strict');
    expect(status.StateChangeReason).toMatch(/^HIVE_CURSOR_ERROR: Row is not a valid JSON Object - JSONException: .+ at \d+ \[character \d+ line 1\]$/);
    expect(status.AthenaError).toMatchObject({ ErrorCategory: 2, ErrorType: 1001 });
    const lenient = await query('SELECT device_name, temperature FROM lenient');
    expect(lenient.rows.filter((r) => r[0] === undefined)).toEqual([[undefined, undefined]]);
    expect(lenient.rows).toHaveLength(3);
  });

  it('matches JSON keys to columns whatever their case', async () => {
    await s3().send(new PutObjectCommand({ Bucket: 'lake', Key: 'mixed/a.json', Body: Buffer.from('{"Device_Name":"a","Temperature":"21"}\n{"device_name":"b","TEMPERATURE":22}\n{"other":1}\n') }));
    await query(`CREATE EXTERNAL TABLE mixed (device_name string, temperature int) ROW FORMAT SERDE 'org.openx.data.jsonserde.JsonSerDe' LOCATION 's3://lake/mixed/'`);
    expect((await query('SELECT device_name, temperature FROM mixed ORDER BY 1')).rows).toEqual([
      ['a', '21'],
      ['b', '22'],
      [undefined, undefined],
    ]);
  });

  it("reports unknown columns, tables and functions and syntax errors in Athena's words", async () => {
    expect(await failure('SELECT x FROM telemetry')).toMatchObject({
      StateChangeReason: "COLUMN_NOT_FOUND: line 1:8: Column 'x' cannot be resolved or requester is not authorized to access requested resources",
      AthenaError: { ErrorCategory: 2, ErrorType: 1006, Retryable: false },
    });
    expect(await failure('SELECT * FROM nosuch', 'db')).toMatchObject({ StateChangeReason: "SCHEMA_NOT_FOUND: line 1:15: Schema 'awsdatacatalog.db' does not exist" });
    expect(await failure('SELECT * FROM nosuch')).toMatchObject({
      StateChangeReason: "TABLE_NOT_FOUND: line 1:15: Table 'awsdatacatalog.iot.nosuch' does not exist",
      AthenaError: { ErrorCategory: 2, ErrorType: 1110 },
    });
    expect((await failure('SELECT device_name,\n  count(*) FROM telemetry GROUP BY')).StateChangeReason).toMatch(/^line 2:\d+: mismatched input '<EOF>'/);
    expect(await failure(`SELECT format_datetime(now(), 'yyyy') FROM telemetry`)).toMatchObject({
      StateChangeReason: "NOT_SUPPORTED: line 1:8: Function 'format_datetime' is not supported by the sandbox's Athena",
      AthenaError: { ErrorType: 1200 },
    });
    // Trino compares no string with a number, where DuckDB would cast: a classic with crawled partitions.
    expect(await failure('SELECT count(*) FROM telemetry WHERE hour = 10')).toMatchObject({
      StateChangeReason: 'TYPE_MISMATCH: line 1:43: Cannot apply operator: varchar = integer',
      AthenaError: { ErrorCategory: 2, ErrorType: 1006 },
    });
    expect((await failure(`SELECT count(*) FROM telemetry t WHERE '21' < t.temperature`)).StateChangeReason).toBe('TYPE_MISMATCH: line 1:45: Cannot apply operator: varchar(2) < integer');
    expect(await failure('SELECT frobnicate(1) FROM telemetry')).toMatchObject({ StateChangeReason: "FUNCTION_NOT_FOUND: line 1:8: Function 'frobnicate' not registered" });
    expect((await failure(`INSERT INTO telemetry VALUES ('a')`)).StateChangeReason).toBe("NOT_SUPPORTED: line 1:1: INSERT INTO is not supported by the sandbox's Athena");
    // DuckDB reads a file named by a string in FROM; Trino has no such syntax, and the sandbox reads only tables.
    expect((await failure(`SELECT * FROM '/etc/passwd'`)).StateChangeReason).toMatch(/^line 1:15: mismatched input ''\/etc\/passwd''/);
    expect((await failure(`SELECT * FROM read_text('/etc/passwd')`)).StateChangeReason).toBe("NOT_SUPPORTED: line 1:15: Table function 'read_text' is not supported by the sandbox's Athena");
    await query(`CREATE EXTERNAL TABLE parquet_table (a string) STORED AS PARQUET LOCATION 's3://lake/parquet/'`);
    expect((await failure('SELECT * FROM parquet_table')).StateChangeReason).toBe(
      "NOT_SUPPORTED: line 1:15: Reading a table with the SerDe 'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe' (only JSON SerDes are) is not supported by the sandbox's Athena",
    );
  });

  it('applies ExecutionParameters to the ? marks in order', async () => {
    const run = (parameters: string[]) =>
      athena().send(
        new StartQueryExecutionCommand({
          QueryString: 'SELECT count(*) FROM telemetry WHERE device_name = ? AND hour = ?',
          ExecutionParameters: parameters,
          QueryExecutionContext: { Database: 'iot' },
          ResultConfiguration: { OutputLocation: 's3://athena-results/api/' },
        }),
      );
    const { QueryExecutionId } = await run(["'dev2'", "'09'"]);
    const execution = await finished(QueryExecutionId!);
    expect(execution).toMatchObject({ Status: { State: 'SUCCEEDED' }, ExecutionParameters: ["'dev2'", "'09'"] });
    const page = await athena().send(new GetQueryResultsCommand({ QueryExecutionId }));
    expect(page.ResultSet!.Rows![1]!.Data![0]!.VarCharValue).toBe(String(all.filter((r) => r.DEVICE_NAME === 'dev2' && r.TIMESTAMP.slice(11, 13) === '09').length));
    const wrong = await finished((await run(["'dev2'"])).QueryExecutionId!);
    expect(wrong.Status!.StateChangeReason).toBe('INVALID_PARAMETER_USAGE: Incorrect number of parameters: expected 2 but found 1');
  });

  it('tells each row\'s object with the "$path" pseudo-column', async () => {
    const { rows } = await query(`SELECT "$path", count(*) FROM telemetry WHERE hour = '08' GROUP BY 1 ORDER BY 1`);
    expect(rows).toEqual([0, 1, 2].map((o) => [`s3://lake/${key('08', o)}`, String(RECORDS_PER_OBJECT)]));
  });

  it('pages results with the header as the first row of the first page', async () => {
    const id = await start('SELECT "timestamp", device_name FROM telemetry ORDER BY "timestamp"');
    await finished(id);
    const page1 = await athena().send(new GetQueryResultsCommand({ QueryExecutionId: id, MaxResults: 100 }));
    expect(page1.ResultSet!.Rows).toHaveLength(100);
    expect(page1.ResultSet!.Rows![0]!.Data!.map((d) => d.VarCharValue)).toEqual(['timestamp', 'device_name']);
    expect(page1.ResultSet!.ResultSetMetadata!.ColumnInfo!.map((c) => [c.Name, c.Type])).toEqual([
      ['timestamp', 'varchar'],
      ['device_name', 'varchar'],
    ]);
    let count = page1.ResultSet!.Rows!.length - 1;
    let token = page1.NextToken;
    while (token) {
      const page = await athena().send(new GetQueryResultsCommand({ QueryExecutionId: id, MaxResults: 1000, NextToken: token }));
      count += page.ResultSet!.Rows!.length;
      token = page.NextToken;
    }
    expect(count).toBe(all.length);
  });

  it('runs DDL and metadata statements against the catalog, their output in a .txt', async () => {
    const tables = await query('SHOW TABLES');
    expect(tables.rows).toEqual(expect.arrayContaining([['telemetry'], ['glued']]));
    expect(tables.execution).toMatchObject({ StatementType: 'UTILITY', SubstatementType: 'SHOW_TABLES', ResultConfiguration: { OutputLocation: `s3://athena-results/api/${tables.execution.QueryExecutionId}.txt` } });
    const txt = await (await s3().send(new GetObjectCommand({ Bucket: 'athena-results', Key: `api/${tables.execution.QueryExecutionId}.txt` }))).Body!.transformToString();
    expect(txt.split('\n')).toEqual(expect.arrayContaining(['telemetry', 'glued']));
    expect((await query('SHOW PARTITIONS telemetry')).rows).toEqual(HOURS.map((h) => [`year=2026/month=11/day=28/hour=${h}`]));
    const described = (await query('DESCRIBE telemetry')).rows.map((r) => r[0]!.split('\t').map((s) => s.trim()));
    expect(described.slice(0, 5)).toEqual([
      ['device_name', 'string', 'from deserializer'],
      ['timestamp', 'string', 'from deserializer'],
      ['humidity', 'int', 'from deserializer'],
      ['temperature', 'int', 'from deserializer'],
      ['year', 'string'],
    ]);
    const create = (await query('SHOW CREATE TABLE telemetry')).rows.map((r) => r[0]);
    expect(create[0]).toBe('CREATE EXTERNAL TABLE `iot`.`telemetry`(');
    expect(create).toContain("  'org.openx.data.jsonserde.JsonSerDe' ");
    expect(create).toContain("  's3://lake/telemetry/'");
    expect(await failure(`CREATE EXTERNAL TABLE telemetry (a string) LOCATION 's3://lake/x/'`)).toMatchObject({
      StateChangeReason: 'FAILED: Execution Error, return code 1 from org.apache.hadoop.hive.ql.exec.DDLTask. AlreadyExistsException(message:Table iot.telemetry already exists)',
      AthenaError: { ErrorType: 1003 },
    });
    await query(`CREATE EXTERNAL TABLE IF NOT EXISTS telemetry (a string) LOCATION 's3://lake/x/'`);
    await query('DROP TABLE IF EXISTS nothing_here');
    expect((await failure('DROP TABLE nothing_here')).StateChangeReason).toBe('FAILED: SemanticException [Error 10001]: Table not found iot.nothing_here');
  });

  it('turns Hive-style key=value folders into partitions with MSCK REPAIR TABLE', async () => {
    for (const [dt, hour] of [
      ['2026-11-27', '23'],
      ['2026-11-28', '00'],
    ]) {
      const body = gzipSync(readingsFor('00', 0).slice(0, 10).map((r) => JSON.stringify(r)).join('\n'));
      await s3().send(new PutObjectCommand({ Bucket: 'lake', Key: `hive/dt=${dt}/hour=${hour}/data.gz`, Body: body }));
    }
    await query(`CREATE EXTERNAL TABLE hive_layout (device_name string) PARTITIONED BY (dt string, hour string) ROW FORMAT SERDE 'org.openx.data.jsonserde.JsonSerDe' LOCATION 's3://lake/hive/'`);
    expect((await query('SELECT count(*) FROM hive_layout')).rows).toEqual([['0']]);
    const repair = await query('MSCK REPAIR TABLE hive_layout');
    expect(repair.rows.map((r) => r[0])).toEqual([
      'Partitions not in metastore:\thive_layout:dt=2026-11-27/hour=23\thive_layout:dt=2026-11-28/hour=00',
      'Repair: Added partition to metastore hive_layout:dt=2026-11-27/hour=23',
      'Repair: Added partition to metastore hive_layout:dt=2026-11-28/hour=00',
    ]);
    expect((await query(`SELECT dt, hour, count(*) FROM hive_layout GROUP BY 1, 2 ORDER BY 1`)).rows).toEqual([
      ['2026-11-27', '23', '10'],
      ['2026-11-28', '00', '10'],
    ]);
  });

  it('reads what the sandbox Firehose delivered', async () => {
    const fh = new FirehoseClient(sb.config());
    await fh.send(
      new CreateDeliveryStreamCommand({
        DeliveryStreamName: 'iotlab-firehose',
        ExtendedS3DestinationConfiguration: {
          RoleARN: 'arn:aws:iam::000000000000:role/firehose',
          BucketARN: 'arn:aws:s3:::lake',
          Prefix: 'fh/',
          CompressionFormat: 'GZIP',
          BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 60 },
        },
      }),
    );
    // The IoT rule's newline separator: one reading per line.
    const sent = readingsFor('12', 1);
    await fh.send(new PutRecordBatchCommand({ DeliveryStreamName: 'iotlab-firehose', Records: sent.map((r) => ({ Data: Buffer.from(`${JSON.stringify(r)}\n`) })) }));
    clock.advance(61_000);
    await sb.running.sandbox.api('firehose').runDeliveryCheck();
    const listed = await s3().send(new ListObjectsV2Command({ Bucket: 'lake', Prefix: 'fh/' }));
    const [, y, m, d, h] = /^fh\/(\d{4})\/(\d\d)\/(\d\d)\/(\d\d)\//.exec(listed.Contents![0]!.Key!)!;
    await query(
      `CREATE EXTERNAL TABLE delivered (device_name string, temperature int) PARTITIONED BY (partition_0 string, partition_1 string, partition_2 string, partition_3 string)
       ROW FORMAT SERDE 'org.openx.data.jsonserde.JsonSerDe' LOCATION 's3://lake/fh/'`,
    );
    await query(`ALTER TABLE delivered ADD IF NOT EXISTS PARTITION (partition_0='${y}', partition_1='${m}', partition_2='${d}', partition_3='${h}') LOCATION 's3://lake/fh/${y}/${m}/${d}/${h}/'`);
    const { rows } = await query('SELECT count(*), sum(temperature) FROM delivered');
    expect(rows).toEqual([[String(sent.length), String(sent.reduce((a, r) => a + r.TEMPERATURE, 0))]]);
  });

  it('stops a running query', async () => {
    const id = await start('SELECT count(*) FROM telemetry a CROSS JOIN telemetry b CROSS JOIN telemetry c CROSS JOIN telemetry d');
    for (;;) {
      const { QueryExecution: q } = await athena().send(new GetQueryExecutionCommand({ QueryExecutionId: id }));
      if (q!.Status!.State !== 'QUEUED') break;
      await new Promise((r) => setTimeout(r, 5));
    }
    const stopped = performance.now();
    await athena().send(new StopQueryExecutionCommand({ QueryExecutionId: id }));
    const execution = await finished(id);
    expect(execution.Status).toMatchObject({ State: 'CANCELLED', StateChangeReason: 'Query cancelled by user' });
    expect(performance.now() - stopped).toBeLessThan(5000);
  });
});
