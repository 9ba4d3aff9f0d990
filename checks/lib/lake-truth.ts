// The truth a query over the data lake must agree with, computed by the checker from the objects in
// S3: readings per device and hour of their TIMESTAMP, with temperature statistics. Bounded: the three
// hour folders up to a moment (a query's submission), only objects that existed then, at most a few
// hundred; the newest two hours are compared.

import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { readingProblem, type Reading } from '../../src/device/reading.js';
import type { CheckContext } from '../../src/engine/types.js';
import { parseJsonStream, readObject, recentFolders, type StoredObject } from './data-lake.js';
import type { LakeLocation } from './firehose-pipeline.js';
import { memo } from './memo.js';

export const TRUTH_HOURS = 3;
const MAX_OBJECTS = 400;
const OBJECT_CAP = 256 * 1024;

export interface HourStats {
  device: string;
  /** `YYYY-MM-DDTHH` of the readings' TIMESTAMP. */
  hour: string;
  readings: number;
  avg: number;
  min: number;
  max: number;
}

export interface LakeTruth {
  /** Keyed `device|hour`. */
  stats: Map<string, HourStats>;
  /** The hours the truth covers completely. */
  hours: string[];
  objectsRead: number;
  /** Objects whose records are glued without separator (Athena reads one row per line of them). */
  gluedObjects: number;
  /** More objects existed than were read: the oldest hours were left out. */
  truncated: boolean;
}

export const statsKey = (device: string, hour: string) => `${device}|${hour}`;

/** Truth as of `at` (epoch ms): objects written after it are not counted, as the query could not see them. */
export function lakeTruth(ctx: CheckContext, lake: LakeLocation, at: number): Promise<LakeTruth> {
  return memo(ctx, `analytics.truth.${at}`, async () => {
    const s3 = ctx.clients.get(S3Client);
    const folders = recentFolders(lake.prefix, at, TRUTH_HOURS);
    const listed: StoredObject[] = [];
    let truncated = false;
    for (const folder of folders) {
      let token: string | undefined;
      do {
        const page = await s3.send(new ListObjectsV2Command({ Bucket: lake.bucket, Prefix: folder, ContinuationToken: token }), { abortSignal: ctx.signal });
        for (const o of page.Contents ?? []) {
          const lastModified = o.LastModified?.getTime() ?? 0;
          if (o.Key && lastModified <= at) listed.push({ key: o.Key, lastModified, size: o.Size ?? 0 });
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
      if (listed.length >= MAX_OBJECTS) {
        truncated = folder !== folders[folders.length - 1];
        break;
      }
    }
    // An object lies in the folder of its oldest record's arrival, so a reading of hour H may sit in folder
    // H or H-1: only hours whose previous folder was read too are known completely.
    const read = folders.slice(0, truncated ? -1 : undefined);
    const hours = read.slice(0, -1).map((f) => f.slice(lake.prefix.length, -1).replace(/^(\d{4})\/(\d{2})\/(\d{2})\/(\d{2})$/, '$1-$2-$3T$4'));
    const readings: Reading[] = [];
    let gluedObjects = 0;
    const objects = listed.slice(0, MAX_OBJECTS);
    const decoded = await Promise.all(objects.map((o) => readObject(ctx, lake.bucket, o, OBJECT_CAP)));
    for (const d of decoded) {
      const parsed = parseJsonStream(d.text, d.truncated);
      if (parsed.glued > 0) gluedObjects++;
      for (const v of parsed.values) if (readingProblem(v) === undefined) readings.push(v as Reading);
    }
    const stats = new Map<string, HourStats>();
    const sums = new Map<string, number>();
    for (const r of readings) {
      const hour = r.TIMESTAMP.slice(0, 13);
      if (!hours.includes(hour)) continue;
      const key = statsKey(r.DEVICE_NAME, hour);
      const s = stats.get(key) ?? { device: r.DEVICE_NAME, hour, readings: 0, avg: 0, min: Infinity, max: -Infinity };
      s.readings++;
      s.min = Math.min(s.min, r.TEMPERATURE);
      s.max = Math.max(s.max, r.TEMPERATURE);
      sums.set(key, (sums.get(key) ?? 0) + r.TEMPERATURE);
      stats.set(key, s);
    }
    for (const [key, s] of stats) s.avg = sums.get(key)! / s.readings;
    return { stats, hours, objectsRead: objects.length, gluedObjects, truncated };
  });
}

const MAX_SIZE_PAGES = 5;

/** Bytes and hour folders of the lake's objects written up to `at` (the first pages of the listing at most). */
export function lakeSize(ctx: CheckContext, lake: LakeLocation, at: number): Promise<{ bytes: number; folders: number }> {
  return memo(ctx, `analytics.size.${at}`, async () => {
    const s3 = ctx.clients.get(S3Client);
    let bytes = 0;
    const folders = new Set<string>();
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await s3.send(new ListObjectsV2Command({ Bucket: lake.bucket, Prefix: lake.prefix, ContinuationToken: token }), { abortSignal: ctx.signal });
      for (const o of page.Contents ?? []) {
        if ((o.LastModified?.getTime() ?? 0) > at || !o.Key) continue;
        bytes += o.Size ?? 0;
        folders.add(o.Key.slice(0, o.Key.lastIndexOf('/')));
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token && ++pages < MAX_SIZE_PAGES);
    return { bytes, folders: folders.size };
  });
}
