// The running parts of IoT Core in one sandbox: its CA, the rules engine and the MQTT broker, started
// with the sandbox and stopped with it. The CA is served at /_sandbox/iot/ca.pem and, with the broker's
// addresses, shown by `lab sandbox status`.

import { accountForAccessKey } from '../../edge/sigv4.js';
import type { Sandbox } from '../../sandbox.js';
import { DEFAULT_HOST, DEFAULT_MQTT_PORT, DEFAULT_MQTTS_PORT, DEFAULT_REGION, SANDBOX_CREDENTIALS } from '../../settings.js';
import { IotBroker, type BrokerOptions } from '../../iot/broker/broker.js';
import { acceptMqttWebSocket } from '../../iot/broker/websocket.js';
import { issueServerCertificate, loadOrCreateCa, type CertificateAuthority } from '../../iot/pki.js';
import { rsaKeys } from '../../iot/rsa-keys.js';
import { RulesEngine } from '../../iot/rules/engine.js';
import type { IotApi } from './api.js';

export interface IotRuntime {
  ca: CertificateAuthority;
  engine: RulesEngine;
  broker: IotBroker;
  /** What DescribeEndpoint answers: `.localhost` subdomains do not resolve everywhere (glibc without nss-myhostname), an address does. */
  endpointHost: string;
}

const runtimes = new WeakMap<Sandbox, IotRuntime>();

export function iotRuntime(sandbox: Sandbox): IotRuntime {
  const runtime = runtimes.get(sandbox);
  if (!runtime) throw new Error('IoT Core is not running in this sandbox');
  return runtime;
}

/**
 * The port to listen on: an explicit one must be free; the defaults (1883/8883) fall back to a free
 * port with a warning, and a sandbox on port 0 (tests) takes free ports for MQTT as well.
 */
async function startBroker(sandbox: Sandbox, engine: RulesEngine, base: Omit<BrokerOptions, 'mqttPort' | 'mqttsPort'>): Promise<IotBroker> {
  const { options } = sandbox;
  const free = options.port === 0;
  const mqttPort = options.mqttPort ?? (free ? 0 : DEFAULT_MQTT_PORT);
  const mqttsPort = options.mqttsPort ?? (free ? 0 : DEFAULT_MQTTS_PORT);
  try {
    return await IotBroker.start(sandbox, engine, { ...base, mqttPort, mqttsPort });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE' || (options.mqttPort !== undefined && options.mqttsPort !== undefined)) {
      throw new Error(`the MQTT broker could not listen on ports ${mqttPort}/${mqttsPort}: ${(err as Error).message} (choose others with --mqtt-port/--mqtts-port)`);
    }
    sandbox.warn(`MQTT ports ${mqttPort}/${mqttsPort} are in use; the broker takes free ports instead (see lab sandbox status)`);
    return IotBroker.start(sandbox, engine, { ...base, mqttPort: options.mqttPort ?? 0, mqttsPort: options.mqttsPort ?? 0 });
  }
}

export async function startIotRuntime(sandbox: Sandbox): Promise<IotApi> {
  // The CA's key (first start) and the server's key are made side by side on the thread pool.
  const [ca, serverKeys] = await Promise.all([loadOrCreateCa(sandbox.dataDir), rsaKeys()]);
  const bindHost = sandbox.options.host ?? DEFAULT_HOST;
  const endpointHost = bindHost === '0.0.0.0' || bindHost === '::' ? '127.0.0.1' : bindHost;
  const server = issueServerCertificate(ca, [endpointHost, '127.0.0.1', 'localhost'], serverKeys);
  const engine = new RulesEngine(sandbox);
  const broker = await startBroker(sandbox, engine, {
    host: bindHost,
    tls: { certPem: server.certPem, keyPem: server.keyPem, caPem: ca.certPem },
    defaultOwner: { accountId: accountForAccessKey(SANDBOX_CREDENTIALS.accessKeyId), region: DEFAULT_REGION, clock: sandbox.clock },
  });
  engine.republish = (owner, topic, payload, qos, hops) => {
    broker.publish(owner, topic, payload, qos, { clientId: '' }, hops).catch((err: unknown) => sandbox.warn(`iot republish to ${topic} failed: ${String(err)}`));
  };
  runtimes.set(sandbox, { ca, engine, broker, endpointHost });
  sandbox.onClose(() => broker.close());

  sandbox.adminRoutes.set('/_sandbox/iot/ca.pem', () => ({ status: 200, headers: { 'content-type': 'application/x-pem-file' }, body: ca.certPem }));
  sandbox.statusProviders.push(() => ({
    iotCaFile: ca.certPath ?? `(in memory) ${sandbox.endpoint}/_sandbox/iot/ca.pem`,
    mqtt: `mqtt://${endpointHost}:${broker.mqttPort} (no authentication: the username, an access key id, names the account)`,
    mqtts: `mqtts://${endpointHost}:${broker.mqttsPort} (client certificate from CreateKeysAndCertificate)`,
    mqttWebSocket: `${sandbox.endpoint.replace(/^http/, 'ws')}/mqtt (URL presigned with SigV4, service iotdevicegateway)`,
  }));

  return {
    publish: (owner, topic, payload, qos, origin) => broker.publish(owner, topic, payload, qos, origin),
    acceptWebSocket: (req, ctx) => acceptMqttWebSocket(broker, req, ctx),
    endpoints: () => ({ host: endpointHost, mqttPort: broker.mqttPort, mqttsPort: broker.mqttsPort, caPem: ca.certPem, caPath: ca.certPath }),
    rulesIdle: () => engine.idle(),
  };
}
