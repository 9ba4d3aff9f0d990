// `lab trace` through the real binary against an in-process sandbox (Firehose buffering scaled 1/20):
// the marked reading is timed hop by hop, the labs not built yet are shown as such, and the trace's
// only write is the device's own MQTT publish: no state-changing call of its own reaches the sandbox.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDBClient, QueryCommand } from '@aws-sdk/client-dynamodb';
import { DisableTopicRuleCommand, EnableTopicRuleCommand, IoTClient } from '@aws-sdk/client-iot';
import { GetEventSourceMappingCommand, LambdaClient, ListEventSourceMappingsCommand, UpdateEventSourceMappingCommand } from '@aws-sdk/client-lambda';
import { startSandbox, type RunningSandbox } from '../../sandbox/index.js';
import { logMark } from '../../src/local-run/workbench.js';
import type { LabRun } from '../cli/support.js';
import { ROOT } from '../cli/support.js';
import { assertBuilt, clientConfig, lab, newHome, until } from './support.js';

interface TraceDocument {
  version: number;
  device: string;
  topic: string;
  clientId: string;
  reading: { DEVICE_NAME: string; TIMESTAMP: string; HUMIDITY: number; TEMPERATURE: number; TRACE: string };
  timeoutMs: number;
  hops: { id: string; status: string; afterMs?: number; message: string; where?: string }[];
  verdict: string;
  passed: boolean;
}

const solved = (slug: string) => existsSync(join(ROOT, 'dist', 'solutions', slug, 'index.js'));

let sandbox: RunningSandbox;
let home: string;
const run = (args: string[], timeoutMs?: number) => lab(args, home, sandbox.endpoint, timeoutMs);

function traceOf(run: LabRun): TraceDocument & { hop: Record<string, TraceDocument['hops'][number]> } {
  const doc = JSON.parse(run.stdout) as TraceDocument;
  return { ...doc, hop: Object.fromEntries(doc.hops.map((h) => [h.id, h])) };
}

/**
 * The pipeline's own writes while the reading travels (the rule's PutRecord, the function's items,
 * logs and metrics, Firehose's objects) are not the trace's; anything else that changes state is.
 */
function traceWrites(since: number): string[] {
  return sandbox.sandbox.log
    .calls(since)
    .filter((c) => !c.readOnly)
    .map((c) => `${c.service}.${c.operation}`)
    .filter((call) => !/^(kinesis\.PutRecords?|dynamodb\.(BatchWriteItem|PutItem)|logs\.|cloudwatch\.PutMetricData|firehose\.PutRecord(Batch)?|s3\.PutObject)$/.test(call));
}

beforeAll(async () => {
  assertBuilt();
  sandbox = await startSandbox({ port: 0, inMemory: true, verbose: false, mqttPort: 0, mqttsPort: 0, firehoseIntervalScale: 0.05 });
  home = await newHome();
  for (const n of ['0', '1']) {
    const solve = await run(['solve', n]);
    expect(solve.code, solve.stdout + solve.stderr).toBe(0);
  }
}, 120_000);

afterAll(async () => {
  await sandbox?.stop();
});

