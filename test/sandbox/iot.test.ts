// IoT Core over the wire: the control plane with @aws-sdk/client-iot, devices with the `mqtt` client
// over mutual TLS (certificates from CreateKeysAndCertificate, trusting the CA the sandbox serves),
// HTTP Publish with @aws-sdk/client-iot-data-plane, and topic rules acting on Kinesis, Firehose and
// republish, with their errors, metrics and refusals.

import { createHash, X509Certificate } from 'node:crypto';
import { connect as tcpConnect } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { beforeAll, describe, expect, it } from 'vitest';
import mqtt, { type MqttClient } from 'mqtt';
import {
  AttachPolicyCommand,
  AttachThingPrincipalCommand,
  CreateKeysAndCertificateCommand,
  CreatePolicyCommand,
  CreatePolicyVersionCommand,
  CreateThingCommand,
  CreateTopicRuleCommand,
  DeleteCertificateCommand,
  DeletePolicyCommand,
  DeletePolicyVersionCommand,
  DeleteThingCommand,
  DeleteTopicRuleCommand,
  DescribeCertificateCommand,
  DescribeEndpointCommand,
  DescribeThingCommand,
  DetachPolicyCommand,
  DisableTopicRuleCommand,
  EnableTopicRuleCommand,
  GetPolicyCommand,
  GetTopicRuleCommand,
  IoTClient,
  ListAttachedPoliciesCommand,
  ListCertificatesCommand,
  ListPolicyVersionsCommand,
  ListPrincipalThingsCommand,
  ListTagsForResourceCommand,
  ListTargetsForPolicyCommand,
  ListThingPrincipalsCommand,
  ListThingsCommand,
  ListTopicRulesCommand,
  ReplaceTopicRuleCommand,
  SetDefaultPolicyVersionCommand,
  TagResourceCommand,
  UpdateCertificateCommand,
  type TopicRulePayload,
} from '@aws-sdk/client-iot';
import { IoTDataPlaneClient, PublishCommand } from '@aws-sdk/client-iot-data-plane';
import { CreateRoleCommand, IAMClient, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { CreateStreamCommand, GetRecordsCommand, GetShardIteratorCommand, KinesisClient, ListShardsCommand } from '@aws-sdk/client-kinesis';
import { CreateDeliveryStreamCommand, FirehoseClient } from '@aws-sdk/client-firehose';
import { CreateBucketCommand, GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { CloudWatchClient, GetMetricStatisticsCommand } from '@aws-sdk/client-cloudwatch';
import { useSandbox } from './support.js';
import { createFirehoseRole } from './service-roles.js';
import { labTable } from './lab-table.js';
import { trustPolicy as trust } from './trust-policy.js';

const ACCOUNT = '000000000000';
const ALLOW_ALL = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iot:*', Resource: '*' }] });
const allow = (action: string) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: '*' }] });

