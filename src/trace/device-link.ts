// The trace's MQTT connection: the lab 0 device's certificate under its own client id, subscribed to
// the device's topic before it publishes, so it sees the reading come back from the broker. Connects
// the way lab 0's check listens (the target's endpoint and trust anchor, the device's certificate).

import type { MqttClient } from 'mqtt';
import { EnvironmentError } from '../errors.js';
import { connectDevice, DeviceConnectionError } from '../device/connection.js';
import { disconnect } from '../device/disconnect.js';
import type { DeviceCredentials } from '../device/credentials.js';
import { describeMqttEndpoint, type MqttEndpoint } from '../device/endpoint.js';
import type { ClientFactory } from '../target/clients.js';
import { iotDeviceAccess } from '../target/iot-access.js';
import { say, text, type TraceText } from './messages.js';

const PUBLISH_ACK_TIMEOUT_MS = 10_000;

export interface Arrival {
  at: number;
  payload: string;
}

export interface DeviceLink {
  clientId: string;
  topic: string;
  endpoint: MqttEndpoint;
  /** Why the broker refused the subscription, when it did: the reading can then not be seen on the topic. */
  subscribeProblem?: TraceText;
  /** Publishes with QoS 1 and waits for the broker's acknowledgement. */
  publish(payload: string): Promise<void>;
  /** The first message (since the subscription) that `match` accepts; undefined when `signal` aborts first. */
  arrival(match: (payload: string) => boolean, signal: AbortSignal): Promise<Arrival | undefined>;
  close(): Promise<void>;
}

export async function openDeviceLink(options: {
  clients: ClientFactory;
  credentials: DeviceCredentials;
  clientId: string;
  topic: string;
  now: () => number;
  signal?: AbortSignal;
}): Promise<DeviceLink> {
  const { clientId, topic, credentials } = options;
  const { caPem, port } = await iotDeviceAccess(options.clients.settings, { signal: options.signal });
  const endpoint = await describeMqttEndpoint(options.clients, port, options.signal);
  let client: MqttClient;
  try {
    client = await connectDevice({ endpoint, clientId, certificatePem: credentials.certificatePem, privateKeyPem: credentials.privateKeyPem, caPem });
  } catch (err) {
    if (err instanceof DeviceConnectionError) throw new EnvironmentError(err.message, err.hint, { cause: err });
    throw err;
  }
  const heard: Arrival[] = [];
  const waiters = new Set<() => void>();
  client.on('message', (_topic: string, payload: Buffer) => {
    heard.push({ at: options.now(), payload: payload.toString('utf8') });
    for (const wake of waiters) wake();
  });
  let subscribeProblem: TraceText | undefined;
  try {
    const granted = await client.subscribeAsync(topic, { qos: 0 });
    // MQTT 3.1.1 answers a refused subscription with return code 128 rather than an error.
    if (granted.some((g) => g.qos === 128)) subscribeProblem = text('link.subscriptionRefused', { clientId, topic });
  } catch (err) {
    subscribeProblem = text('link.subscribeFailed', { topic, error: (err as Error).message });
  }
  return {
    clientId,
    topic,
    endpoint,
    subscribeProblem,
    async publish(payload) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(say(text('link.noAck', { seconds: PUBLISH_ACK_TIMEOUT_MS / 1000 })))), PUBLISH_ACK_TIMEOUT_MS);
      });
      try {
        await Promise.race([client.publishAsync(topic, payload, { qos: 1 }), timeout]);
      } catch (err) {
        throw new EnvironmentError(say(text('link.notAccepted', { clientId, topic, error: (err as Error).message })), say(text('link.notAcceptedHint', { topic })), { cause: err });
      } finally {
        clearTimeout(timer);
      }
    },
    async arrival(match, signal) {
      let seen = 0;
      for (;;) {
        for (; seen < heard.length; seen++) if (match(heard[seen]!.payload)) return heard[seen];
        if (signal.aborted) return undefined;
        await new Promise<void>((resolve) => {
          const wake = () => {
            waiters.delete(wake);
            signal.removeEventListener('abort', wake);
            resolve();
          };
          waiters.add(wake);
          signal.addEventListener('abort', wake, { once: true });
        });
      }
    },
    async close() {
      await disconnect(client);
    },
  };
}
