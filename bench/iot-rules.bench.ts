// IoT Core rules into Kinesis: messages/s from MQTT publish (QoS 1, plain TCP, mqtt.js) through a
// `SELECT * FROM 'bench/+'` rule with a kinesis action, and publish -> record latency (p50/p99, one
// message in flight, the record seen by an in-process Kinesis append listener). No free emulator has
// IoT Core rules (LocalStack's is paid), so there is no peer: the baseline is direct Kinesis PutRecord
// from SDK v3 at default settings against the same sandbox, in the same run.

import mqtt from 'mqtt';
import { CreateStreamCommand, KinesisClient, PutRecordCommand } from '@aws-sdk/client-kinesis';
import { CreateRoleCommand, IAMClient, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { CreateTopicRuleCommand, IoTClient } from '@aws-sdk/client-iot';
import { startSandbox, SANDBOX_CREDENTIALS } from '../sandbox/index.js';
import { median, percentile } from './stats.js';
import { inFlight } from './in-flight.js';

const MESSAGES = 2000;
const LATENCY_SAMPLES = 300;
const ROUNDS = 3;
const IN_FLIGHT = 16;

export default async function bench(): Promise<void> {
  const running = await startSandbox({ port: 0, inMemory: true, verbose: false });
  try {
    const config = { endpoint: running.endpoint, region: 'us-east-1', credentials: { ...SANDBOX_CREDENTIALS } };
    const owner = { accountId: '000000000000', region: 'us-east-1', clock: running.sandbox.clock };
    const kinesis = new KinesisClient(config);
    const iam = new IAMClient(config);
    await kinesis.send(new CreateStreamCommand({ StreamName: 'bench', ShardCount: 1 }));
    const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'iot.amazonaws.com' }, Action: 'sts:AssumeRole' }] };
    const { Role } = await iam.send(new CreateRoleCommand({ RoleName: 'bench-iot', AssumeRolePolicyDocument: JSON.stringify(trust) }));
    const allow = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'kinesis:PutRecord', Resource: '*' }] };
    await iam.send(new PutRolePolicyCommand({ RoleName: 'bench-iot', PolicyName: 'put', PolicyDocument: JSON.stringify(allow) }));
    await new IoTClient(config).send(
      new CreateTopicRuleCommand({
        ruleName: 'bench',
        topicRulePayload: { sql: "SELECT * FROM 'bench/+'", actions: [{ kinesis: { streamName: 'bench', partitionKey: '${topic(2)}', roleArn: Role!.Arn! } }] },
      }),
    );

    const api = running.sandbox.api('kinesis');
    let appended = 0;
    let onRecord: (() => void) | undefined;
    api.onAppend(owner, 'bench', () => {
      appended++;
      onRecord?.();
    });
    const recordsReach = (target: number) =>
      new Promise<void>((resolve) => {
        if (appended >= target) return resolve();
        onRecord = () => {
          if (appended >= target) {
            onRecord = undefined;
            resolve();
          }
        };
      });

    const { mqttPort } = running.sandbox.api('iot').endpoints();
    const client = await mqtt.connectAsync(`mqtt://127.0.0.1:${mqttPort}`, { clientId: 'bench-device', reconnectPeriod: 0 });
    const body = (i: number) => JSON.stringify({ DEVICE_NAME: `dev${i % 8}`, TIMESTAMP: '2026-11-28T10:15:00', HUMIDITY: 41, TEMPERATURE: 23 });

    // Throughput: MESSAGES published QoS 1 with IN_FLIGHT unacknowledged at a time, timed until the last record is in the stream.
    const mqttRates: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const target = appended + MESSAGES;
      const started = performance.now();
      await inFlight(MESSAGES, IN_FLIGHT, (i) => client.publishAsync(`bench/dev${i % 8}`, body(i), { qos: 1 }));
      await recordsReach(target);
      mqttRates.push(MESSAGES / ((performance.now() - started) / 1000));
    }

    // Latency: one message at a time, publish call -> record appended.
    const latencies: number[] = [];
    for (let i = 0; i < LATENCY_SAMPLES; i++) {
      const target = appended + 1;
      const started = performance.now();
      const arrived = recordsReach(target);
      client.publish(`bench/dev${i % 8}`, body(i), { qos: 1 });
      await arrived;
      latencies.push(performance.now() - started);
    }
    await client.endAsync();

    // Baseline: PutRecord from SDK v3 straight to the same sandbox, IN_FLIGHT calls at a time.
    const directRates: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const started = performance.now();
      await inFlight(MESSAGES, IN_FLIGHT, (i) => kinesis.send(new PutRecordCommand({ StreamName: 'bench', PartitionKey: `dev${i % 8}`, Data: Buffer.from(body(i)) })));
      directRates.push(MESSAGES / ((performance.now() - started) / 1000));
    }
    kinesis.destroy();

    const mqttRate = median(mqttRates);
    const directRate = median(directRates);
    console.log(`MQTT publish (QoS 1, ${IN_FLIGHT} in flight) -> rule -> Kinesis: ${mqttRate.toFixed(0)} messages/s (median of ${ROUNDS} x ${MESSAGES})`);
    console.log(`direct Kinesis PutRecord (SDK v3, ${IN_FLIGHT} in flight):      ${directRate.toFixed(0)} records/s (median of ${ROUNDS} x ${MESSAGES})`);
    console.log(`ratio MQTT+rule / direct PutRecord: ${(mqttRate / directRate).toFixed(2)}x`);
    console.log(`publish -> record latency (1 in flight, ${LATENCY_SAMPLES} samples): p50 ${percentile(latencies, 50).toFixed(2)} ms, p99 ${percentile(latencies, 99).toFixed(2)} ms`);
    console.log('peer: none (no free emulator has IoT Core rules); the baseline is direct PutRecord in the same run');
  } finally {
    await running.stop();
  }
}
