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
import { defineMessages } from '../../src/i18n/index.js';

const t = defineMessages(
  'lib.messages-check',
  {
    cannotListen: 'The checker could not listen on {{topic}} with your AWS credentials: {{error}}',
    cannotListenHint: 'The checker connects over MQTT over WebSocket (SigV4) as client {{clientId}}: your credentials need iot:Connect, iot:Subscribe and iot:Receive. {{more}}',
    silent: 'No message arrived on {{topic}} in {{seconds}} s. Is `lab device` running?',
    notJson: 'is not JSON',
    wrong: 'A message on {{topic}} {{problem}}: {{payload}}',
    wrongHint: 'Messages must be {"DEVICE_NAME": "...", "TIMESTAMP": "yyyy-mm-ddThh:MM:SS", "HUMIDITY": int, "TEMPERATURE": int}.',
    arrived: '{{count}} message(s) of the right schema arrived on {{topic}}, e.g. {{sample}}',
    cannotSubscribe: 'The checker could not subscribe to {{topic}}: {{error}}.',
    cannotSubscribeHint: 'Your AWS credentials need iot:Subscribe on topicfilter/{{topic}} and iot:Receive on topic/{{topic}}.',
  },
  {
    cannotListen: '검사기가 여러분의 AWS 자격 증명으로 {{topic}}을(를) 수신하지 못했습니다: {{error}}',
    cannotListenHint: '검사기는 클라이언트 {{clientId}}(으)로 WebSocket 위의 MQTT(SigV4)로 연결합니다: 자격 증명에 iot:Connect, iot:Subscribe, iot:Receive가 필요합니다. {{more}}',
    silent: '{{seconds}}초 동안 {{topic}}에 메시지가 도착하지 않았습니다. `lab device`가 실행 중인가요?',
    notJson: 'JSON이 아닙니다',
    wrong: '{{topic}}의 메시지가 {{problem}}: {{payload}}',
    wrongHint: '메시지는 {"DEVICE_NAME": "...", "TIMESTAMP": "yyyy-mm-ddThh:MM:SS", "HUMIDITY": int, "TEMPERATURE": int} 형식이어야 합니다.',
    arrived: '올바른 스키마의 메시지 {{count}}개가 {{topic}}에 도착했습니다. 예: {{sample}}',
    cannotSubscribe: '검사기가 {{topic}}을(를) 구독하지 못했습니다: {{error}}.',
    cannotSubscribeHint: 'AWS 자격 증명에 topicfilter/{{topic}}에 대한 iot:Subscribe와 topic/{{topic}}에 대한 iot:Receive가 필요합니다.',
  },
);


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
        return fail(t('cannotListen', { topic, error: err.message }), {
          hint: t('cannotListenHint', { clientId, more: String(err.hint ?? '') }),
          evidence,
        });
      }
      try {
        const listening = listen(client, topic, listenMs, 2, ctx.signal);
        const heard = await (ctx.idle ? ctx.idle(listening) : listening);
        evidence.messages = heard.length;
        if (heard.length === 0) return pending(t('silent', { topic, seconds: listenMs / 1000 }), { evidence });
        for (const message of heard) {
          let parsed: unknown;
          try {
            parsed = JSON.parse(message.payload);
          } catch {
            parsed = undefined;
          }
          const problem = parsed === undefined ? t('notJson') : problemWith(parsed);
          if (problem) {
            return fail(t('wrong', { topic: message.topic, problem, payload: message.payload.slice(0, 200) }), {
              hint: t('wrongHint'),
              evidence: { ...evidence, payload: message.payload.slice(0, 500) },
            });
          }
        }
        return pass(t('arrived', { count: heard.length, topic, sample: heard[0]!.payload }), { evidence: { ...evidence, sample: heard[0]!.payload } });
      } catch (err) {
        return fail(t('cannotSubscribe', { topic, error: (err as Error).message }), { hint: t('cannotSubscribeHint', { topic }), evidence });
      } finally {
        await disconnect(client);
      }
    },
  };
}