describe('IoT Core', () => {
  const sb = useSandbox({ firehoseIntervalScale: 0.01 });
  beforeAll(async () => {
    await createFirehoseRole(sb.config(), 'firehose');
  });
  const iot = () => new IoTClient(sb.config());
  const iam = () => new IAMClient(sb.config());
  const kinesis = () => new KinesisClient(sb.config());
  const endpoints = () => sb.running.sandbox.api('iot').endpoints();
  const idle = () => sb.running.sandbox.api('iot').rulesIdle();

  let policyCount = 0;
  /** A certificate (ACTIVE unless told) with a policy attached (unless `policy` is null). */
  async function device(policy: string | null = ALLOW_ALL, active = true) {
    const created = await iot().send(new CreateKeysAndCertificateCommand({ setAsActive: active }));
    if (policy !== null) {
      const policyName = `device-policy-${++policyCount}`;
      await iot().send(new CreatePolicyCommand({ policyName, policyDocument: policy }));
      await iot().send(new AttachPolicyCommand({ policyName, target: created.certificateArn! }));
    }
    return { ...created, cert: created.certificatePem!, key: created.keyPair!.PrivateKey! };
  }

  async function caPem(): Promise<string> {
    const res = await fetch(`${sb.endpoint}/_sandbox/iot/ca.pem`);
    expect(res.status).toBe(200);
    return res.text();
  }

  const connectTls = async (d: { cert: string; key: string }, clientId: string): Promise<MqttClient> =>
    mqtt.connectAsync(`mqtts://127.0.0.1:${endpoints().mqttsPort}`, { cert: d.cert, key: d.key, ca: await caPem(), clientId, reconnectPeriod: 0, connectTimeout: 5000 });

  const connectPlain = (clientId: string) => mqtt.connectAsync(`mqtt://127.0.0.1:${endpoints().mqttPort}`, { clientId, reconnectPeriod: 0 });

  async function role(name: string, permissions: string | null, service = 'iot.amazonaws.com'): Promise<string> {
    const { Role } = await iam().send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: trust(service) }));
    if (permissions) await iam().send(new PutRolePolicyCommand({ RoleName: name, PolicyName: 'p', PolicyDocument: permissions }));
    return Role!.Arn!;
  }

  async function streamRecords(streamName: string) {
    const k = kinesis();
    const { Shards } = await k.send(new ListShardsCommand({ StreamName: streamName }));
    const records = [];
    for (const shard of Shards!) {
      const { ShardIterator } = await k.send(new GetShardIteratorCommand({ StreamName: streamName, ShardId: shard.ShardId!, ShardIteratorType: 'TRIM_HORIZON' }));
      const { Records } = await k.send(new GetRecordsCommand({ ShardIterator }));
      records.push(...Records!);
    }
    return records.map((r) => ({ partitionKey: r.PartitionKey!, data: Buffer.from(r.Data!).toString('utf8') }));
  }

  function messages(client: MqttClient): { topic: string; payload: string }[] {
    const seen: { topic: string; payload: string }[] = [];
    client.on('message', (topic, payload) => seen.push({ topic, payload: payload.toString('utf8') }));
    return seen;
  }

  const until = async (check: () => boolean, ms = 3000) => {
    const end = Date.now() + ms;
    while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
  };

  async function sum(name: string, dimensions: Record<string, string>): Promise<number> {
    const cw = new CloudWatchClient(sb.config());
    const now = Date.now();
    const { Datapoints } = await cw.send(
      new GetMetricStatisticsCommand({
        Namespace: 'AWS/IoT',
        MetricName: name,
        Dimensions: Object.entries(dimensions).map(([Name, Value]) => ({ Name, Value })),
        StartTime: new Date(now - 3600_000),
        EndTime: new Date(now + 60_000),
        Period: 60,
        Statistics: ['Sum'],
      }),
    );
    return (Datapoints ?? []).reduce((s, d) => s + (d.Sum ?? 0), 0);
  }

  describe('control plane', () => {
    it('creates, describes, lists and deletes things', async () => {
      const c = iot();
      const created = await c.send(new CreateThingCommand({ thingName: 'dev1', attributePayload: { attributes: { site: 'lab' } } }));
      expect(created.thingArn).toBe(`arn:aws:iot:us-east-1:${ACCOUNT}:thing/dev1`);
      // Same thing again: no error, same id.
      expect((await c.send(new CreateThingCommand({ thingName: 'dev1', attributePayload: { attributes: { site: 'lab' } } }))).thingId).toBe(created.thingId);
      await expect(c.send(new CreateThingCommand({ thingName: 'dev1', attributePayload: { attributes: { site: 'other' } } }))).rejects.toMatchObject({
        name: 'ResourceAlreadyExistsException',
      });
      const described = await c.send(new DescribeThingCommand({ thingName: 'dev1' }));
      expect(described).toMatchObject({ thingName: 'dev1', defaultClientId: 'dev1', attributes: { site: 'lab' }, version: 1, thingId: created.thingId });
      await c.send(new CreateThingCommand({ thingName: 'dev2' }));
      expect((await c.send(new ListThingsCommand({}))).things!.map((t) => t.thingName)).toEqual(expect.arrayContaining(['dev1', 'dev2']));
      expect((await c.send(new ListThingsCommand({ attributeName: 'site', attributeValue: 'lab' }))).things!.map((t) => t.thingName)).toEqual(['dev1']);
      await c.send(new DeleteThingCommand({ thingName: 'dev2' }));
      await expect(c.send(new DescribeThingCommand({ thingName: 'dev2' }))).rejects.toMatchObject({ name: 'ResourceNotFoundException', message: 'Thing dev2 cannot be found.' });
      await expect(c.send(new CreateThingCommand({ thingName: 'bad name!' }))).rejects.toMatchObject({ name: 'InvalidRequestException' });
    });

    it('issues real certificates signed by the sandbox CA, with AWS ids, and guards their deletion', async () => {
      const c = iot();
      const created = await c.send(new CreateKeysAndCertificateCommand({ setAsActive: true }));
      const x509 = new X509Certificate(created.certificatePem!);
      expect(created.certificateId).toBe(createHash('sha256').update(x509.raw).digest('hex'));
      expect(x509.verify(new X509Certificate(await caPem()).publicKey)).toBe(true);
      expect(created.keyPair!.PrivateKey).toMatch(/^-----BEGIN RSA PRIVATE KEY-----/);
      expect(created.certificateArn).toBe(`arn:aws:iot:us-east-1:${ACCOUNT}:cert/${created.certificateId}`);
      const { certificateDescription: d } = await c.send(new DescribeCertificateCommand({ certificateId: created.certificateId }));
      expect(d).toMatchObject({ status: 'ACTIVE', ownedBy: ACCOUNT, certificatePem: created.certificatePem });
      expect((await c.send(new ListCertificatesCommand({}))).certificates!.some((x) => x.certificateId === created.certificateId)).toBe(true);

      await c.send(new CreatePolicyCommand({ policyName: 'guard', policyDocument: ALLOW_ALL }));
      await c.send(new AttachPolicyCommand({ policyName: 'guard', target: created.certificateArn }));
      await c.send(new CreateThingCommand({ thingName: 'guarded' }));
      await c.send(new AttachThingPrincipalCommand({ thingName: 'guarded', principal: created.certificateArn }));
      expect((await c.send(new ListThingPrincipalsCommand({ thingName: 'guarded' }))).principals).toEqual([created.certificateArn]);
      expect((await c.send(new ListPrincipalThingsCommand({ principal: created.certificateArn }))).things).toEqual(['guarded']);
      expect((await c.send(new ListAttachedPoliciesCommand({ target: created.certificateArn }))).policies!.map((p) => p.policyName)).toEqual(['guard']);
      expect((await c.send(new ListTargetsForPolicyCommand({ policyName: 'guard' }))).targets).toEqual([created.certificateArn]);

      const del = () => c.send(new DeleteCertificateCommand({ certificateId: created.certificateId }));
      await expect(del()).rejects.toMatchObject({ name: 'CertificateStateException', $metadata: { httpStatusCode: 406 } });
      await c.send(new UpdateCertificateCommand({ certificateId: created.certificateId, newStatus: 'INACTIVE' }));
      await expect(del()).rejects.toMatchObject({ name: 'DeleteConflictException', message: `Things must be detached before deletion (arn: ${created.certificateArn})` });
      await c.send(new (await import('@aws-sdk/client-iot')).DetachThingPrincipalCommand({ thingName: 'guarded', principal: created.certificateArn }));
      await expect(del()).rejects.toMatchObject({ name: 'DeleteConflictException' });
      await expect(c.send(new DeletePolicyCommand({ policyName: 'guard' }))).rejects.toMatchObject({ name: 'DeleteConflictException' });
      await c.send(new DetachPolicyCommand({ policyName: 'guard', target: created.certificateArn }));
      await del();
      await c.send(new DeletePolicyCommand({ policyName: 'guard' }));
      await expect(c.send(new DescribeCertificateCommand({ certificateId: created.certificateId }))).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    });

    it('keeps policy versions as AWS does (at most five, default protected)', async () => {
      const c = iot();
      await expect(c.send(new CreatePolicyCommand({ policyName: 'bad', policyDocument: '{"Statement": 1' }))).rejects.toMatchObject({ name: 'MalformedPolicyException' });
      const created = await c.send(new CreatePolicyCommand({ policyName: 'versions', policyDocument: ALLOW_ALL }));
      expect(created.policyVersionId).toBe('1');
      for (let i = 2; i <= 5; i++) {
        const v = await c.send(new CreatePolicyVersionCommand({ policyName: 'versions', policyDocument: ALLOW_ALL, setAsDefault: i === 3 }));
        expect(v.policyVersionId).toBe(String(i));
      }
      await expect(c.send(new CreatePolicyVersionCommand({ policyName: 'versions', policyDocument: ALLOW_ALL }))).rejects.toMatchObject({ name: 'VersionsLimitExceededException' });
      expect((await c.send(new GetPolicyCommand({ policyName: 'versions' }))).defaultVersionId).toBe('3');
      await expect(c.send(new DeletePolicyVersionCommand({ policyName: 'versions', policyVersionId: '3' }))).rejects.toMatchObject({ name: 'DeleteConflictException' });
      await c.send(new DeletePolicyVersionCommand({ policyName: 'versions', policyVersionId: '5' }));
      const next = await c.send(new CreatePolicyVersionCommand({ policyName: 'versions', policyDocument: ALLOW_ALL }));
      expect(next.policyVersionId).toBe('6');
      await c.send(new SetDefaultPolicyVersionCommand({ policyName: 'versions', policyVersionId: '6' }));
      const listed = (await c.send(new ListPolicyVersionsCommand({ policyName: 'versions' }))).policyVersions!;
      expect(listed.map((v) => v.versionId)).toEqual(['6', '4', '3', '2', '1']);
      expect(listed.find((v) => v.isDefaultVersion)!.versionId).toBe('6');
    });

    it('answers DescribeEndpoint with the broker host and serves the CA', async () => {
      const { endpointAddress } = await iot().send(new DescribeEndpointCommand({ endpointType: 'iot:Data-ATS' }));
      expect(endpointAddress).toBe('127.0.0.1');
      expect(await caPem()).toMatch(/^-----BEGIN CERTIFICATE-----/);
      await expect(iot().send(new DescribeEndpointCommand({ endpointType: 'iot:Nope' }))).rejects.toMatchObject({ name: 'InvalidRequestException' });
      const status = (await (await fetch(`${sb.endpoint}/_sandbox/status`)).json()) as Record<string, string>;
      expect(status.mqtts).toContain(`:${endpoints().mqttsPort}`);
    });

    it('validates topic rules: name, SQL, roles', async () => {
      const c = iot();
      const roleArn = await role('rule-validation', allow('kinesis:*'));
      const payload = (sql: string, arn = roleArn): TopicRulePayload => ({ sql, actions: [{ kinesis: { streamName: 's', roleArn: arn } }] });
      await expect(c.send(new CreateTopicRuleCommand({ ruleName: 'bad-name', topicRulePayload: payload("SELECT * FROM 'a'") }))).rejects.toMatchObject({
        name: 'InvalidRequestException',
      });
      await expect(c.send(new CreateTopicRuleCommand({ ruleName: 'badsql', topicRulePayload: payload('SELEC * FROM a') }))).rejects.toMatchObject({ name: 'SqlParseException' });
      await expect(c.send(new CreateTopicRuleCommand({ ruleName: 'badsql', topicRulePayload: payload("SELECT * FROM 'a/#/b'") }))).rejects.toMatchObject({ name: 'SqlParseException' });
      await expect(
        c.send(new CreateTopicRuleCommand({ ruleName: 'norole', topicRulePayload: payload("SELECT * FROM 'a'", `arn:aws:iam::${ACCOUNT}:role/missing`) })),
      ).rejects.toMatchObject({ name: 'InvalidRequestException', message: expect.stringContaining('unable to assume role') });
      const lambdaRole = await role('not-for-iot', null, 'lambda.amazonaws.com');
      await expect(c.send(new CreateTopicRuleCommand({ ruleName: 'wrongtrust', topicRulePayload: payload("SELECT * FROM 'a'", lambdaRole) }))).rejects.toMatchObject({
        name: 'InvalidRequestException',
      });
      await c.send(new CreateTopicRuleCommand({ ruleName: 'valid_rule', topicRulePayload: { ...payload("SELECT * FROM 'a/+'"), ruleDisabled: true }, tags: 'team=lab' }));
      await expect(c.send(new CreateTopicRuleCommand({ ruleName: 'valid_rule', topicRulePayload: payload("SELECT * FROM 'a/+'") }))).rejects.toMatchObject({
        name: 'ResourceAlreadyExistsException',
      });
      const got = await c.send(new GetTopicRuleCommand({ ruleName: 'valid_rule' }));
      expect(got.rule).toMatchObject({ ruleName: 'valid_rule', sql: "SELECT * FROM 'a/+'", ruleDisabled: true, actions: [{ kinesis: { streamName: 's', roleArn } }] });
      await c.send(new EnableTopicRuleCommand({ ruleName: 'valid_rule' }));
      const listed = (await c.send(new ListTopicRulesCommand({}))).rules!.find((r) => r.ruleName === 'valid_rule');
      expect(listed).toMatchObject({ topicPattern: 'a/+', ruleDisabled: false });
      await c.send(new ReplaceTopicRuleCommand({ ruleName: 'valid_rule', topicRulePayload: payload("SELECT x FROM 'b'") }));
      expect((await c.send(new GetTopicRuleCommand({ ruleName: 'valid_rule' }))).rule!.sql).toBe("SELECT x FROM 'b'");
      const tags = await c.send(new ListTagsForResourceCommand({ resourceArn: got.ruleArn }));
      expect(tags.tags).toEqual([{ Key: 'team', Value: 'lab' }]);
      await c.send(new TagResourceCommand({ resourceArn: got.ruleArn, tags: [{ Key: 'k', Value: 'v' }] }));
      expect((await c.send(new ListTagsForResourceCommand({ resourceArn: got.ruleArn }))).tags).toHaveLength(2);
      await c.send(new DeleteTopicRuleCommand({ ruleName: 'valid_rule' }));
      await expect(c.send(new GetTopicRuleCommand({ ruleName: 'valid_rule' }))).rejects.toMatchObject({ name: 'UnauthorizedException' });
    });
  });

  describe('broker with mutual TLS', () => {
    it('lets a device with an ACTIVE certificate and a policy connect, publish and receive', async () => {
      const d = await device();
      const client = await connectTls(d, 'device-ok');
      const seen = messages(client);
      await client.subscribeAsync('iotlab/ok/#', { qos: 1 });
      await client.publishAsync('iotlab/ok/1', JSON.stringify({ DEVICE_NAME: 'dev1', TEMPERATURE: 21 }), { qos: 1 });
      await until(() => seen.length === 1);
      expect(seen).toEqual([{ topic: 'iotlab/ok/1', payload: '{"DEVICE_NAME":"dev1","TEMPERATURE":21}' }]);
      await client.endAsync();
    });

    it('refuses an INACTIVE certificate, a certificate without policy, and a client id or topic the policy does not allow', async () => {
      const inactive = await device(ALLOW_ALL, false);
      await expect(connectTls(inactive, 'inactive')).rejects.toThrow(/Not authorized/i);
      const bare = await device(null);
      await expect(connectTls(bare, 'bare')).rejects.toThrow(/Not authorized/i);

      const scoped = await device(
        JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Action: 'iot:Connect', Resource: `arn:aws:iot:us-east-1:${ACCOUNT}:client/\${iot:Connection.Thing.ThingName}` },
            { Effect: 'Allow', Action: ['iot:Publish', 'iot:Receive'], Resource: `arn:aws:iot:us-east-1:${ACCOUNT}:topic/iotlab/\${iot:ClientId}/*` },
            { Effect: 'Allow', Action: 'iot:Subscribe', Resource: `arn:aws:iot:us-east-1:${ACCOUNT}:topicfilter/iotlab/\${iot:ClientId}/*` },
            { Effect: 'Deny', Action: 'iot:Publish', Resource: `arn:aws:iot:us-east-1:${ACCOUNT}:topic/iotlab/*/secret` },
          ],
        }),
      );
      // The thing-name variable resolves only for a thing attached to the certificate.
      await expect(connectTls(scoped, 'sensor7')).rejects.toThrow(/Not authorized/i);
      await iot().send(new CreateThingCommand({ thingName: 'sensor7' }));
      await iot().send(new AttachThingPrincipalCommand({ thingName: 'sensor7', principal: scoped.certificateArn }));
      await expect(connectTls(scoped, 'other-id')).rejects.toThrow(/Not authorized/i);
      const client = await connectTls(scoped, 'sensor7');
      expect((await client.subscribeAsync('iotlab/sensor7/x')).map((g) => g.qos)).toEqual([0]);
      // A filter the policy does not allow gets the SUBACK failure code (0x80).
      await expect(client.subscribeAsync('iotlab/other/x')).rejects.toMatchObject({ packet: { granted: [128] } });
      await client.publishAsync('iotlab/sensor7/data', 'allowed');
      // Publishing where the policy does not allow (or explicitly denies) ends the connection, as in AWS.
      const closed = new Promise<void>((resolve) => client.once('close', () => resolve()));
      client.publish('iotlab/sensor7/secret', 'denied', { qos: 1 });
      await closed;
      client.end(true);

      const other = await device(JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iot:Connect', Resource: '*' }, { Effect: 'Allow', Action: 'iot:Publish', Resource: `arn:aws:iot:us-east-1:${ACCOUNT}:topic/elsewhere` }] }));
      const c2 = await connectTls(other, 'other-topic');
      const closed2 = new Promise<void>((resolve) => c2.once('close', () => resolve()));
      c2.publish('iotlab/telemetry/x', 'nope', { qos: 1 });
      await closed2;
      c2.end(true);
      expect(await sum('Connect.AuthNError', { Protocol: 'MQTT' })).toBe(0); // unknown-account refusals are not attributed
    });

    it('refuses a client that presents no certificate, and drops a certificate made INACTIVE while connected', async () => {
      await expect(mqtt.connectAsync(`mqtts://127.0.0.1:${endpoints().mqttsPort}`, { ca: await caPem(), clientId: 'anon', reconnectPeriod: 0 })).rejects.toThrow(/Not authorized/i);
      const d = await device();
      const client = await connectTls(d, 'soon-inactive');
      await client.publishAsync('iotlab/a', 'ok', { qos: 1 });
      await iot().send(new UpdateCertificateCommand({ certificateId: d.certificateId, newStatus: 'INACTIVE' }));
      const closed = new Promise<void>((resolve) => client.once('close', () => resolve()));
      client.publish('iotlab/a', 'not any more', { qos: 1 });
      await closed;
      client.end(true);
    });
  });

  describe('rules engine', () => {
    it('puts every message of SELECT * FROM iotlab/telemetry/+ into Kinesis with the templated partition key', async () => {
      await kinesis().send(new CreateStreamCommand({ StreamName: 'telemetry', ShardCount: 2 }));
      const roleArn = await role('iot-to-kinesis', allow('kinesis:PutRecord'));
      await iot().send(
        new CreateTopicRuleCommand({
          ruleName: 'to_kinesis',
          topicRulePayload: { sql: "SELECT * FROM 'iotlab/telemetry/+'", awsIotSqlVersion: '2016-03-23', actions: [{ kinesis: { streamName: 'telemetry', partitionKey: '${topic(3)}', roleArn } }] },
        }),
      );
      const d = await device();
      const client = await connectTls(d, 'telemetry-device');
      const sent = [];
      for (let i = 0; i < 6; i++) {
        const body = { DEVICE_NAME: `dev${i % 2}`, TIMESTAMP: `2026-11-28T10:15:0${i}`, HUMIDITY: 40 + i, TEMPERATURE: 20 + i };
        sent.push(body);
        await client.publishAsync(`iotlab/telemetry/dev${i % 2}`, JSON.stringify(body), { qos: 1 });
      }
      await client.publishAsync('iotlab/other/dev0', '{"ignored":true}', { qos: 1 });
      await client.endAsync();
      await idle();
      const records = await streamRecords('telemetry');
      expect(records).toHaveLength(6);
      expect(records.map((r) => JSON.parse(r.data))).toEqual(expect.arrayContaining(sent));
      for (const r of records) expect(r.partitionKey).toBe(JSON.parse(r.data).DEVICE_NAME);
      expect(await sum('TopicMatch', { RuleName: 'to_kinesis' })).toBe(6);
      expect(await sum('Success', { RuleName: 'to_kinesis', ActionType: 'Kinesis' })).toBe(6);
      expect(await sum('PublishIn.Success', { Protocol: 'MQTT' })).toBeGreaterThanOrEqual(7);
      expect(await sum('Connect.Success', { Protocol: 'MQTT' })).toBeGreaterThanOrEqual(1);
    });

    it('writes newline-separated records through the firehose action', async () => {
      await new S3Client({ ...sb.config(), forcePathStyle: true }).send(new CreateBucketCommand({ Bucket: 'iot-lake' }));
      await new FirehoseClient(sb.config()).send(
        new CreateDeliveryStreamCommand({
          DeliveryStreamName: 'iot-to-lake',
          ExtendedS3DestinationConfiguration: {
            RoleARN: `arn:aws:iam::${ACCOUNT}:role/firehose`,
            BucketARN: 'arn:aws:s3:::iot-lake',
            BufferingHints: { IntervalInSeconds: 60, SizeInMBs: 1 },
          },
        }),
      );
      const roleArn = await role('iot-to-firehose', allow('firehose:PutRecord*'));
      await iot().send(
        new CreateTopicRuleCommand({
          ruleName: 'to_firehose',
          topicRulePayload: { sql: "SELECT * FROM 'iotlab/lake/#'", actions: [{ firehose: { deliveryStreamName: 'iot-to-lake', roleArn, separator: '\n' } }] },
        }),
      );
      const client = await connectPlain('lake-device');
      for (let i = 0; i < 3; i++) await client.publishAsync(`iotlab/lake/${i}`, JSON.stringify({ n: i }), { qos: 1 });
      await client.endAsync();
      await idle();
      await new Promise((r) => setTimeout(r, 700));
      await sb.running.sandbox.api('firehose').runDeliveryCheck();
      const s3 = new S3Client({ ...sb.config(), forcePathStyle: true });
      const { Contents } = await s3.send(new ListObjectsV2Command({ Bucket: 'iot-lake' }));
      expect(Contents).toHaveLength(1);
      const body = await (await s3.send(new GetObjectCommand({ Bucket: 'iot-lake', Key: Contents![0].Key }))).Body!.transformToString();
      expect(body).toBe('{"n":0}\n{"n":1}\n{"n":2}\n');
    });

    it('filters with WHERE, selects fields with aliases, republishes, and skips disabled rules', async () => {
      const roleArn = await role('iot-republish', allow('iot:Publish'));
      await iot().send(
        new CreateTopicRuleCommand({
          ruleName: 'hot',
          topicRulePayload: {
            sql: "SELECT DEVICE_NAME, TEMPERATURE AS t, meta.site, topic(2) AS room, clientid() AS who FROM 'iotlab/where/+' WHERE TEMPERATURE > 30 AND NOT (DEVICE_NAME = 'ignored')",
            awsIotSqlVersion: '2016-03-23',
            actions: [{ republish: { topic: 'out/hot/${DEVICE_NAME}', roleArn, qos: 1 } }],
          },
        }),
      );
      await iot().send(
        new CreateTopicRuleCommand({
          ruleName: 'disabled_rule',
          topicRulePayload: { sql: "SELECT * FROM 'iotlab/where/+'", ruleDisabled: true, actions: [{ republish: { topic: 'out/disabled', roleArn } }] },
        }),
      );
      const listener = await connectPlain('listener');
      const seen = messages(listener);
      await listener.subscribeAsync('out/#', { qos: 1 });
      const pub = await connectPlain('where-device');
      await pub.publishAsync('iotlab/where/kitchen', JSON.stringify({ DEVICE_NAME: 'd1', TEMPERATURE: 35, meta: { site: 'A' } }), { qos: 1 });
      await pub.publishAsync('iotlab/where/kitchen', JSON.stringify({ DEVICE_NAME: 'd2', TEMPERATURE: 25 }), { qos: 1 });
      await pub.publishAsync('iotlab/where/kitchen', JSON.stringify({ DEVICE_NAME: 'ignored', TEMPERATURE: 40 }), { qos: 1 });
      await pub.publishAsync('iotlab/where/kitchen', JSON.stringify({ DEVICE_NAME: 'd3', TEMPERATURE: '99' }), { qos: 1 });
      await idle();
      await until(() => seen.length >= 1);
      await new Promise((r) => setTimeout(r, 100));
      expect(seen).toEqual([{ topic: 'out/hot/d1', payload: JSON.stringify({ DEVICE_NAME: 'd1', t: 35, site: 'A', room: 'where', who: 'where-device' }) }]);
      await iot().send(new DisableTopicRuleCommand({ ruleName: 'hot' }));
      await pub.publishAsync('iotlab/where/kitchen', JSON.stringify({ DEVICE_NAME: 'd4', TEMPERATURE: 50 }), { qos: 1 });
      await idle();
      await new Promise((r) => setTimeout(r, 100));
      expect(seen).toHaveLength(1);
      await pub.endAsync();
      await listener.endAsync();
    });

    it('sends failures to the errorAction, counts them, and fails actions whose role may not act', async () => {
      const roleArn = await role('iot-errors', allow('iot:Publish'));
      const kinesisRole = await role('iot-kinesis-ok', allow('kinesis:PutRecord'));
      await kinesis().send(new CreateStreamCommand({ StreamName: 'exists', ShardCount: 1 }));
      await iot().send(
        new CreateTopicRuleCommand({
          ruleName: 'failing',
          topicRulePayload: {
            sql: "SELECT * FROM 'iotlab/fail'",
            actions: [
              { kinesis: { streamName: 'no-such-stream', roleArn: kinesisRole } },
              { kinesis: { streamName: 'exists', roleArn } }, // this role may publish to IoT, not write to Kinesis
            ],
            errorAction: { republish: { topic: 'errors/failing', roleArn } },
          },
        }),
      );
      const listener = await connectPlain('error-listener');
      const seen = messages(listener);
      await listener.subscribeAsync('errors/#', { qos: 1 });
      const data = new IoTDataPlaneClient(sb.config());
      await data.send(new PublishCommand({ topic: 'iotlab/fail', payload: Buffer.from('{"x":1}'), qos: 1 }));
      await idle();
      await until(() => seen.length >= 2);
      const docs = seen.map((m) => JSON.parse(m.payload));
      expect(docs).toHaveLength(2);
      for (const doc of docs) {
        expect(doc).toMatchObject({ ruleName: 'failing', topic: 'iotlab/fail', base64OriginalPayload: Buffer.from('{"x":1}').toString('base64') });
        expect(doc.failures[0].failedAction).toBe('KinesisAction');
      }
      const messagesByResource = Object.fromEntries(docs.map((d) => [d.failures[0].failedResource, d.failures[0].errorMessage]));
      expect(messagesByResource['no-such-stream']).toMatch(/ResourceNotFoundException/);
      expect(messagesByResource.exists).toMatch(/is not authorized to perform: kinesis:PutRecord/);
      expect(await sum('Failure', { RuleName: 'failing', ActionType: 'Kinesis' })).toBe(2);
      expect(await sum('PublishIn.Success', { Protocol: 'HTTP' })).toBe(1);
      await listener.endAsync();
    });
  });

  describe('rules engine: DynamoDB and S3 actions', () => {
    it('writes the selected document as a DynamoDB item and as an S3 object under a templated key', async () => {
      const { DynamoDBClient, CreateTableCommand, GetItemCommand } = await import('@aws-sdk/client-dynamodb');
      const ddb = new DynamoDBClient(sb.config());
      await ddb.send(new CreateTableCommand(labTable('readings')));
      const s3 = new S3Client({ ...sb.config(), forcePathStyle: true });
      await s3.send(new CreateBucketCommand({ Bucket: 'iot-raw' }));
      const roleArn = await role('iot-ddb-s3', JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['dynamodb:PutItem', 's3:PutObject'], Resource: '*' }] }));
      await iot().send(
        new CreateTopicRuleCommand({
          ruleName: 'to_table',
          topicRulePayload: {
            sql: "SELECT DEVICE_NAME AS deviceid, TIMESTAMP AS timestamp, TEMPERATURE AS temperature FROM 'iotlab/store/+'",
            awsIotSqlVersion: '2016-03-23',
            actions: [{ dynamoDBv2: { roleArn, putItem: { tableName: 'readings' } } }, { s3: { bucketName: 'iot-raw', key: '${topic(3)}/${TIMESTAMP}.json', roleArn } }],
          },
        }),
      );
      const data = new IoTDataPlaneClient(sb.config());
      await data.send(new PublishCommand({ topic: 'iotlab/store/dev9', payload: Buffer.from(JSON.stringify({ DEVICE_NAME: 'dev9', TIMESTAMP: '2026-11-28T10:15:00', TEMPERATURE: 23 })) }));
      await idle();
      const { Item } = await ddb.send(new GetItemCommand({ TableName: 'readings', Key: { deviceid: { S: 'dev9' }, timestamp: { S: '2026-11-28T10:15:00' } } }));
      expect(Item).toEqual({ deviceid: { S: 'dev9' }, timestamp: { S: '2026-11-28T10:15:00' }, temperature: { N: '23' } });
      const object = await s3.send(new GetObjectCommand({ Bucket: 'iot-raw', Key: 'dev9/2026-11-28T10:15:00.json' }));
      expect(JSON.parse(await object.Body!.transformToString())).toEqual({ deviceid: 'dev9', timestamp: '2026-11-28T10:15:00', temperature: 23 });
    });
  });

  describe('robustness', () => {
    it('survives malformed packets, a flood of connections, and non-JSON payloads', async () => {
      // Garbage on the plain port and on the TLS port.
      await new Promise<void>((resolve) => {
        const s = tcpConnect(endpoints().mqttPort, '127.0.0.1', () => s.write(Buffer.from([0x10, 0xff, 0xff, 0xff, 0xff, 0x7f, 0x00, 0x01, 0x02])));
        s.on('close', () => resolve());
        s.on('error', () => resolve());
        setTimeout(() => s.destroy(), 500);
      });
      await new Promise<void>((resolve) => {
        const s = tcpConnect(endpoints().mqttsPort, '127.0.0.1', () => s.write(Buffer.from('not a TLS hello at all\r\n')));
        s.on('close', () => resolve());
        s.on('error', () => resolve());
        setTimeout(() => s.destroy(), 500);
      });
      // A TLS client that completes the handshake then sends junk MQTT.
      const d = await device();
      await new Promise<void>((resolve) => {
        const s = tlsConnect({ host: '127.0.0.1', port: endpoints().mqttsPort, cert: d.cert, key: d.key, rejectUnauthorized: false }, () => s.write(Buffer.from([0x30, 0x05, 0xff, 0xff])));
        s.on('close', () => resolve());
        s.on('error', () => resolve());
        setTimeout(() => s.destroy(), 500);
      });

      // 200 connections at once, then all closed.
      const flood = await Promise.allSettled(Array.from({ length: 200 }, (_, i) => connectPlain(`flood-${i}`)));
      expect(flood.filter((r) => r.status === 'fulfilled').length).toBe(200);
      await Promise.all(flood.map((r) => (r.status === 'fulfilled' ? r.value.endAsync() : undefined)));

      // Non-JSON payloads: SELECT * passes the bytes through, a field SELECT gives nothing.
      await kinesis().send(new CreateStreamCommand({ StreamName: 'raw', ShardCount: 1 }));
      const roleArn = await role('iot-raw', allow('kinesis:PutRecord'));
      await iot().send(new CreateTopicRuleCommand({ ruleName: 'raw_all', topicRulePayload: { sql: "SELECT * FROM 'iotlab/raw'", actions: [{ kinesis: { streamName: 'raw', partitionKey: 'k', roleArn } }] } }));
      await iot().send(new CreateTopicRuleCommand({ ruleName: 'raw_fields', topicRulePayload: { sql: "SELECT a FROM 'iotlab/raw' WHERE a > 1", actions: [{ kinesis: { streamName: 'raw', partitionKey: 'k', roleArn } }] } }));
      const client = await connectTls(d, 'raw-device');
      const binary = Buffer.from([0x00, 0xff, 0x7b, 0x22]);
      await client.publishAsync('iotlab/raw', binary, { qos: 1 });
      await client.publishAsync('iotlab/raw', 'plain text', { qos: 1 });
      await client.publishAsync('iotlab/raw', '', { qos: 1 });
      await idle();
      const records = await streamRecords('raw');
      expect(records.map((r) => r.data)).toEqual([binary.toString('utf8'), 'plain text', '']);
      // Still serving.
      await client.publishAsync('iotlab/raw', '{"a":2}', { qos: 1 });
      await client.endAsync();
      await idle();
      expect((await streamRecords('raw')).map((r) => r.data).slice(3)).toEqual(['{"a":2}', '{"a":2}']);
    });
  });
});
