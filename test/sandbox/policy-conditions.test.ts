// Policy conditions where the sandbox decides, over the wire with SDK v3 clients and an MQTT client:
// a trust policy's aws:SourceAccount when Lambda assumes a function's role, a role policy's Deny on
// aws:SecureTransport when Lambda checks a mapping's stream with the role, and IoT policies'
// conditions on iot:ClientId (and aws:SecureTransport) when a device connects and publishes.

import { beforeAll, describe, expect, it } from 'vitest';
import mqtt, { type MqttClient } from 'mqtt';
import { CreateEventSourceMappingCommand, CreateFunctionCommand, LambdaClient, waitUntilFunctionActiveV2 } from '@aws-sdk/client-lambda';
import { CreateRoleCommand, IAMClient, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { CreateStreamCommand, KinesisClient, waitUntilStreamExists } from '@aws-sdk/client-kinesis';
import { AttachPolicyCommand, CreateKeysAndCertificateCommand, CreatePolicyCommand, IoTClient } from '@aws-sdk/client-iot';
import { useSandbox } from './support.js';
import { zipFixture } from './lambda-zip.js';

const ACCOUNT = '000000000000';
const OTHER_ACCOUNT = '111122223333';
const document = (...statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });

describe('policy conditions decided by the sandbox', () => {
  const sb = useSandbox();
  let iam: IAMClient;
  let lambda: LambdaClient;

  beforeAll(() => {
    iam = new IAMClient(sb.config());
    lambda = new LambdaClient(sb.config());
  });

  /** A role Lambda may assume when `sourceAccount` is the account the function is created in. */
  async function lambdaRole(name: string, sourceAccount: string, permissions?: string): Promise<string> {
    const trust = document({
      Effect: 'Allow',
      Principal: { Service: 'lambda.amazonaws.com' },
      Action: 'sts:AssumeRole',
      Condition: { StringEquals: { 'aws:SourceAccount': sourceAccount } },
    });
    const { Role } = await iam.send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: trust }));
    if (permissions) await iam.send(new PutRolePolicyCommand({ RoleName: name, PolicyName: 'permissions', PolicyDocument: permissions }));
    return Role!.Arn!;
  }

  const createFunction = (name: string, role: string) =>
    lambda.send(new CreateFunctionCommand({ FunctionName: name, Runtime: 'nodejs22.x', Handler: 'index.handler', Role: role, Code: { ZipFile: zipFixture('node-callback') } }));

  describe('IAM', () => {
    it("lets Lambda assume a role whose trust policy requires the function's account as aws:SourceAccount, and refuses another account's", async () => {
      const ours = await lambdaRole('trusts-our-account', ACCOUNT);
      const created = await createFunction('conditional-trust', ours);
      expect(created.Role).toBe(ours);

      const theirs = await lambdaRole('trusts-other-account', OTHER_ACCOUNT);
      await expect(createFunction('foreign-trust', theirs)).rejects.toMatchObject({
        name: 'InvalidParameterValueException',
        message: 'The role defined for the function cannot be assumed by Lambda.',
      });
    });

    it('refuses a mapping whose role denies requests without TLS (Bool aws:SecureTransport false): the sandbox is plain http', async () => {
      const kinesis = new KinesisClient(sb.config());
      await kinesis.send(new CreateStreamCommand({ StreamName: 'guarded', ShardCount: 1 }));
      await waitUntilStreamExists({ client: kinesis, maxWaitTime: 30 }, { StreamName: 'guarded' });
      const streamArn = `arn:aws:kinesis:us-east-1:${ACCOUNT}:stream/guarded`;
      const readAll = { Effect: 'Allow', Action: 'kinesis:*', Resource: '*' };
      const denyWhen = (secure: string) => ({ Effect: 'Deny', Action: 'kinesis:*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': secure } } });

      // The same Deny conditioned on TLS does not apply: the condition decides, not its presence.
      await createFunction('reads-plain', await lambdaRole('denies-tls', ACCOUNT, document(readAll, denyWhen('true'))));
      await createFunction('reads-tls-only', await lambdaRole('denies-plain', ACCOUNT, document(readAll, denyWhen('false'))));
      for (const name of ['reads-plain', 'reads-tls-only']) await waitUntilFunctionActiveV2({ client: lambda, maxWaitTime: 30 }, { FunctionName: name });

      const mapped = await lambda.send(new CreateEventSourceMappingCommand({ FunctionName: 'reads-plain', EventSourceArn: streamArn, StartingPosition: 'LATEST' }));
      expect(mapped.EventSourceArn).toBe(streamArn);
      await expect(lambda.send(new CreateEventSourceMappingCommand({ FunctionName: 'reads-tls-only', EventSourceArn: streamArn, StartingPosition: 'LATEST' }))).rejects.toMatchObject({
        name: 'InvalidParameterValueException',
        message: expect.stringContaining(`Cannot access stream ${streamArn}.`),
      });
    });
  });

  describe('IoT', () => {
    const iot = () => new IoTClient(sb.config());
    const endpoints = () => sb.running.sandbox.api('iot').endpoints();

    async function connect(device: { cert: string; key: string }, clientId: string): Promise<MqttClient> {
      const ca = await (await fetch(`${sb.endpoint}/_sandbox/iot/ca.pem`)).text();
      return mqtt.connectAsync(`mqtts://127.0.0.1:${endpoints().mqttsPort}`, { ...device, ca, clientId, reconnectPeriod: 0, connectTimeout: 10_000 });
    }

    it('allows the client ids a condition on iot:ClientId names, and a conditional Deny refuses one client publishing', async () => {
      const topic = `arn:aws:iot:us-east-1:${ACCOUNT}:topic/conditions/*`;
      const policyDocument = document(
        { Effect: 'Allow', Action: 'iot:Connect', Resource: '*', Condition: { StringLike: { 'iot:ClientId': 'sensor-*' } } },
        { Effect: 'Allow', Action: 'iot:Publish', Resource: topic },
        { Effect: 'Deny', Action: 'iot:Publish', Resource: topic, Condition: { StringEquals: { 'iot:ClientId': 'sensor-muted' } } },
        // Devices reach this broker over mutual TLS: a Deny for insecure transport does not apply to them.
        { Effect: 'Deny', Action: 'iot:*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
      );
      const created = await iot().send(new CreateKeysAndCertificateCommand({ setAsActive: true }));
      await iot().send(new CreatePolicyCommand({ policyName: 'client-id-conditions', policyDocument }));
      await iot().send(new AttachPolicyCommand({ policyName: 'client-id-conditions', target: created.certificateArn! }));
      const device = { cert: created.certificatePem!, key: created.keyPair!.PrivateKey! };

      const allowed = await connect(device, 'sensor-1');
      await allowed.publishAsync('conditions/sensor-1', 'reading', { qos: 1 });
      await allowed.endAsync();

      await expect(connect(device, 'intruder')).rejects.toThrow(/Not authorized/i);

      const muted = await connect(device, 'sensor-muted');
      const closed = new Promise<void>((resolve) => muted.once('close', () => resolve()));
      muted.publish('conditions/sensor-muted', 'reading', { qos: 1 });
      await closed;
      muted.end(true);
    });
  });
});
