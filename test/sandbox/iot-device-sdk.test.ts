// A device built with aws-iot-device-sdk-v2 (the AWS Common Runtime's MQTT 3.1.1 client, native code
// shipped in its npm package) connects to the sandbox broker with mutual TLS as it would to AWS IoT
// Core, publishes, and the message reaches a subscriber.

import { describe, expect, it } from 'vitest';
import { iot as awsIot, mqtt as awsMqtt } from 'aws-iot-device-sdk-v2';
import mqtt from 'mqtt';
import { AttachPolicyCommand, CreateKeysAndCertificateCommand, CreatePolicyCommand, DescribeEndpointCommand, IoTClient } from '@aws-sdk/client-iot';
import { useSandbox } from './support.js';

describe('aws-iot-device-sdk-v2 device', () => {
  const sb = useSandbox();

  it('connects with its mTLS builder, publishes, and disconnects', async () => {
    const client = new IoTClient(sb.config());
    const created = await client.send(new CreateKeysAndCertificateCommand({ setAsActive: true }));
    await client.send(
      new CreatePolicyCommand({ policyName: 'sdk', policyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iot:*', Resource: '*' }] }) }),
    );
    await client.send(new AttachPolicyCommand({ policyName: 'sdk', target: created.certificateArn }));
    const { endpointAddress } = await client.send(new DescribeEndpointCommand({ endpointType: 'iot:Data-ATS' }));
    const { mqttsPort, mqttPort, caPem } = sb.running.sandbox.api('iot').endpoints();

    const listener = await mqtt.connectAsync(`mqtt://127.0.0.1:${mqttPort}`, { clientId: 'sdk-listener', reconnectPeriod: 0 });
    const received = new Promise<string>((resolve) => listener.on('message', (_t, payload) => resolve(payload.toString('utf8'))));
    await listener.subscribeAsync('iotlab/sdk/#', { qos: 1 });

    const config = awsIot.AwsIotMqttConnectionConfigBuilder.new_mtls_builder(created.certificatePem!, created.keyPair!.PrivateKey!)
      .with_certificate_authority(caPem)
      .with_endpoint(endpointAddress!)
      .with_port(mqttsPort)
      .with_client_id('sdk-device')
      .with_clean_session(true)
      .build();
    const connection = new awsMqtt.MqttClient().new_connection(config);
    await connection.connect();
    await connection.publish('iotlab/sdk/dev1', JSON.stringify({ DEVICE_NAME: 'sdk', TEMPERATURE: 22 }), awsMqtt.QoS.AtLeastOnce);
    expect(JSON.parse(await received)).toEqual({ DEVICE_NAME: 'sdk', TEMPERATURE: 22 });
    await connection.disconnect();
    await listener.endAsync();
  });
});
