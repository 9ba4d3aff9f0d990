// Listens on a topic filter for a while and returns what arrived: how lab 0's check proves that the
// device's messages really reach the broker.

import type { MqttClient } from 'mqtt';
import { td } from './messages.js';

export interface Heard {
  topic: string;
  payload: string;
}

/** Resolves after `windowMs`, or as soon as `enough` messages arrived. */
export async function listen(client: MqttClient, filter: string, windowMs: number, enough = 1, signal?: AbortSignal): Promise<Heard[]> {
  const heard: Heard[] = [];
  let finish: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  const onMessage = (topic: string, payload: Buffer) => {
    heard.push({ topic, payload: payload.toString('utf8') });
    if (heard.length >= enough) finish();
  };
  client.on('message', onMessage);
  const timer = setTimeout(finish, windowMs);
  signal?.addEventListener('abort', finish, { once: true });
  // mqtt.js never settles a subscription whose connection closes before the SUBACK: a close ends the wait.
  let onClose: () => void = () => undefined;
  const closed = new Promise<never>((_, reject) => {
    onClose = () => reject(new Error(td('listen.closedBeforeGranted', { filter })));
    client.once('close', onClose);
  });
  try {
    const granted = await Promise.race([client.subscribeAsync(filter, { qos: 0 }), closed]);
    client.removeListener('close', onClose);
    // MQTT 3.1.1 answers a refused subscription with return code 128 rather than an error.
    if (granted.some((g) => g.qos === 128)) throw new Error(td('listen.subscriptionRefused', { filter }));
    await finished;
    return heard;
  } finally {
    client.removeListener('close', onClose);
    clearTimeout(timer);
    client.removeListener('message', onMessage);
    signal?.removeEventListener('abort', finish);
  }
}
