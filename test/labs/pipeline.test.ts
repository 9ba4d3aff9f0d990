// Labs 0 and 1 against an in-process sandbox through the real binary: readings survive malformed
// messages, the checker is read-only, and a half-built pipeline is reported at its first broken hop.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDBClient, QueryCommand } from '@aws-sdk/client-dynamodb';
import { CloudWatchLogsClient, FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { AttachRolePolicyCommand, DeleteRolePolicyCommand, DetachRolePolicyCommand, IAMClient } from '@aws-sdk/client-iam';
import { DeleteTopicRuleCommand, DisableTopicRuleCommand, IoTClient, UpdateCertificateCommand } from '@aws-sdk/client-iot';
import { readFile } from 'node:fs/promises';
import { GetEventSourceMappingCommand, LambdaClient, ListEventSourceMappingsCommand, UpdateEventSourceMappingCommand, UpdateFunctionConfigurationCommand, waitUntilFunctionUpdatedV2 } from '@aws-sdk/client-lambda';
import { join } from 'node:path';
import type { RunningSandbox } from '../../sandbox/index.js';
import { logMark } from '../../src/local-run/workbench.js';
import { assertBuilt, checksOf, clientConfig, lab, labInBackground, newHome, startLabSandbox, until } from './support.js';

let sandbox: RunningSandbox;
let home: string;
let dynamodb: DynamoDBClient;
const run = (args: string[], timeoutMs?: number) => lab(args, home, sandbox.endpoint, timeoutMs);

beforeAll(async () => {
  assertBuilt();
  sandbox = await startLabSandbox();
  home = await newHome();
  dynamodb = new DynamoDBClient(clientConfig(sandbox));
  for (const n of ['0', '1']) {
    const solved = await run(['solve', n]);
    expect(solved.code, solved.stdout + solved.stderr).toBe(0);
  }
}, 120_000);

afterAll(async () => {
  dynamodb?.destroy();
  await sandbox?.stop();
});

async function itemsOf(device: string) {
  const out = await dynamodb.send(new QueryCommand({ TableName: 'iotlab-readings', KeyConditionExpression: 'deviceid = :d', ExpressionAttributeValues: { ':d': { S: device } } }));
  return out.Items ?? [];
}

/** Re-deploys lab 1 after a test broke it; says what it had to put back. */
async function repair(): Promise<string> {
  const solved = await run(['solve', '1']);
  expect(solved.code, solved.stderr).toBe(0);
  return solved.stdout;
}

describe('lab 1 on a complete pipeline', () => {
  it('does not call a function that never ran free of errors', async () => {
    const checked = await run(['check', '1', '--json', '--wait', '0']);
    expect(checksOf(checked)['function.no-errors']).toMatchObject({
      status: 'fail',
      message: expect.stringMatching(/^Still not there after waiting 0s: Function iotlab-ingest has not run in the last 15 minutes, so it cannot have shown that it runs without errors\./),
    });
  }, 30_000);

  it('lands every valid reading when one message in ten is malformed', async () => {
    const device = await run(['device', '--count', '20', '--rate', '2', '--malformed-every', '10', '--name', 'iotlab-malformed'], 60_000);
    expect(device.code, device.stderr).toBe(0);
    expect(device.stdout).toContain('Stopped after 20 message(s), 2 of them malformed.');
    const sent = device.stdout
      .split('\n')
      .filter((l) => l.startsWith('#') && !l.includes('malformed on purpose'))
      .map((l) => JSON.parse(l.slice(l.indexOf('{'))) as { TIMESTAMP: string; HUMIDITY: number; TEMPERATURE: number });
    expect(sent).toHaveLength(18);
    // Two a second share a TIMESTAMP (the sort key): the table keeps one reading per device and second.
    const expected = new Map(sent.map((r) => [r.TIMESTAMP, r]));
    const items = await until('every valid reading in the table', async () => {
      const found = await itemsOf('iotlab-malformed');
      return found.length >= expected.size ? found : undefined;
    });
    expect(items.map((i) => i.timestamp!.S).sort()).toEqual([...expected.keys()].sort());
    for (const item of items) {
      const reading = expected.get(item.timestamp!.S!)!;
      expect([Number(item.humidity!.N), Number(item.temperature!.N)]).toEqual([reading.HUMIDITY, reading.TEMPERATURE]);
    }
  }, 90_000);

  it('passes lab check 1 without a single state-changing call', async () => {
    const device = labInBackground(['device', '--rate', '4'], home, sandbox.endpoint);
    try {
      await until('readings of the default device', async () => ((await itemsOf('iotlab-dev1')).length > 0 ? true : undefined));
    } finally {
      device.child.kill('SIGINT');
    }
    const stopped = await device.done;
    expect(stopped.stdout).toMatch(/Stopped after \d+ message\(s\)/);
    // Let the trigger drain what the device sent, so only the checker talks to the sandbox below.
    await new Promise((r) => setTimeout(r, 1500));
    const since = await logMark();
    const checked = await run(['check', '1', '--json', '--wait', '30']);
    const calls = sandbox.sandbox.log.calls(since);
    expect(checked.code, checked.stdout + checked.stderr).toBe(0);
    expect(Object.values(checksOf(checked)).every((c) => c.status === 'pass')).toBe(true);
    expect(calls.length).toBeGreaterThan(10);
    expect(calls.filter((c) => !c.readOnly).map((c) => `${c.service}.${c.operation}`)).toEqual([]);
  }, 90_000);

  it('lab check 0 listens to the live device and makes no state-changing call of its own', async () => {
    const device = labInBackground(['device', '--rate', '2'], home, sandbox.endpoint);
    try {
      await until('the device to connect', async () => ((await itemsOf('iotlab-dev1')).length > 0 ? true : undefined));
      const since = await logMark();
      const checked = await run(['check', '0', '--json', '--wait', '20']);
      expect(checked.code, checked.stdout + checked.stderr).toBe(0);
      expect(checksOf(checked)['device.publishing']!.message).toMatch(/message\(s\) of the right schema arrived on iotlab\/telemetry\/iotlab-dev1/);
      // The running pipeline's function writes readings meanwhile; everything else must be a read.
      const writes = sandbox.sandbox.log.calls(since).filter((c) => !c.readOnly && !(c.service === 'dynamodb' && c.operation === 'BatchWriteItem'));
      expect(writes.map((c) => `${c.service}.${c.operation}`)).toEqual([]);
    } finally {
      device.child.kill('SIGINT');
      await device.done;
    }
  }, 90_000);
});

describe('lab 1 on a half-built pipeline', () => {
  it('names the missing rule and how to create it', async () => {
    await new IoTClient(clientConfig(sandbox)).send(new DeleteTopicRuleCommand({ ruleName: 'iotlab_telemetry_to_stream' }));
    const checked = await run(['check', '1', '--json', '--wait', '0']);
    expect(checked.code).toBe(1);
    const checks = checksOf(checked);
    expect(checks['rule.routes-to-stream']).toMatchObject({
      status: 'fail',
      message: 'No IoT rule sends iotlab/telemetry/iotlab-dev1 to a Kinesis stream (the account has 0 rule(s), none with a Kinesis action).',
    });
    expect(checks['rule.routes-to-stream']!.hint).toContain("Create rule iotlab_telemetry_to_stream with SQL SELECT * FROM 'iotlab/telemetry/#' and a Kinesis action to stream iotlab-stream");
    expect(checks['rule.routes-to-stream']!.hint).toContain('aws iot create-topic-rule --rule-name iotlab_telemetry_to_stream');
    expect(checks['rule.role-can-put']!.status).toBe('skip');
    // The hops after the rule are still found by their names and judged.
    expect(checks['stream.active']!.status).toBe('pass');
    expect(checks['mapping.enabled']!.status).toBe('pass');
    expect(checks['function.role-can-write-table']!.status).toBe('pass');
    expect(await repair()).toContain('created   IoT rule iotlab_telemetry_to_stream');
  }, 60_000);

  it('names a disabled rule and how to enable it', async () => {
    await new IoTClient(clientConfig(sandbox)).send(new DisableTopicRuleCommand({ ruleName: 'iotlab_telemetry_to_stream' }));
    const checks = checksOf(await run(['check', '1', '--json', '--wait', '0']));
    expect(checks['rule.routes-to-stream']).toMatchObject({
      status: 'fail',
      message: 'No enabled IoT rule sends iotlab/telemetry/iotlab-dev1 to a Kinesis stream: rule iotlab_telemetry_to_stream is disabled.',
      hint: 'Enable it: aws iot enable-topic-rule --rule-name iotlab_telemetry_to_stream',
    });
    expect(await repair()).toContain('updated IoT rule iotlab_telemetry_to_stream (enabled)');
  }, 60_000);

  it("names the function role that may not write the table, and the policy that fixes it", async () => {
    await new IAMClient(clientConfig(sandbox)).send(new DeleteRolePolicyCommand({ RoleName: 'iotlab-ingest-role', PolicyName: 'write-table' }));
    const checked = await run(['check', '1', '--json', '--wait', '0']);
    expect(checked.code).toBe(1);
    const checks = checksOf(checked);
    expect(checks['function.role-can-write-table']).toMatchObject({
      status: 'fail',
      message:
        'Role iotlab-ingest-role (used by function iotlab-ingest) may not dynamodb:BatchWriteItem or dynamodb:PutItem on arn:aws:dynamodb:us-east-1:000000000000:table/iotlab-readings: no policy of the role allows it.',
    });
    expect(checks['function.role-can-write-table']!.hint).toContain('aws iam put-role-policy --role-name iotlab-ingest-role');
    expect(checks['function.role-can-write-table']!.hint).toContain('"Action":["dynamodb:BatchWriteItem"],"Resource":"arn:aws:dynamodb:us-east-1:000000000000:table/iotlab-readings"');
    expect(checks['table.fresh-items']!.status).toBe('skip');
    expect(checks['rule.routes-to-stream']!.status).toBe('pass');
    expect(await repair()).toContain('created   policy write-table of IAM role iotlab-ingest-role');
  }, 60_000);

  it('stops where AWS stops when the function role may not write the table, and delivers what was held back once it may', async () => {
    await new IAMClient(clientConfig(sandbox)).send(new DeleteRolePolicyCommand({ RoleName: 'iotlab-ingest-role', PolicyName: 'write-table' }));
    const device = await run(['device', '--count', '3', '--rate', '1', '--name', 'iotlab-held-back'], 60_000);
    expect(device.code, device.stderr).toBe(0);
    // The function runs as its role: its batch write is refused, the batch fails and waits on its shard.
    const logs = new CloudWatchLogsClient(clientConfig(sandbox));
    const refusal = await until('the refused write in the function log', async () => {
      const events = (await logs.send(new FilterLogEventsCommand({ logGroupName: '/aws/lambda/iotlab-ingest', filterPattern: 'AccessDeniedException' }))).events ?? [];
      return events.find((e) => e.message?.includes('assumed-role/iotlab-ingest-role/iotlab-ingest'));
    });
    expect(refusal.message).toContain('is not authorized to perform: dynamodb:BatchWriteItem');
    expect(await itemsOf('iotlab-held-back')).toEqual([]);
    const checked = await run(['check', '1', '--json', '--wait', '0']);
    expect(checksOf(checked)['function.role-can-write-table']).toMatchObject({ status: 'fail', message: expect.stringContaining('Role iotlab-ingest-role (used by function iotlab-ingest) may not') });
    await repair();
    // The shard's held batch is retried once the role may write: nothing was lost.
    const items = await until('the held-back readings in the table', async () => {
      const found = await itemsOf('iotlab-held-back');
      return found.length >= 3 ? found : undefined;
    });
    expect(items).toHaveLength(3);
  }, 90_000);

  it("stops at the rule when its role may not put into the stream, and readings flow again once it may", async () => {
    await new IAMClient(clientConfig(sandbox)).send(new DeleteRolePolicyCommand({ RoleName: 'iotlab-iot-rule-role', PolicyName: 'put-records' }));
    const device = await run(['device', '--count', '2', '--rate', '2', '--name', 'iotlab-rule-refused'], 60_000);
    expect(device.code, device.stderr).toBe(0);
    // The rule's Kinesis action acts as the role and is refused: as on AWS, the messages go no further.
    await new Promise((r) => setTimeout(r, 2_000));
    expect(await itemsOf('iotlab-rule-refused')).toEqual([]);
    const checked = await run(['check', '1', '--json', '--wait', '0']);
    expect(checksOf(checked)['rule.role-can-put']).toMatchObject({ status: 'fail', message: expect.stringContaining('iotlab-iot-rule-role') });
    await repair();
    const after = await run(['device', '--count', '2', '--rate', '1', '--name', 'iotlab-rule-restored'], 60_000);
    expect(after.code, after.stderr).toBe(0);
    await until('readings through the repaired rule', async () => ((await itemsOf('iotlab-rule-restored')).length >= 2 ? true : undefined));
  }, 90_000);

  it('accepts stream access granted by the AWS managed policy, as the lab text does it in the console', async () => {
    const iam = new IAMClient(clientConfig(sandbox));
    const managed = 'arn:aws:iam::aws:policy/service-role/AWSLambdaKinesisExecutionRole';
    await iam.send(new DeleteRolePolicyCommand({ RoleName: 'iotlab-ingest-role', PolicyName: 'read-stream' }));
    const without = checksOf(await run(['check', '1', '--json', '--wait', '0']));
    expect(without['function.role-can-read-stream']!.message).toContain('may not kinesis:GetRecords on arn:aws:kinesis:us-east-1:000000000000:stream/iotlab-stream');
    await iam.send(new AttachRolePolicyCommand({ RoleName: 'iotlab-ingest-role', PolicyArn: managed }));
    const withManaged = checksOf(await run(['check', '1', '--json', '--wait', '0']));
    expect(withManaged['function.role-can-read-stream']).toMatchObject({ status: 'pass' });
    expect(withManaged['function.role-can-read-stream']!.message).toContain('kinesis:GetRecords (managed policy AWSLambdaKinesisExecutionRole)');
    await iam.send(new DetachRolePolicyCommand({ RoleName: 'iotlab-ingest-role', PolicyArn: managed }));
    expect(await repair()).toContain('created   policy read-stream of IAM role iotlab-ingest-role');
  }, 60_000);
});

describe('lab 1 on a deprecated runtime', () => {
  it('passes the function check with a warning that names the runtime, its dates and the command that moves it', async () => {
    const lambda = new LambdaClient(clientConfig(sandbox));
    // python3.9 is deprecated since 2025-12-15, and AWS still takes changes to it until 2027-03-03.
    await lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'iotlab-ingest', Runtime: 'python3.9' }));
    await waitUntilFunctionUpdatedV2({ client: lambda, maxWaitTime: 30 }, { FunctionName: 'iotlab-ingest' });
    const checks = checksOf(await run(['check', '1', '--json', '--wait', '0']));
    expect(checks['function.configured']!.status).toBe('pass');
    expect(checks['function.configured']!.message).toContain(
      'Warning: python3.9 is deprecated (since 2025-12-15) and AWS refuses changes to it from 2027-03-03; move it to python3.14: aws lambda update-function-configuration --function-name iotlab-ingest --runtime python3.14',
    );
    await repair();
    const repaired = checksOf(await run(['check', '1', '--json', '--wait', '0']));
    expect(repaired['function.configured']!.message).not.toContain('Warning');
  }, 60_000);
});

