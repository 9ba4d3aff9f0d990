// Check builder: messages of the right schema really arrive on an MQTT topic. The checker listens as
// the student, not as the device: MQTT over WebSocket signed with the target's own credentials, under a
// client id of its own, for a few seconds per poll. So the device's policy (an exact client id,
// `${iot:Connection.Thing.ThingName}`) plays no part, and the device is never disconnected by it.

import type { Check, CheckContext, CheckResult } from '../../src/engine/types.js';
import { fail, pass, pending } from '../../src/engine/result.js';
import { DeviceConnectionError } from '../../src/device/connection.js';
import { disconnect } from '../../src/device/disconnect.js';
import { describeMqttWebSocketUrl } from '../../src/device/endpoint.js';
import { listen } from '../../src/device/listen.js';
import { connectAsCaller, shownUrl } from '../../src/device/websocket.js';

export interface Listener {
  /** Unique per run: a client id in use is taken over by the newcomer. */
  clientId: string;
  topic: string;
}

export function messagesArriveCheck(
  spec: Omit<Check, 'run'> & {
    locate(ctx: CheckContext): Promise<Listener | CheckResult>;
    listenMs: number;
    /** Undefined for a good message, otherwise what is wrong with it. */
    problemWith(message: unknown): string | undefined;
  },
): Check {
  const { locate, listenMs, problemWith, ...check } = spec;
  return {
    ...check,
    async run(ctx) {
      const located = await locate(ctx);
      if ('status' in located) return located;
      const { clientId, topic } = located;
      const url = await describeMqttWebSocketUrl(ctx.clients, ctx.signal);
      const evidence: Record<string, unknown> = { topic, endpoint: shownUrl(url), listenedAs: clientId };
      let client;
      try {
        client = await connectAsCaller({ clients: ctx.clients, url, clientId });
      } catch (err) {
        if (!(err instanceof DeviceConnectionError)) throw err;
        return fail(`The checker could not listen on ${topic} with your AWS credentials: ${err.message}`, {
          hint: `The checker connects over MQTT over WebSocket (SigV4) as client ${clientId}: your credentials need iot:Connect, iot:Subscribe and iot:Receive. ${err.hint}`,
          evidence,
        });
      }
      try {
        const listening = listen(client, topic, listenMs, 2, ctx.signal);
        const heard = await (ctx.idle ? ctx.idle(listening) : listening);
        evidence.messages = heard.length;
        if (heard.length === 0) return pending(`No message arrived on ${topic} in ${listenMs / 1000} s. Is \`lab device\` running?`, { evidence });
        for (const message of heard) {
          let parsed: unknown;
          try {
            parsed = JSON.parse(message.payload);
          } catch {
            parsed = undefined;
          }
          const problem = parsed === undefined ? 'is not JSON' : problemWith(parsed);
          if (problem) {
            return fail(`A message on ${message.topic} ${problem}: ${message.payload.slice(0, 200)}`, {
              hint: 'Messages must be {"DEVICE_NAME": "...", "TIMESTAMP": "yyyy-mm-ddThh:MM:SS", "HUMIDITY": int, "TEMPERATURE": int}.',
              evidence: { ...evidence, payload: message.payload.slice(0, 500) },
            });
          }
        }
        return pass(`${heard.length} message(s) of the right schema arrived on ${topic}, e.g. ${heard[0]!.payload}`, { evidence: { ...evidence, sample: heard[0]!.payload } });
      } catch (err) {
        return fail(`The checker could not subscribe to ${topic}: ${(err as Error).message}.`, { hint: `Your AWS credentials need iot:Subscribe on topicfilter/${topic} and iot:Receive on topic/${topic}.`, evidence });
      } finally {
        await disconnect(client);
      }
    },
  };
}
