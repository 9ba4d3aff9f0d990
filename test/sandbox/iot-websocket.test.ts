// MQTT over WebSocket on the sandbox's HTTP port, as AWS IoT Core offers it on wss://<ats-endpoint>/mqtt:
// the upgrade's URL presigned with SigV4 (service iotdevicegateway) by the SDK's own signer, mqtt.js's
// WebSocket transport, a sandbox that verifies signatures; and the AWS Common Runtime's MQTT client
// signing its handshake as aws-iot-device-sdk-v2 does (an independent SigV4 implementation). Unsigned, wrongly signed and expired upgrades
// are refused with 403; a session token is accepted appended after signing (AWS IoT's way) or signed; a
// role session may do what its role's policies allow and nothing more.

import { describe, expect, it } from 'vitest';
import type { MqttClient } from 'mqtt';
import WebSocket from 'ws';
import { auth as crtAuth, io as crtIo, mqtt as crtMqtt } from 'aws-iot-device-sdk-v2';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { CreateRoleCommand, IAMClient, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { Hash } from '@smithy/core/serde';
import { SignatureV4 } from '@smithy/signature-v4';
import { connectOverWebSocket, presignMqttUrl, UpgradeRefused, type SigningCredentials } from '../../src/device/websocket.js';
import { useSandbox } from './support.js';

const ACCOUNT = '111111111111';
const KEYS: SigningCredentials = { accessKeyId: ACCOUNT, secretAccessKey: 'test' };

describe('MQTT over WebSocket', () => {
  const sb = useSandbox({ verifySignatures: true, mqttPort: 0, mqttsPort: 0 });
  const mqttUrl = () => new URL('/mqtt', sb.endpoint.replace(/^http/, 'ws'));
  const connect = (url: URL, clientId: string) => connectOverWebSocket(url, clientId);

  /** The HTTP status the sandbox answers an upgrade with (101 when it switched protocols). */
  function upgradeStatus(url: URL): Promise<number> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url, 'mqtt');
      socket.once('upgrade', (res) => {
        resolve(res.statusCode ?? 0);
        socket.terminate();
      });
      socket.once('unexpected-response', (_req, res) => {
        resolve(res.statusCode ?? 0);
        res.resume();
      });
      socket.once('error', (err) => reject(err));
    });
  }

  function received(client: MqttClient): string[] {
    const seen: string[] = [];
    client.on('message', (topic, payload) => seen.push(`${topic} ${payload.toString('utf8')}`));
    return seen;
  }

  const until = async (check: () => boolean, ms = 10_000) => {
    const end = Date.now() + ms;
    while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 25));
  };

  it('connects with a presigned URL, publishes and receives; the upgrade is logged as a read-only call of the signing account', async () => {
    const since = Date.now();
    const listener = await connect(await presignMqttUrl(mqttUrl(), KEYS, 'us-east-1'), 'ws-listener');
    const publisher = await connect(await presignMqttUrl(mqttUrl(), KEYS, 'us-east-1'), 'ws-publisher');
    const seen = received(listener);
    await listener.subscribeAsync('lab/ws/#', { qos: 1 });
    await publisher.publishAsync('lab/ws/dev1', '{"TEMPERATURE":21}', { qos: 1 });
    await until(() => seen.length > 0);
    expect(seen).toEqual(['lab/ws/dev1 {"TEMPERATURE":21}']);
    await Promise.all([listener.endAsync(), publisher.endAsync()]);
    const upgrades = sb.running.sandbox.log.calls(since).filter((c) => c.service === 'iot-data');
    expect(upgrades).toHaveLength(2);
    expect(upgrades.every((c) => c.operation === 'Connect' && c.readOnly && c.status === 101 && c.accountId === ACCOUNT && c.region === 'us-east-1')).toBe(true);
  });

  it('accepts the AWS Common Runtime client signing its handshake as aws-iot-device-sdk-v2 does, with a session token', async () => {
    const config = sb.config({ accessKeyId: ACCOUNT });
    const iam = new IAMClient(config);
    const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'sts:AssumeRole' }] });
    const { Role } = await iam.send(new CreateRoleCommand({ RoleName: 'crt-device', AssumeRolePolicyDocument: trust }));
    await iam.send(new PutRolePolicyCommand({ RoleName: 'crt-device', PolicyName: 'all', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iot:*', Resource: '*' }] }) }));
    const { Credentials } = await new STSClient(config).send(new AssumeRoleCommand({ RoleArn: Role!.Arn!, RoleSessionName: 'crt' }));
    const provider = crtAuth.AwsCredentialsProvider.newStatic(Credentials!.AccessKeyId!, Credentials!.SecretAccessKey!, Credentials!.SessionToken!);
    const url = mqttUrl();
    const connection = new crtMqtt.MqttClient().new_connection({
      client_id: 'crt-device',
      host_name: url.hostname,
      port: Number(url.port),
      clean_session: true,
      keep_alive: 30,
      use_websocket: true,
      socket_options: new crtIo.SocketOptions(crtIo.SocketType.STREAM, crtIo.SocketDomain.IPV4, 5_000),
      // The signing configuration of the SDK's AwsIotMqttConnectionConfigBuilder.new_with_websockets (whose builder always adds TLS).
      websocket_handshake_transform: (request, done) => {
        crtAuth
          .aws_sign_request(request, {
            algorithm: crtAuth.AwsSigningAlgorithm.SigV4,
            signature_type: crtAuth.AwsSignatureType.HttpRequestViaQueryParams,
            provider,
            region: 'us-east-1',
            service: 'iotdevicegateway',
            signed_body_value: crtAuth.AwsSignedBodyValue.EmptySha256,
            omit_session_token: true,
          })
          .then(() => done(), () => done(3));
      },
    });
    const listener = await connect(await presignMqttUrl(mqttUrl(), KEYS, 'us-east-1'), 'crt-listener');
    const seen = received(listener);
    await listener.subscribeAsync('lab/crt/#', { qos: 1 });
    await connection.connect();
    await connection.publish('lab/crt/dev1', '{"TEMPERATURE":19}', crtMqtt.QoS.AtLeastOnce);
    await until(() => seen.length > 0);
    expect(seen).toEqual(['lab/crt/dev1 {"TEMPERATURE":19}']);
    await connection.disconnect();
    await listener.endAsync();
  });

  it('refuses an unsigned upgrade, one signed with the wrong secret, for another service or expired, with 403', async () => {
    expect(await upgradeStatus(mqttUrl())).toBe(403);
    expect(await upgradeStatus(await presignMqttUrl(mqttUrl(), { ...KEYS, secretAccessKey: 'wrong' }, 'us-east-1'))).toBe(403);
    const tenMinutesAgo = new Date(Date.now() - 600_000);
    expect(await upgradeStatus(await presignMqttUrl(mqttUrl(), KEYS, 'us-east-1', tenMinutesAgo))).toBe(403);
    const signer = new SignatureV4({ service: 'iotdata', region: 'us-east-1', credentials: KEYS, sha256: Hash.bind(null, 'sha256') });
    const url = mqttUrl();
    const signed = await signer.presign({ method: 'GET', protocol: 'ws:', hostname: url.hostname, port: Number(url.port), path: '/mqtt', query: {}, headers: { host: url.host } });
    for (const [k, v] of Object.entries(signed.query ?? {})) url.searchParams.set(k, String(v));
    expect(await upgradeStatus(url)).toBe(403);
    // The same refusal reaches an MQTT client as an error, before any CONNECT.
    await expect(connect(mqttUrl(), 'unsigned')).rejects.toThrow(UpgradeRefused);
    await expect(connect(mqttUrl(), 'unsigned')).rejects.toThrow(/HTTP 403/);
    // A correctly signed one switches protocols.
    expect(await upgradeStatus(await presignMqttUrl(mqttUrl(), KEYS, 'us-east-1'))).toBe(101);
  });

  it('accepts a role session token appended after signing or signed, and lets the session do only what its role allows', async () => {
    const config = sb.config({ accessKeyId: ACCOUNT });
    const iam = new IAMClient(config);
    const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'sts:AssumeRole' }] });
    const { Role } = await iam.send(new CreateRoleCommand({ RoleName: 'ws-listener', AssumeRolePolicyDocument: trust }));
    const permissions = {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 'iot:Connect', Resource: `arn:aws:iot:us-east-1:${ACCOUNT}:client/role-*` },
        { Effect: 'Allow', Action: ['iot:Subscribe', 'iot:Receive'], Resource: [`arn:aws:iot:us-east-1:${ACCOUNT}:topicfilter/lab/role/*`, `arn:aws:iot:us-east-1:${ACCOUNT}:topic/lab/role/*`] },
      ],
    };
    await iam.send(new PutRolePolicyCommand({ RoleName: 'ws-listener', PolicyName: 'listen', PolicyDocument: JSON.stringify(permissions) }));
    const { Credentials } = await new STSClient(config).send(new AssumeRoleCommand({ RoleArn: Role!.Arn!, RoleSessionName: 'checker' }));
    const session: SigningCredentials = { accessKeyId: Credentials!.AccessKeyId!, secretAccessKey: Credentials!.SecretAccessKey!, sessionToken: Credentials!.SessionToken! };

    // AWS IoT's way: the token appended after signing.
    const appended = await presignMqttUrl(mqttUrl(), session, 'us-east-1');
    expect(appended.searchParams.get('X-Amz-Security-Token')).toBe(session.sessionToken);
    // The SDK's default way: the token signed with the rest.
    const signer = new SignatureV4({ service: 'iotdevicegateway', region: 'us-east-1', credentials: session, sha256: Hash.bind(null, 'sha256') });
    const signedUrl = mqttUrl();
    const signed = await signer.presign({ method: 'GET', protocol: 'ws:', hostname: signedUrl.hostname, port: Number(signedUrl.port), path: '/mqtt', query: {}, headers: { host: signedUrl.host } });
    for (const [k, v] of Object.entries(signed.query ?? {})) signedUrl.searchParams.set(k, String(v));
    expect(await upgradeStatus(signedUrl)).toBe(101);

    // A client id the role does not allow is refused at CONNECT.
    await expect(connect(appended, 'other-client')).rejects.toThrow(/Not authorized/i);
    const listener = await connect(await presignMqttUrl(mqttUrl(), session, 'us-east-1'), 'role-listener');
    const seen = received(listener);
    expect((await listener.subscribeAsync('lab/role/dev1', { qos: 1 })).map((g) => g.qos)).toEqual([1]);
    // mqtt.js rejects a subscription the broker refused (return code 128).
    await expect(listener.subscribeAsync('lab/other/dev1', { qos: 1 })).rejects.toThrow(/Subscribe error/);
    // Published by the account's root over WebSocket, in the same account: the role session receives it.
    const root = await connect(await presignMqttUrl(mqttUrl(), KEYS, 'us-east-1'), 'root-publisher');
    await root.publishAsync('lab/role/dev1', 'allowed', { qos: 1 });
    await until(() => seen.length > 0);
    expect(seen).toEqual(['lab/role/dev1 allowed']);
    await Promise.all([listener.endAsync(), root.endAsync()]);
  });
});