describe('lab 1 with its trigger switched off', () => {
  it('names the disabled trigger and the command that enables it', async () => {
    const lambda = new LambdaClient(clientConfig(sandbox));
    const { EventSourceMappings = [] } = await lambda.send(new ListEventSourceMappingsCommand({ FunctionName: 'iotlab-ingest' }));
    const uuid = EventSourceMappings[0]!.UUID!;
    await lambda.send(new UpdateEventSourceMappingCommand({ UUID: uuid, Enabled: false }));
    await until('the trigger to be Disabled', async () => ((await lambda.send(new GetEventSourceMappingCommand({ UUID: uuid }))).State === 'Disabled' ? true : undefined));
    const checks = checksOf(await run(['check', '1', '--json', '--wait', '0']));
    expect(checks['mapping.enabled']).toMatchObject({
      status: 'fail',
      message: 'The trigger from stream iotlab-stream to iotlab-ingest is Disabled, so no record reaches the function.',
      hint: `aws lambda update-event-source-mapping --uuid ${uuid} --enabled`,
    });
    expect(checks['stream.metrics']!.status).toBe('skip');
    expect(await repair()).toContain('updated trigger iotlab-stream → iotlab-ingest');
  }, 60_000);
});

describe('lab 0 with an inactive certificate', () => {
  it('lab device says why IoT refused it, and lab check 0 names the certificate and the command that activates it', async () => {
    const { certificateId } = JSON.parse(await readFile(join(home, 'device', 'device.json'), 'utf8')) as { certificateId: string };
    const iot = new IoTClient(clientConfig(sandbox));
    await iot.send(new UpdateCertificateCommand({ certificateId, newStatus: 'INACTIVE' }));
    try {
      const device = await run(['device', '--count', '1'], 30_000);
      expect(device.code).toBe(2);
      expect(device.stderr).not.toMatch(/\n\s+at /);
      expect(device.stderr).toMatch(/^(IoT refused client iotlab-dev1|The connection to .* was closed before IoT accepted client iotlab-dev1)/);
      expect(device.stderr).toContain('not registered or not ACTIVE');
      expect(device.stderr).toContain('Run `lab check 0` to see which.');
      const checks = checksOf(await run(['check', '0', '--json', '--wait', '0']));
      expect(checks['certificate.active']).toMatchObject({
        status: 'fail',
        message: 'The certificate of thing iotlab-dev1 is INACTIVE, so IoT refuses its connections.',
        hint: `aws iot update-certificate --certificate-id ${certificateId} --new-status ACTIVE`,
      });
      expect(checks['device.publishing']!.status).toBe('skip');
    } finally {
      await iot.send(new UpdateCertificateCommand({ certificateId, newStatus: 'ACTIVE' }));
    }
  }, 60_000);
});