describe('lab trace', () => {
  it('says to do lab 0 first when there is no device certificate', async () => {
    const traced = await lab(['trace'], await newHome(), sandbox.endpoint, 30_000);
    expect(traced.code).toBe(2);
    expect(traced.stderr).toContain('No device certificate in');
    expect(traced.stderr).toContain('`lab solve 0`');
    expect(traced.stderr).not.toMatch(/\n\s+at /);
  }, 30_000);

  it('times the reading on the topic, in the stream and in DynamoDB, shows labs 2 and 3 as not built, and writes nothing itself', async () => {
    const since = await logMark();
    const traced = await run(['trace', '--json'], 60_000);
    expect(traced.code, traced.stdout + traced.stderr).toBe(0);
    const trace = traceOf(traced);
    expect(trace).toMatchObject({ version: 1, device: 'iotlab-dev1', topic: 'iotlab/telemetry/iotlab-dev1', clientId: 'iotlab-dev1-trace', passed: true });
    // Without lab 2 there is no buffer to wait for.
    expect(trace.timeoutMs).toBe(30_000);
    expect(trace.reading.TRACE).toMatch(/^[0-9a-f]{12}$/);
    expect(trace.reading.TIMESTAMP).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
    for (const id of ['topic', 'stream', 'table']) {
      expect(trace.hop[id], id).toMatchObject({ status: 'found' });
      expect(trace.hop[id]!.afterMs, id).toBeGreaterThanOrEqual(0);
      expect(trace.hop[id]!.afterMs, id).toBeLessThan(15_000);
    }
    expect(trace.hop.stream!.where).toBe('stream iotlab-stream (named by rule iotlab_telemetry_to_stream)');
    expect(trace.hop.table!.message).toContain(`item iotlab-dev1 / ${trace.reading.TIMESTAMP} in iotlab-readings`);
    expect(trace.hop.api).toMatchObject({ status: 'not-built', message: 'lab 3 not built yet: no API is named iotlab-api or has a /datas/ resource' });
    expect(trace.hop.lake).toMatchObject({ status: 'not-built', message: 'lab 2 not built yet: no IoT rule sends iotlab/telemetry/iotlab-dev1 to a Firehose delivery stream' });
    expect(trace.verdict).toMatch(/^Kinesis Data Streams: .+ \(stream .+, DynamoDB .+\); Firehose: lab 2 not built yet\.$/);
    // Progress and the verdict go to stderr when stdout carries the document.
    expect(traced.stderr).toContain('Published {"DEVICE_NAME":"iotlab-dev1"');
    expect(traced.stderr).toContain('Verdict: Kinesis Data Streams:');

    // The reading really is in the table, with the values published.
    const dynamodb = new DynamoDBClient(clientConfig(sandbox));
    try {
      const { Items = [] } = await dynamodb.send(
        new QueryCommand({
          TableName: 'iotlab-readings',
          KeyConditionExpression: 'deviceid = :d AND #ts = :t',
          ExpressionAttributeNames: { '#ts': 'timestamp' },
          ExpressionAttributeValues: { ':d': { S: 'iotlab-dev1' }, ':t': { S: trace.reading.TIMESTAMP } },
        }),
      );
      expect(Items.map((i) => [Number(i.humidity!.N), Number(i.temperature!.N)])).toEqual([[trace.reading.HUMIDITY, trace.reading.TEMPERATURE]]);
    } finally {
      dynamodb.destroy();
    }
    expect(traceWrites(since)).toEqual([]);
  }, 60_000);

  it('prints the hops and the verdict as text', async () => {
    const traced = await run(['trace', '--timeout', '20'], 60_000);
    expect(traced.code, traced.stdout + traced.stderr).toBe(0);
    expect(traced.stdout).toMatch(/^Target: local \(http:\/\/127\.0\.0\.1:\d+\) · account 000000000000 · region us-east-1\n/);
    expect(traced.stdout).toContain('published as client iotlab-dev1-trace (the trace\'s only write); waiting up to 20.0 s.');
    expect(traced.stdout).toMatch(/✔ MQTT topic +found after \d+ ms: on iotlab\/telemetry\/iotlab-dev1/);
    expect(traced.stdout).toMatch(/✔ Kinesis stream +found after [\d.]+ m?s: in iotlab-stream, shardId-\d+ \(the time Kinesis stamped on its arrival\)/);
    expect(traced.stdout).toMatch(/– S3 data lake +lab 2 not built yet/);
    expect(traced.stdout).toMatch(/\nVerdict: Kinesis Data Streams: /);
  }, 60_000);

  it('refuses a timeout that is not a number of seconds', async () => {
    const traced = await run(['trace', '--timeout', 'soon'], 30_000);
    expect(traced.code).toBe(2);
    expect(traced.stderr).toBe('--timeout takes a number of seconds above 0, not "soon".\n');
  });

  it('names the hop where the reading stops, and exits 1', async () => {
    const lambda = new LambdaClient(clientConfig(sandbox));
    const iot = new IoTClient(clientConfig(sandbox));
    try {
      const { EventSourceMappings = [] } = await lambda.send(new ListEventSourceMappingsCommand({ FunctionName: 'iotlab-ingest' }));
      const uuid = EventSourceMappings[0]!.UUID!;
      const mappingIs = (state: string) => until(`the trigger to be ${state}`, async () => ((await lambda.send(new GetEventSourceMappingCommand({ UUID: uuid }))).State === state ? true : undefined));
      await lambda.send(new UpdateEventSourceMappingCommand({ UUID: uuid, Enabled: false }));
      await mappingIs('Disabled');
      const stalled = await run(['trace', '--json', '--timeout', '3'], 30_000);
      await lambda.send(new UpdateEventSourceMappingCommand({ UUID: uuid, Enabled: true }));
      await mappingIs('Enabled');
      expect(stalled.code, stalled.stderr).toBe(1);
      const trace = traceOf(stalled);
      expect(trace.passed).toBe(false);
      expect(trace.hop.stream!.status).toBe('found');
      expect(trace.hop.table).toMatchObject({ status: 'not-found', message: `not seen within 3.0 s: no item iotlab-dev1 / ${trace.reading.TIMESTAMP} in iotlab-readings` });
      expect(trace.verdict).toBe('Kinesis Data Streams: not through (DynamoDB table: see above); Firehose: lab 2 not built yet.');

      await iot.send(new DisableTopicRuleCommand({ ruleName: 'iotlab_telemetry_to_stream' }));
      const unrouted = await run(['trace', '--json', '--timeout', '3'], 30_000);
      await iot.send(new EnableTopicRuleCommand({ ruleName: 'iotlab_telemetry_to_stream' }));
      expect(unrouted.code, unrouted.stderr).toBe(1);
      const hops = traceOf(unrouted).hop;
      expect(hops.topic!.status).toBe('found');
      for (const id of ['stream', 'table']) {
        expect(hops[id], id).toMatchObject({
          status: 'broken',
          message: 'no enabled IoT rule sends iotlab/telemetry/iotlab-dev1 to a Kinesis stream: rule iotlab_telemetry_to_stream is disabled (`lab check 1` says how to fix it)',
        });
      }
    } finally {
      lambda.destroy();
      iot.destroy();
    }
  }, 60_000);

  it.skipIf(!solved('02-firehose-to-s3'))('sees the reading in S3 once Firehose flushes (lab 2), and waits by default for the buffer interval', async () => {
    const solve = await run(['solve', '2']);
    expect(solve.code, solve.stdout + solve.stderr).toBe(0);
    const since = await logMark();
    const traced = await run(['trace', '--json'], 60_000);
    expect(traced.code, traced.stdout + traced.stderr).toBe(0);
    const trace = traceOf(traced);
    // The delivery stream says 60 s (the sandbox flushes twenty times sooner): the default waits for it and a minute more.
    expect(trace.timeoutMs).toBe(120_000);
    expect(trace.hop.lake).toMatchObject({ status: 'found' });
    expect(trace.hop.lake!.where).toContain('s3://iotlab-datalake-000000000000/telemetry/ (destination of delivery stream iotlab-firehose, buffering 60 s or 1 MiB)');
    expect(trace.hop.lake!.message).toMatch(/: in s3:\/\/iotlab-datalake-000000000000\/telemetry\/\d{4}\/\d{2}\/\d{2}\/\d{2}\/iotlab-firehose-1-.+\.gz$/);
    expect(trace.hop.lake!.afterMs).toBeGreaterThan(trace.hop.stream!.afterMs!);
    for (const id of ['topic', 'stream', 'table']) expect(trace.hop[id]!.status, id).toBe('found');
    expect(trace.verdict).toMatch(/; Firehose: the buffer interval \(60 s here\); this reading reached S3 after [\d.]+ s\.$/);
    expect(traceWrites(since)).toEqual([]);
  }, 60_000);

  it.skipIf(!solved('03-api-and-graph'))('sees the reading through the API of lab 3', async () => {
    const solve = await run(['solve', '3']);
    expect(solve.code, solve.stdout + solve.stderr).toBe(0);
    const since = await logMark();
    const traced = await run(['trace', '--json'], 60_000);
    expect(traced.code, traced.stdout + traced.stderr).toBe(0);
    const trace = traceOf(traced);
    expect(trace.hop.api).toMatchObject({ status: 'found' });
    expect(trace.hop.api!.where).toMatch(new RegExp(`^GET ${sandbox.endpoint.replace(/[.]/g, '\\.')}/restapis/\\w+/handson/_user_request_/datas/iotlab-dev1 \\(API iotlab-api, by its prefix name, stage handson\\)$`));
    expect(trace.hop.api!.afterMs).toBeGreaterThanOrEqual(trace.hop.table!.afterMs! - 1000);
    expect(trace.verdict).toContain('; API: ');
    expect(traceWrites(since)).toEqual([]);
  }, 60_000);
});
