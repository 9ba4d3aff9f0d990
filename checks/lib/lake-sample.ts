// What a lab 2 check reads from the data lake, once per run for all checks: the newest objects under
// the delivery stream's prefix (decoded and parsed), the newest error records under its error prefix,
// and the delivery errors Firehose logged. Bounded reads only (see data-lake.ts).

import { CloudWatchLogsClient, GetLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import type { CheckContext } from '../../src/engine/types.js';
import { parseJsonStream, readObject, recentObjects, type DecodedObject, type JsonStream } from './data-lake.js';
import { deliveryStream, locateLake, s3Destination, type LakeLocation } from './firehose-pipeline.js';
import { memo } from './memo.js';
import { orUndefined } from './not-found.js';

/** The newest objects read, and how many bytes of each at most. */
export const SAMPLE_OBJECTS = 5;
export const SAMPLE_HOURS = 3;
const OBJECT_CAP = 256 * 1024;

export interface SampledObject extends DecodedObject {
  parsed: JsonStream;
}

export interface LakeSample {
  location: LakeLocation;
  /** Newest first. */
  objects: SampledObject[];
}

export function lakeSample(ctx: CheckContext): Promise<LakeSample> {
  return memo(ctx, 'lake.sample', async () => {
    const location = await locateLake(ctx);
    const listed = await recentObjects(ctx, location.bucket, location.prefix, ctx.clock.now(), { hours: SAMPLE_HOURS, limit: SAMPLE_OBJECTS });
    const objects = await Promise.all(
      listed.map(async (o) => {
        const decoded = await readObject(ctx, location.bucket, o, OBJECT_CAP);
        return { ...decoded, parsed: parseJsonStream(decoded.text, decoded.truncated) };
      }),
    );
    return { location, objects };
  });
}

export interface ErrorRecord {
  key: string;
  errorCode?: string;
  errorMessage?: string;
}

/** The literal start of an error output prefix (`errors/` of `errors/!{firehose:error-output-type}/`). */
export function errorFolder(errorPrefix: string | undefined): string | undefined {
  if (!errorPrefix) return undefined;
  const cut = errorPrefix.indexOf('!{');
  return cut < 0 ? errorPrefix : errorPrefix.slice(0, cut);
}

/** The error records of the newest objects under the error prefix (one listing page, three objects). */
export function errorRecords(ctx: CheckContext): Promise<{ folder?: string; objects: number; records: ErrorRecord[] }> {
  return memo(ctx, 'lake.errors', async () => {
    const { bucket, errorPrefix } = await locateLake(ctx);
    const folder = errorFolder(errorPrefix);
    if (folder === undefined) return { objects: 0, records: [] };
    const page = await ctx.clients.get(S3Client).send(new ListObjectsV2Command({ Bucket: bucket, Prefix: folder }), { abortSignal: ctx.signal });
    const listed = (page.Contents ?? [])
      .map((o) => ({ key: o.Key!, lastModified: o.LastModified?.getTime() ?? 0, size: o.Size ?? 0 }))
      .sort((a, b) => b.lastModified - a.lastModified);
    const records: ErrorRecord[] = [];
    for (const o of listed.slice(0, 3)) {
      const decoded = await readObject(ctx, bucket, o, OBJECT_CAP);
      for (const value of parseJsonStream(decoded.text, decoded.truncated).values) {
        // Processing failures spell the fields errorCode/errorMessage, format conversion failures ErrorCode/ErrorMessage.
        const r = value as { errorCode?: string; errorMessage?: string; ErrorCode?: string; ErrorMessage?: string };
        records.push({ key: o.key, errorCode: r.errorCode ?? r.ErrorCode, errorMessage: r.errorMessage ?? r.ErrorMessage });
      }
    }
    return { folder, objects: page.KeyCount ?? listed.length, records };
  });
}

export interface LoggedError {
  at: number;
  errorCode?: string;
  message?: string;
}

/** Delivery errors Firehose logged in the last `windowMs`, newest first (when the stream logs errors). */
export function loggedDeliveryErrors(ctx: CheckContext, windowMs: number): Promise<LoggedError[]> {
  return memo(ctx, 'lake.logged-errors', async () => {
    const logging = s3Destination(await deliveryStream(ctx))?.CloudWatchLoggingOptions;
    if (!logging?.Enabled || !logging.LogGroupName || !logging.LogStreamName) return [];
    const out = await orUndefined(
      ctx.clients
        .get(CloudWatchLogsClient)
        .send(
          new GetLogEventsCommand({ logGroupName: logging.LogGroupName, logStreamName: logging.LogStreamName, startTime: ctx.clock.now() - windowMs, startFromHead: false, limit: 5 }),
          { abortSignal: ctx.signal },
        ),
    );
    return (out?.events ?? [])
      .map((e) => {
        let body: { errorCode?: string; message?: string } = {};
        try {
          body = JSON.parse(e.message ?? '{}') as typeof body;
        } catch {
          body = { message: e.message };
        }
        return { at: e.timestamp ?? 0, errorCode: body.errorCode, message: body.message };
      })
      .sort((a, b) => b.at - a.at);
  });
}
