// Ending an MQTT connection without ever hanging on it. mqtt.js's end() resolves only when its stream
// reports 'close', which a WebSocket stream whose peer closed the socket first may never do: the process
// would then run out of work with the caller still waiting. After a grace period the stream is destroyed.

import type { MqttClient } from 'mqtt';

/** Sends DISCONNECT and waits up to `graceMs` for the connection to close, then closes it anyway. */
export async function disconnect(client: MqttClient, graceMs = 2_000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const grace = new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)));
  await Promise.race([client.endAsync().catch(() => undefined), grace]);
  clearTimeout(timer);
  if (!client.disconnected) client.stream?.destroy();
}
