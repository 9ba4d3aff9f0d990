// Hop 1 (lab 0): the reading comes back on the device's MQTT topic, to the trace's own subscription.

import type { DeviceLink } from './device-link.js';
import type { HopKind } from './hop.js';
import { isTraced, parseJson } from './marked-reading.js';

export function topicHop(link: DeviceLink): HopKind {
  return {
    id: 'topic',
    title: 'MQTT topic',
    lab: 0,
    async prepare() {
      if (link.subscribeProblem) {
        return { state: 'broken', message: `${link.subscribeProblem}: the device's policy must allow iot:Subscribe on topicfilter/${link.topic} and iot:Receive on topic/${link.topic} for client ${link.clientId}.` };
      }
      return {
        state: 'built',
        where: `topic ${link.topic} (subscribed as ${link.clientId})`,
        evidence: { topic: link.topic, clientId: link.clientId, endpoint: `${link.endpoint.host}:${link.endpoint.port}` },
        async watch(published, signal) {
          const arrival = await link.arrival((payload) => isTraced(parseJson(payload), published.reading), signal);
          if (!arrival) return { seen: false, note: `the broker did not send it back to the subscription on ${link.topic}` };
          return { seen: true, detail: `on ${link.topic}`, at: arrival.at };
        },
      };
    },
  };
}