describe('lab solve 1 --runtime', () => {
  it('switches the deployed function between Python and Node.js, and readings keep landing', async () => {
    const toNode = await run(['solve', '1', '--runtime', 'node']);
    expect(toNode.code, toNode.stderr).toBe(0);
    expect(toNode.stdout).toContain('updated code of Lambda function iotlab-ingest');
    expect(toNode.stdout).toContain('updated configuration of Lambda function iotlab-ingest (nodejs22.x)');
    const device = await run(['device', '--count', '3', '--rate', '2', '--name', 'iotlab-node'], 30_000);
    expect(device.code, device.stderr).toBe(0);
    await until('readings written by the Node.js function', async () => ((await itemsOf('iotlab-node')).length >= 2 ? true : undefined));
    const again = await run(['solve', '1', '--runtime', 'node']);
    expect(again.stdout).toContain('unchanged Lambda function iotlab-ingest (nodejs22.x)');
    expect(again.stdout).not.toContain('updated');
    const back = await run(['solve', '1', '--runtime', 'python']);
    expect(back.stdout).toContain('updated configuration of Lambda function iotlab-ingest (python3.12)');
  }, 90_000);

  it('refuses an unknown runtime with a one-line reason', async () => {
    const wrong = await run(['solve', '1', '--runtime', 'ruby']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr.trim()).toBe('--runtime takes python or node, not "ruby".');
  }, 30_000);
});
