// Topics are per account and region, as in AWS IoT Core: two accounts, each with a device on mutual TLS
// (its certificate decides the account), a checker on MQTT over WebSocket (its SigV4 signature decides)
// and a listener on plain MQTT (its username, an access key id, decides), each see only their own
// account's messages; so do HTTP Publish, rule republish and the rules engine. A plain client that
// names no account is the default account and sees neither.

import { describe, expect, it } from 'vitest';
import mqtt, { type MqttClient } from 'mqtt';
import { AttachPolicyCommand, CreateKeysAndCertificateCommand, CreatePolicyCommand, CreateTopicRuleCommand, IoTClient } from '@aws-sdk/client-iot';
import { IoTDataPlaneClient, PublishCommand } from '@aws-sdk/client-iot-data-plane';
import { CreateRoleCommand, IAMClient, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { connectOverWebSocket, presignMqttUrl } from '../../src/device/websocket.js';
import { useSandbox } from './support.js';
import { trustPolicy } from './trust-policy.js';

const ACCOUNTS = ['111111111111', '222222222222'] as const;
const ALLOW_ALL = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iot:*', Resource: '*' }] });

describe('per-account topic spaces', () => {
  const sb = useSandbox({ verifySignatures: true, mqttPort: 0, mqttsPort: 0 });
  const endpoints = () => sb.running.sandbox.api('iot').endpoints();
  const clients: MqttClient[] = [];

  function heard(client: MqttClient): string[] {
    const seen: string[] = [];
    client.on('message', (topic, payload) => seen.push(`${topic} ${payload.toString('utf8')}`));
    return seen;
  }

  async function device(account: string, clientId: string): Promise<MqttClient> {
    const iot = new IoTClient(sb.config({ accessKeyId: account }));
    const cert = await iot.send(new CreateKeysAndCertificateCommand({ setAsActive: true }));
    await iot.send(new CreatePolicyCommand({ policyName: `all-${clientId}`, policyDocument: ALLOW_ALL }));
    await iot.send(new AttachPolicyCommand({ policyName: `all-${clientId}`, target: cert.certificateArn }));
    const { caPem, mqttsPort } = endpoints();
    const client = await mqtt.connectAsync(`mqtts://127.0.0.1:${mqttsPort}`, { cert: cert.certificatePem!, key: cert.keyPair!.PrivateKey!, ca: caPem, clientId, reconnectPeriod: 0, connectTimeout: 10_000 });
    clients.push(client);
    return client;
  }

  async function checker(account: string, clientId: string, region = 'us-east-1'): Promise<MqttClient> {
    const url = await presignMqttUrl(new URL('/mqtt', sb.endpoint.replace(/^http/, 'ws')), { accessKeyId: account, secretAccessKey: 'test' }, region);
    const client = await connectOverWebSocket(url, clientId);
    clients.push(client);
    return client;
  }

  async function plain(clientId: string, username?: string): Promise<MqttClient> {
    const client = await mqtt.connectAsync(`mqtt://127.0.0.1:${endpoints().mqttPort}`, { clientId, username, reconnectPeriod: 0, connectTimeout: 10_000 });
    clients.push(client);
    return client;
  }

  const settle = () => new Promise((r) => setTimeout(r, 500));
  const until = async (check: () => boolean, ms = 10_000) => {
    const end = Date.now() + ms;
    while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 25));
  };

  it('keeps MQTT on 8883, on WebSocket and on 1883 within each account, even under the same client ids', async () => {
    const [a, b] = ACCOUNTS;
    // The same client ids in both accounts: in AWS they are per account too, so neither takes the other's over.
    const devices = { [a]: await device(a, 'dev1'), [b]: await device(b, 'dev1') };
    const checkers = { [a]: await checker(a, 'checker'), [b]: await checker(b, 'checker') };
    const plains = { [a]: await plain('plain', a), [b]: await plain('plain', `${b}/us-east-1`) };
    const anonymous = await plain('anonymous');
    const seen = Object.fromEntries(ACCOUNTS.map((acct) => [acct, { checker: heard(checkers[acct]!), plain: heard(plains[acct]!), device: heard(devices[acct]!) }]));
    const anonymousSeen = heard(anonymous);
    for (const acct of ACCOUNTS) {
      await checkers[acct]!.subscribeAsync('telemetry/#', { qos: 1 });
      await plains[acct]!.subscribeAsync('#', { qos: 1 });
      await devices[acct]!.subscribeAsync('telemetry/#', { qos: 1 });
    }
    await anonymous.subscribeAsync('#', { qos: 1 });

    // Each account's device, checker and plain client publish one reading each.
    for (const acct of ACCOUNTS) {
      await devices[acct]!.publishAsync('telemetry/dev1', `device of ${acct}`, { qos: 1 });
      await checkers[acct]!.publishAsync('telemetry/checker', `checker of ${acct}`, { qos: 1 });
      await plains[acct]!.publishAsync('telemetry/plain', `plain of ${acct}`, { qos: 1 });
    }
    const own = (acct: string) => [`telemetry/dev1 device of ${acct}`, `telemetry/checker checker of ${acct}`, `telemetry/plain plain of ${acct}`];
    for (const acct of ACCOUNTS) for (const who of ['checker', 'plain', 'device'] as const) await until(() => seen[acct]![who].length >= 3);
    await settle();
    for (const acct of ACCOUNTS) {
      for (const who of ['checker', 'plain', 'device'] as const) expect(seen[acct]![who].sort(), `${who} of ${acct}`).toEqual(own(acct).sort());
    }
    expect(anonymousSeen).toEqual([]);
    // Both devices are still connected: the same client id in another account took nothing over.
    expect(ACCOUNTS.map((acct) => devices[acct]!.connected)).toEqual([true, true]);

    // Another region of the same account is another topic space.
    const elsewhere = await checker(a, 'elsewhere', 'eu-west-1');
    const elsewhereSeen = heard(elsewhere);
    await elsewhere.subscribeAsync('telemetry/#', { qos: 1 });
    await devices[a]!.publishAsync('telemetry/dev1', 'only us-east-1', { qos: 1 });
    await until(() => seen[a]!.checker.length >= 4);
    await settle();
    expect(elsewhereSeen).toEqual([]);
  }, 60_000);

  it('delivers HTTP Publish, rule republish and topic rules within the publishing account only', async () => {
    const [a, b] = ACCOUNTS;
    const listeners = { [a]: await checker(a, 'http-listener'), [b]: await checker(b, 'http-listener') };
    const seen = { [a]: heard(listeners[a]!), [b]: heard(listeners[b]!) };
    for (const acct of ACCOUNTS) await listeners[acct]!.subscribeAsync(['http/#', 'republished/#'], { qos: 1 });

    // Account b republishes everything on in/# to republished/<topic>; account a has no such rule.
    const config = sb.config({ accessKeyId: b });
    const { Role } = await new IAMClient(config).send(new CreateRoleCommand({ RoleName: 'republisher', AssumeRolePolicyDocument: trustPolicy('iot.amazonaws.com') }));
    await new IAMClient(config).send(new PutRolePolicyCommand({ RoleName: 'republisher', PolicyName: 'p', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iot:Publish', Resource: '*' }] }) }));
    await new IoTClient(config).send(
      new CreateTopicRuleCommand({
        ruleName: 'republish_in',
        topicRulePayload: { sql: "SELECT * FROM 'in/#'", awsIotSqlVersion: '2016-03-23', actions: [{ republish: { topic: 'republished/${topic()}', roleArn: Role!.Arn!, qos: 1 } }] },
      }),
    );

    for (const acct of ACCOUNTS) {
      const data = new IoTDataPlaneClient(sb.config({ accessKeyId: acct }));
      await data.send(new PublishCommand({ topic: 'http/reading', qos: 1, payload: Buffer.from(`http of ${acct}`) }));
      await data.send(new PublishCommand({ topic: 'in/x', qos: 1, payload: Buffer.from(`{"from":"${acct}"}`) }));
    }
    await until(() => seen[a]!.length >= 1 && seen[b]!.length >= 2);
    await sb.running.sandbox.api('iot').rulesIdle();
    await settle();
    expect(seen[a]).toEqual([`http/reading http of ${a}`]);
    expect(seen[b]!.sort()).toEqual([`http/reading http of ${b}`, `republished/in/x {"from":"${b}"}`].sort());
  }, 60_000);

  it('reads the account from an MQTT 3.1 CONNECT with a will and a password', async () => {
    const [a, b] = ACCOUNTS;
    const v31 = await mqtt.connectAsync(`mqtt://127.0.0.1:${endpoints().mqttPort}`, {
      clientId: 'v31-listener',
      username: b,
      password: 'ignored',
      protocolId: 'MQIsdp',
      protocolVersion: 3,
      will: { topic: 'wills/v31', payload: Buffer.from('gone'), qos: 0, retain: false },
      reconnectPeriod: 0,
    });
    clients.push(v31);
    const seen = heard(v31);
    await v31.subscribeAsync('v31/#', { qos: 1 });
    for (const acct of [a, b]) await (await checker(acct, `v31-publisher-${acct}`)).publishAsync('v31/reading', `from ${acct}`, { qos: 1 });
    await until(() => seen.length >= 1);
    await settle();
    expect(seen).toEqual([`v31/reading from ${b}`]);
  });

  it('closes every client', async () => {
    await Promise.all(clients.map((c) => c.endAsync()));
    expect(clients.every((c) => !c.connected)).toBe(true);
  });
});
