// Whether a lab that routes the device topic is built, as its checks decide it: an enabled IoT rule
// sends the topic to a Kinesis stream (lab 1) or a Firehose delivery stream (lab 2).

import type { CheckContext } from '../engine/types.js';
import { whyNot, type RouteSearch, type RuleRoute } from '../../checks/lib/iot-rules.js';
import { streamRoute } from '../../checks/lib/stream-pipeline.js';
import type { Preparation } from './hop.js';
import { text, type TraceText } from './messages.js';

/** The rule routing the topic to a stream, or why the hop cannot be watched. */
export async function lab1Route(ctx: CheckContext, topic: string): Promise<RuleRoute | Extract<Preparation, { state: 'not-built' | 'broken' }>> {
  const { route, search } = await streamRoute(ctx);
  return route ?? unrouted(search, topic, text('routes.kinesis'), 1);
}

/** No route: "not built yet" when no rule has such an action at all, else what is wrong with the closest one. */
export function unrouted(search: RouteSearch, topic: string, destination: TraceText, lab: number): Extract<Preparation, { state: 'not-built' | 'broken' }> {
  const near = search.nearMisses[0];
  if (near) return { state: 'broken', message: text('routes.broken', { topic, destination, why: whyNot(near, topic), lab }) };
  return { state: 'not-built', message: text('routes.notBuilt', { lab, topic, destination }) };
}
