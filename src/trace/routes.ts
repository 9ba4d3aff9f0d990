// Whether a lab that routes the device topic is built, as its checks decide it: an enabled IoT rule
// sends the topic to a Kinesis stream (lab 1) or a Firehose delivery stream (lab 2).

import type { CheckContext } from '../engine/types.js';
import { whyNot, type RouteSearch, type RuleRoute } from '../../checks/lib/iot-rules.js';
import { streamRoute } from '../../checks/lib/stream-pipeline.js';
import type { Preparation } from './hop.js';

/** The rule routing the topic to a stream, or why the hop cannot be watched. */
export async function lab1Route(ctx: CheckContext, topic: string): Promise<RuleRoute | Extract<Preparation, { state: 'not-built' | 'broken' }>> {
  const { route, search } = await streamRoute(ctx);
  return route ?? unrouted(search, topic, 'a Kinesis stream', 1);
}

/** No route: "not built yet" when no rule has such an action at all, else what is wrong with the closest one. */
export function unrouted(search: RouteSearch, topic: string, destination: string, lab: number): Extract<Preparation, { state: 'not-built' | 'broken' }> {
  const near = search.nearMisses[0];
  if (near) return { state: 'broken', message: `no enabled IoT rule sends ${topic} to ${destination}: ${whyNot(near, topic)} (\`lab check ${lab}\` says how to fix it)` };
  return { state: 'not-built', message: `lab ${lab} not built yet: no IoT rule sends ${topic} to ${destination}` };
}
