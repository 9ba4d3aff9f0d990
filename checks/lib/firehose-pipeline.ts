// Follows the data-lake pipeline hop by hop: device topic → IoT rule → Firehose delivery stream → S3
// bucket and prefix. Each hop is found through the previous hop's reference; when that reference is
// missing the prefix's default name is used, so every hop is still judged.

import { DescribeDeliveryStreamCommand, FirehoseClient, type DeliveryStreamDescription, type ExtendedS3DestinationDescription } from '@aws-sdk/client-firehose';
import type { CheckContext } from '../../src/engine/types.js';
import { dataLakeBucket, resourceNames } from '../../src/labs/resource-names.js';
import { deviceTopic } from './device.js';
import { findRoutes, type RouteSearch, type RuleRoute } from './iot-rules.js';
import { namedByRule, type Located } from './located.js';
import { memo } from './memo.js';
import { orUndefined } from './not-found.js';
import { defineMessages } from '../../src/i18n/index.js';

// How lab 2's delivery stream and bucket were found, for the checks' messages, in English and Korean.
const t = defineMessages(
  'lib.firehose-pipeline',
  {
    streamDefault: 'the lab’s default name, since no rule names a delivery stream',
    bucketByStream: 'destination of delivery stream {{stream}}',
    bucketDefault: 'the lab’s default bucket, since no delivery stream names one',
  },
  {
    streamDefault: '전송 스트림을 지정한 규칙이 없어 실습의 기본 이름을 사용',
    bucketByStream: '전송 스트림 {{stream}}의 대상',
    bucketDefault: '버킷을 지정한 전송 스트림이 없어 실습의 기본 버킷을 사용',
  },
);


export interface FirehoseRoute {
  search: RouteSearch;
  /** The rule that routes the device topic to a delivery stream, the prefix's own first. */
  route?: RuleRoute;
}

export function firehoseRoute(ctx: CheckContext): Promise<FirehoseRoute> {
  return memo(ctx, 'lake.route', async () => {
    const search = await findRoutes(ctx, await deviceTopic(ctx), 'firehose');
    return { search, route: search.routes[0] };
  });
}

export async function locateDeliveryStream(ctx: CheckContext): Promise<Located> {
  const { route } = await firehoseRoute(ctx);
  if (route?.destination) return { name: route.destination, via: namedByRule(route.ruleName) };
  return { name: resourceNames(ctx.config.prefix).deliveryStream, via: t('streamDefault') };
}

export function describeDeliveryStream(ctx: CheckContext, name: string): Promise<DeliveryStreamDescription | undefined> {
  return memo(ctx, `firehose.stream.${name}`, async () => {
    const out = await orUndefined(ctx.clients.get(FirehoseClient).send(new DescribeDeliveryStreamCommand({ DeliveryStreamName: name }), { abortSignal: ctx.signal }));
    return out?.DeliveryStreamDescription;
  });
}

/** The located delivery stream's description, if it exists. */
export async function deliveryStream(ctx: CheckContext): Promise<DeliveryStreamDescription | undefined> {
  return describeDeliveryStream(ctx, (await locateDeliveryStream(ctx)).name);
}

/** The S3 destination of a delivery stream (AWS describes it in both the plain and the extended form). */
export function s3Destination(stream: DeliveryStreamDescription | undefined): ExtendedS3DestinationDescription | undefined {
  const dest = stream?.Destinations?.[0];
  return dest?.ExtendedS3DestinationDescription ?? (dest?.S3DestinationDescription as ExtendedS3DestinationDescription | undefined);
}

export interface LakeLocation {
  bucket: string;
  /** The key prefix records are delivered under (`telemetry/`), '' when none. */
  prefix: string;
  errorPrefix?: string;
  /** The stream's buffering interval (seconds), AWS's default when unknown. */
  intervalSeconds: number;
  sizeMBs: number;
  compression?: string;
  /** The stream that writes there, when it exists. */
  streamName?: string;
  via: string;
}

/** `arn:aws:s3:::name` → `name`. */
export const bucketFromArn = (arn: string) => arn.slice(arn.lastIndexOf(':') + 1);

/** Where the data lake is: from the delivery stream's destination, else the lab's default bucket and prefix. */
export async function locateLake(ctx: CheckContext): Promise<LakeLocation> {
  const stream = await deliveryStream(ctx);
  const dest = s3Destination(stream);
  if (dest?.BucketARN) {
    return {
      bucket: bucketFromArn(dest.BucketARN),
      prefix: dest.Prefix ?? '',
      errorPrefix: dest.ErrorOutputPrefix,
      intervalSeconds: dest.BufferingHints?.IntervalInSeconds ?? 300,
      sizeMBs: dest.BufferingHints?.SizeInMBs ?? 5,
      compression: dest.CompressionFormat,
      streamName: stream!.DeliveryStreamName,
      via: t('bucketByStream', { stream: String(stream!.DeliveryStreamName) }),
    };
  }
  const names = resourceNames(ctx.config.prefix);
  return {
    bucket: dataLakeBucket(ctx.config.prefix, ctx.target.accountId),
    prefix: names.dataLakePrefix,
    intervalSeconds: 60,
    sizeMBs: 1,
    via: t('bucketDefault'),
  };
}
