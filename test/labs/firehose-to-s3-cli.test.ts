// Lab 2 built only with the AWS CLI, under names of the student's own choosing: the checks follow
// the rule's references to the delivery stream and its bucket, so the pipeline is graded by its wiring.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../sandbox/index.js';
import { awsCli, findAwsCli } from '../sandbox/aws-cli.js';
import { checksOf, lab, newHome } from './support.js';

async function labSandbox(): Promise<RunningSandbox> {
  return startSandbox({ port: 0, inMemory: true, verbose: false, mqttPort: 0, mqttsPort: 0, firehoseIntervalScale: 0.1 });
}

describe('lab 2 built with the AWS CLI under other names', () => {
  const cli = findAwsCli('v1') ?? findAwsCli('v2');
  let sandbox: RunningSandbox;
  let home: string;

  beforeAll(async () => {
    sandbox = await labSandbox();
    home = await newHome();
  });
  afterAll(async () => sandbox?.stop());

  it.skipIf(!cli)('is graded by what it wires, not by its names', async () => {
    const aws = awsCli(cli!, sandbox, { env: { HOME: home } });
    expect((await lab(['solve', '0'], home, sandbox.endpoint)).code).toBe(0);
    const trust = (service: string) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }] });
    await aws.text('s3', 'mb', 's3://class-archive');
    const writer = await aws.json('iam', 'create-role', '--role-name', 'archive-writer', '--assume-role-policy-document', trust('firehose.amazonaws.com'));
    await aws.text('iam', 'put-role-policy', '--role-name', 'archive-writer', '--policy-name', 's3', '--policy-document', JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: ['arn:aws:s3:::class-archive', 'arn:aws:s3:::class-archive/*'] }] }));
    const stream = await aws.json(
      'firehose', 'create-delivery-stream', '--delivery-stream-name', 'sensor-archive', '--delivery-stream-type', 'DirectPut',
      '--extended-s3-destination-configuration',
      JSON.stringify({ RoleARN: writer.Role.Arn, BucketARN: 'arn:aws:s3:::class-archive', Prefix: 'raw/', ErrorOutputPrefix: 'failed/', BufferingHints: { SizeInMBs: 2, IntervalInSeconds: 90 }, CompressionFormat: 'GZIP' }),
    );
    const pusher = await aws.json('iam', 'create-role', '--role-name', 'rule-pusher', '--assume-role-policy-document', trust('iot.amazonaws.com'));
    await aws.text('iam', 'put-role-policy', '--role-name', 'rule-pusher', '--policy-name', 'fh', '--policy-document', JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'firehose:*', Resource: stream.DeliveryStreamARN }] }));
    await aws.text('iot', 'create-topic-rule', '--rule-name', 'archive_everything', '--topic-rule-payload',
      JSON.stringify({ sql: "SELECT * FROM 'iotlab/telemetry/+'", awsIotSqlVersion: '2016-03-23', actions: [{ firehose: { deliveryStreamName: 'sensor-archive', roleArn: pusher.Role.Arn, separator: '\n' } }] }));
    expect((await lab(['device', '--count', '4', '--rate', '10'], home, sandbox.endpoint)).code).toBe(0);
    const checked = await lab(['check', '2', '--json', '--wait', '30'], home, sandbox.endpoint);
    const checks = checksOf(checked);
    expect(Object.entries(checks).filter(([, c]) => c.status !== 'pass').map(([id, c]) => `${id}: ${c.message}`)).toEqual([]);
    expect(checks['firehose.active']!.message).toBe('Delivery stream sensor-archive is ACTIVE, Direct PUT, delivering to s3://class-archive/raw/ (named by rule archive_everything).');
    expect(checks['firehose.buffering']!.message).toBe('Delivery stream sensor-archive writes an object every 90 s or at 2 MiB, whichever comes first.');
    expect(checks['lake.no-errors']!.message).toBe('No error records under s3://class-archive/failed/ and no delivery errors logged.');
    expect(checked.code).toBe(0);
  }, 60_000);
});
