// Hop 4 (lab 3): the reading served by the lab's REST API, GET <invoke URL>/datas/<device>, as the
// graph page calls it. The API is found as lab 3's checks find it (the prefix's API, else the one with
// a /datas/ resource); its invoke URL comes from the target's endpoint, never from the target's kind.

import { invokeUrl, locateApi, locateStage } from '../../checks/lib/api-pipeline.js';
import type { HopKind, WatchResult } from './hop.js';
import type { MarkedReading } from './marked-reading.js';
import { parseJson } from './marked-reading.js';
import { pollUntilSeen } from './poll.js';
import { text } from './messages.js';

const POLL_MS = 1_000;
const HTTP_TIMEOUT_MS = 10_000;

export const apiHop: HopKind = {
  id: 'api',
  title: 'API (GET /datas)',
  lab: 3,
  async prepare(ctx) {
    const { api, via } = await locateApi(ctx);
    if (!api?.id) return { state: 'not-built', message: text('api.notBuilt', { via }) };
    const stage = await locateStage(ctx, api.id);
    if (!stage?.stageName) return { state: 'broken', message: text('api.notDeployed', { name: String(api.name), id: api.id }) };
    const url = `${invokeUrl(ctx, api.id, stage.stageName)}/datas/${encodeURIComponent(ctx.device)}`;
    return {
      state: 'built',
      where: text('api.where', { url, name: String(api.name), via, stage: stage.stageName }),
      evidence: { apiId: api.id, apiName: api.name, stage: stage.stageName, url },
      watch: (published, signal) => {
        const look = async (): Promise<WatchResult> => {
          let res: Response;
          let body: string;
          try {
            res = await fetch(url, { signal: AbortSignal.any([signal, AbortSignal.timeout(HTTP_TIMEOUT_MS)]) });
            body = await res.text();
          } catch (err) {
            if (signal.aborted) throw err;
            // A slow or unreachable API is what the student needs to hear about; keep asking until time is up.
            return { seen: false, note: text('api.noAnswer', { error: (err as Error).message }) };
          }
          if (!res.ok) return { seen: false, note: text('api.lastAnswer', { status: res.status, body: body.slice(0, 120) }) };
          const listed = findListed(parseJson(body), published.reading);
          if (listed === 'same') return { seen: true, detail: text('api.seen', { url }) };
          if (listed === 'other') return { seen: false, note: text('api.overwritten', { timestamp: published.reading.TIMESTAMP }) };
          return { seen: false, note: text('api.notListed', { status: res.status, bytes: body.length, timestamp: published.reading.TIMESTAMP }) };
        };
        return pollUntilSeen(look, POLL_MS, ctx.clock, signal);
      },
    };
  },
};

/**
 * Looks through the answer, whatever its shape, for an entry carrying the reading's TIMESTAMP: `same`
 * when its numbers (the workshop's `value` is the temperature) agree with the reading's, `other` when not.
 */
export function findListed(body: unknown, reading: MarkedReading): 'same' | 'other' | undefined {
  let found: 'same' | 'other' | undefined;
  const visit = (node: unknown): void => {
    if (found === 'same' || !node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    const entry = node as Record<string, unknown>;
    if (Object.values(entry).includes(reading.TIMESTAMP)) {
      const temperature = entry.value ?? entry.temperature ?? entry.TEMPERATURE;
      const humidity = entry.humidity ?? entry.HUMIDITY;
      const agrees = (v: unknown, want: number) => v === undefined || Number(v) === want;
      found = agrees(temperature, reading.TEMPERATURE) && agrees(humidity, reading.HUMIDITY) ? 'same' : 'other';
      return;
    }
    Object.values(entry).forEach(visit);
  };
  visit(body);
  return found;
}
