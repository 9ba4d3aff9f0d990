// Check builder: messages of the right schema really arrive on an MQTT topic. The checker listens
// with the device's own certificate under its own client id, for a few seconds per poll.

import type { Check, CheckContext, CheckResult } from '../../src/engine/types.js';
import { fail, pass, pending } from '../../src/engine/result.js';
import { connectDevice, DeviceConnectionError } from '../../src/device/connection.js';
import { describeMqttEndpoint } from '../../src/device/endpoint.js';
import { listen } from '../../src/device/listen.js';
import type { DeviceCredentials } from '../../src/device/credentials.js';
import { iotDeviceAccess } from '../../src/target/iot-access.js';

export interface Listener {
  credentials: DeviceCredentials;
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
      const { credentials, clientId, topic } = located;
      const { caPem, port } = await iotDeviceAccess(ctx.clients.settings, { signal: ctx.signal });
      const endpoint = await describeMqttEndpoint(ctx.clients, port, ctx.signal);
      const evidence: Record<string, unknown> = { topic, endpoint: `${endpoint.host}:${endpoint.port}`, listenedAs: clientId };
      let client;
      try {
        client = await connectDevice({ endpoint, clientId, certificatePem: credentials.certificatePem, privateKeyPem: credentials.privateKeyPem, caPem });
      } catch (err) {
        if (!(err instanceof DeviceConnectionError)) throw err;
        return fail(`The checker could not listen on ${topic} with the device's certificate: ${err.message}`, {
          hint: `The checker connects as client ${clientId}: the policy must allow iot:Connect on client/${clientId}, iot:Subscribe on topicfilter/${topic} and iot:Receive on topic/${topic}. ${err.hint}`,
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
        return fail(`The checker could not subscribe to ${topic}: ${(err as Error).message}.`, { hint: `The policy must allow iot:Subscribe on topicfilter/${topic} and iot:Receive on topic/${topic}.`, evidence });
      } finally {
        await client.endAsync().catch(() => undefined);
      }
    },
  };
}
