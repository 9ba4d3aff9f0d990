// Hop 5 (lab 2): the reading in the S3 data lake, once Firehose has flushed its buffer. The delivery
// stream and its bucket are found as lab 2's checks find them; the objects written since the publish
// are opened (GZIP by its magic bytes, a stream of JSON values) with the bounded data-lake reader.

import { firehoseRoute, locateDeliveryStream, deliveryStream, locateLake } from '../../checks/lib/firehose-pipeline.js';
import { parseJsonStream, readObject, recentObjects } from '../../checks/lib/data-lake.js';
import { CLOCK_SKEW_MS, type HopKind, type WatchResult } from './hop.js';
import { isTraced } from './marked-reading.js';
import { pollUntilSeen } from './poll.js';
import { unrouted } from './routes.js';
import { text } from './messages.js';

const POLL_MS = 1_000;

export const lakeHop: HopKind = {
  id: 'lake',
  title: 'S3 data lake',
  lab: 2,
  async prepare(ctx) {
    const { route, search } = await firehoseRoute(ctx);
    if (!route) return unrouted(search, ctx.topic, text('routes.firehose'), 2);
    const { name } = await locateDeliveryStream(ctx);
    if (!(await deliveryStream(ctx))) return { state: 'broken', message: text('lake.missing', { rule: route.ruleName, stream: name }) };
    const lake = await locateLake(ctx);
    const folder = `s3://${lake.bucket}/${lake.prefix}`;
    return {
      state: 'built',
      where: text('lake.where', { folder, via: lake.via, interval: lake.intervalSeconds, size: lake.sizeMBs }),
      expectedMs: lake.intervalSeconds * 1000,
      evidence: { deliveryStream: name, bucket: lake.bucket, prefix: lake.prefix, intervalSeconds: lake.intervalSeconds, sizeMBs: lake.sizeMBs },
      watch: (published, signal) => {
        const reader = { clients: ctx.clients, signal };
        const opened = new Set<string>();
        const look = async (): Promise<WatchResult> => {
          const objects = await recentObjects(reader, lake.bucket, lake.prefix, ctx.clock.now(), { hours: 2, limit: 10 });
          // Only objects written since the publish can hold the reading (a margin for the clocks' difference).
          const fresh = objects.filter((o) => o.lastModified >= published.at - CLOCK_SKEW_MS);
          for (const object of fresh) {
            if (opened.has(object.key)) continue;
            opened.add(object.key);
            const decoded = await readObject(reader, lake.bucket, object);
            if (parseJsonStream(decoded.text, decoded.truncated).values.some((v) => isTraced(v, published.reading))) {
              return { seen: true, detail: text('lake.seen', { bucket: lake.bucket, key: object.key }), evidence: { key: object.key, gzip: decoded.gzip, lastModified: new Date(object.lastModified).toISOString() } };
            }
          }
          return opened.size === 0
            ? { seen: false, note: text('lake.noObject', { folder, interval: lake.intervalSeconds, size: lake.sizeMBs }) }
            : { seen: false, note: text('lake.notInObjects', { objects: opened.size, folder }) };
        };
        return pollUntilSeen(look, POLL_MS, ctx.clock, signal);
      },
    };
  },
};
