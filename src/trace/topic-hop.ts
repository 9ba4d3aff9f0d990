// Hop 1 (lab 0): the reading comes back on the device's MQTT topic, to the trace's own subscription.

import type { DeviceLink } from './device-link.js';
import type { HopKind } from './hop.js';
import { isTraced, parseJson } from './marked-reading.js';
import { text } from './messages.js';

export function topicHop(link: DeviceLink): HopKind {
  return {
    id: 'topic',
    title: 'MQTT topic',
    lab: 0,
    async prepare() {
      if (link.subscribeProblem) {
        return { state: 'broken', message: text('topic.policy', { problem: link.subscribeProblem, topic: link.topic, clientId: link.clientId }) };
      }
      return {
        state: 'built',
        where: text('topic.where', { topic: link.topic, clientId: link.clientId }),
        evidence: { topic: link.topic, clientId: link.clientId, endpoint: `${link.endpoint.host}:${link.endpoint.port}` },
        async watch(published, signal) {
          const arrival = await link.arrival((payload) => isTraced(parseJson(payload), published.reading), signal);
          if (!arrival) return { seen: false, note: text('topic.notBack', { topic: link.topic }) };
          return { seen: true, detail: text('topic.seen', { topic: link.topic }), at: arrival.at };
        },
      };
    },
  };
}
