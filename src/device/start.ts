// Starts a simulated device against a target: finds its credentials under the lab home, the target's
// MQTT endpoint and trust anchor, connects and runs the loop. Used by `lab device`, `lab selftest`
// and `npm start`.

import { EnvironmentError } from '../errors.js';
import { resourceNames, telemetryTopic } from '../labs/resource-names.js';
import type { ClientFactory } from '../target/clients.js';
import { disconnect } from './disconnect.js';
import { iotDeviceAccess } from '../target/iot-access.js';
import { connectDevice, DeviceConnectionError } from './connection.js';
import { deviceDir, loadDeviceCredentials } from './credentials.js';
import { describeMqttEndpoint, type MqttEndpoint } from './endpoint.js';
import { runDevice, type DeviceRunSummary, type PublishEvent } from './simulator.js';
import { td } from './messages.js';

export interface DeviceSettings {
  clients: ClientFactory;
  home: string;
  prefix: string;
  name?: string;
  topic?: string;
  /** Messages per second. */
  rate: number;
  count?: number;
  malformedEvery?: number;
  caFile?: string;
  onPublish?(event: PublishEvent): void;
}

export interface RunningDevice {
  name: string;
  topic: string;
  endpoint: MqttEndpoint;
  /** Settles when the count is reached or after `stop()`; rejects if the connection breaks. */
  done: Promise<DeviceRunSummary>;
  stop(): Promise<DeviceRunSummary>;
}

export async function startDevice(settings: DeviceSettings): Promise<RunningDevice> {
  const credentials = await loadDeviceCredentials(settings.home);
  if (!credentials) {
    throw new EnvironmentError(td('start.noCertificate', { dir: deviceDir(settings.home) }), td('start.noCertificateHint'));
  }
  const name = settings.name ?? credentials.identity?.thingName ?? resourceNames(settings.prefix).thing;
  const topic = settings.topic ?? telemetryTopic(settings.prefix, name);
  const { caPem, port } = await iotDeviceAccess(settings.clients.settings, { caFile: settings.caFile });
  const endpoint = await describeMqttEndpoint(settings.clients, port);
  let client;
  try {
    client = await connectDevice({ endpoint, clientId: name, certificatePem: credentials.certificatePem, privateKeyPem: credentials.privateKeyPem, caPem });
  } catch (err) {
    if (err instanceof DeviceConnectionError) throw new EnvironmentError(err.message, err.hint, { cause: err });
    throw err;
  }
  const controller = new AbortController();
  const lost = new Promise<never>((_, reject) => {
    client.once('close', () => {
      if (!controller.signal.aborted) reject(new EnvironmentError(td('start.closed', { name }), td('start.closedHint', { topic })));
    });
  });
  lost.catch(() => undefined);
  const loop = runDevice({ client, device: name, topic, intervalMs: 1000 / settings.rate, count: settings.count, malformedEvery: settings.malformedEvery, signal: controller.signal, onPublish: settings.onPublish });
  const done = Promise.race([loop, lost]).finally(async () => {
    controller.abort();
    await disconnect(client);
  });
  return {
    name,
    topic,
    endpoint,
    done,
    async stop() {
      controller.abort();
      return done;
    },
  };
}
