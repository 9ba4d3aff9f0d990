// Lab 2: device topic → IoT rule → Firehose delivery stream → S3 data lake. The checks trace the
// pipeline in that order, then open the newest stored objects and judge what is in them.

import { HeadBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { defineChecks, type CheckContext, type CheckResult } from '../src/engine/types.js';
import { fail, pass, pending } from '../src/engine/result.js';
import { readingProblem, type Reading } from '../src/device/reading.js';
import { dataLakeBucket, resourceNames } from '../src/labs/resource-names.js';
import { firehoseObjectName } from './lib/data-lake.js';
import { deviceName } from './lib/device.js';
import { deliveryStream, firehoseRoute, locateDeliveryStream, locateLake, s3Destination, type LakeLocation } from './lib/firehose-pipeline.js';
import { errorRecords, lakeSample, loggedDeliveryErrors, SAMPLE_HOURS, type SampledObject } from './lib/lake-sample.js';
import { memo } from './lib/memo.js';
import { sumSeries, type SeriesSum } from './lib/metrics.js';
import { metricsFlowCheck } from './lib/metrics-check.js';
import { roleCheck } from './lib/role-check.js';
import { routeCheck } from './lib/route-check.js';
import { m } from './messages/02-firehose-to-s3.js';

const WINDOW_MS = 15 * 60_000;
/** A fresh object is at most this much older than the stream's buffer interval. */
const FRESH_MARGIN_MS = 10 * 60_000;
/** The lab's bound on buffering: objects must appear while the student waits (for one device the interval decides, not the size). */
const MAX_INTERVAL_S = 120;
const INCOMING = { label: 'IncomingRecords', names: ['IncomingRecords'] };

const streamArnOf = async (ctx: CheckContext, name: string) =>
  (await deliveryStream(ctx))?.DeliveryStreamARN ?? `arn:aws:firehose:${ctx.target.region}:${ctx.target.accountId}:deliverystream/${name}`;

/** Records the delivery stream received recently, and when the first of them arrived (metrics, per minute). */
function incoming(ctx: CheckContext, streamName: string): Promise<SeriesSum> {
  return memo(ctx, 'lake.incoming', async () => (await sumSeries(ctx, 'AWS/Firehose', { DeliveryStreamName: streamName }, [INCOMING], WINDOW_MS))[0]!);
}

/** When the buffer holding the first records will be written, from the stream's own interval. */
function flushCountdown(location: LakeLocation, records: SeriesSum, now: number): string {
  const buffering = m('countdown.buffering', { interval: location.intervalSeconds, size: location.sizeMBs });
  if (records.sum <= 0 || records.firstAt === undefined) return m('countdown.noRecords', { buffering });
  // Metrics come in whole minutes: the first record arrived at most a minute after firstAt.
  const due = records.firstAt + 60_000 + location.intervalSeconds * 1000;
  const seconds = Math.ceil((due - now) / 1000);
  if (seconds > 0) return m('countdown.due', { count: records.sum, buffering, seconds });
  return m('countdown.overdue', { count: records.sum, interval: location.intervalSeconds });
}

function describeObject(o: SampledObject): string {
  return m('object.described', { key: o.key, compression: m(o.gzip ? 'object.gzip' : 'object.plain'), size: o.size, written: new Date(o.lastModified).toISOString() });
}

function readingsIn(objects: SampledObject[]): Reading[] {
  return objects.flatMap((o) => o.parsed.values.filter((v): v is Reading => readingProblem(v) === undefined));
}

const fixSeparator = (ctx: CheckContext, rule: string) => m('fixSeparator', { rule });

export default defineChecks({
  checks: [
    routeCheck({
      id: 'rule.routes-to-firehose',
      title: m('rule.title'),
      points: 2,
      hints: [m('rule.hint1'), m('rule.hint2')],
      find: firehoseRoute,
      destination: m('rule.destination'),
      action: 'Firehose',
      noun: m('rule.noun'),
      evidenceKey: 'deliveryStream',
      createHint(ctx) {
        const names = resourceNames(ctx.config.prefix);
        const command = `aws iot create-topic-rule --rule-name ${names.firehoseRule} --topic-rule-payload file://firehose-rule.json`;
        return m('rule.create', { rule: names.firehoseRule, filter: names.telemetryTopicFilter, stream: names.deliveryStream, role: names.firehoseRuleRole, command });
      },
    }),
    {
      id: 'rule.separator',
      title: m('separator.title'),
      points: 2,
      dependsOn: ['rule.routes-to-firehose'],
      hints: [m('separator.hint')],
      async run(ctx) {
        const { route } = await firehoseRoute(ctx);
        const processors = s3Destination(await deliveryStream(ctx))?.ProcessingConfiguration;
        const appends = processors?.Enabled === true && (processors.Processors ?? []).some((p) => p.Type === 'AppendDelimiterToRecord');
        const evidence = { rule: route!.ruleName, separator: route!.separator ?? null, deliveryStreamAppendsNewline: appends };
        if (route!.separator === '\n' || route!.separator === '\r\n') return pass(m('separator.byRule', { rule: route!.ruleName }), { evidence });
        if (appends) return pass(m('separator.byStream', { stream: route!.destination }), { evidence });
        const what = route!.separator ? m('separator.other', { separator: JSON.stringify(route!.separator) }) : m('separator.none');
        return fail(m('separator.glued', { rule: route!.ruleName, what }), { hint: fixSeparator(ctx, route!.ruleName), evidence });
      },
    },
    roleCheck({
      id: 'rule.role-can-put',
      title: m('ruleRole.title'),
      points: 2,
      dependsOn: ['rule.routes-to-firehose'],
      hints: [m('ruleRole.hint')],
      async locate(ctx) {
        const { route } = await firehoseRoute(ctx);
        const action = route?.batchMode ? 'firehose:PutRecordBatch' : 'firehose:PutRecord';
        return { user: m('rule.user', { rule: String(route?.ruleName) }), roleArn: route?.roleArn, service: 'iot.amazonaws.com', actions: [action], resource: await streamArnOf(ctx, route!.destination) };
      },
    }),
    {
      id: 'firehose.active',
      title: m('stream.title'),
      points: 2,
      hints: [m('stream.hint')],
      async run(ctx) {
        const { name, via } = await locateDeliveryStream(ctx);
        const stream = await deliveryStream(ctx);
        const names = resourceNames(ctx.config.prefix);
        if (!stream) {
          return fail(m('stream.missing', { name, via }), {
            hint: m('stream.missingHint', {
              bucket: dataLakeBucket(ctx.config.prefix, ctx.target.accountId),
              command: `aws firehose create-delivery-stream --delivery-stream-name ${names.deliveryStream} --delivery-stream-type DirectPut --extended-s3-destination-configuration file://destination.json`,
            }),
            evidence: { deliveryStream: name },
          });
        }
        const dest = s3Destination(stream);
        const evidence = { deliveryStream: name, status: stream.DeliveryStreamStatus, source: stream.DeliveryStreamType, bucketArn: dest?.BucketARN, prefix: dest?.Prefix };
        if (stream.DeliveryStreamStatus === 'CREATING') return pending(m('stream.creating', { name }), { evidence });
        if (stream.DeliveryStreamStatus !== 'ACTIVE') {
          const details = stream.FailureDescription?.Details ? `: ${stream.FailureDescription.Details}` : '';
          return fail(m('stream.broken', { name, status: String(stream.DeliveryStreamStatus), details }), { hint: m('stream.brokenHint'), evidence });
        }
        if (stream.DeliveryStreamType !== 'DirectPut') {
          const source = stream.DeliveryStreamType === 'KinesisStreamAsSource' ? m('stream.kinesisSource') : String(stream.DeliveryStreamType);
          return fail(m('stream.notDirect', { name, source }), { hint: m('stream.notDirectHint'), evidence });
        }
        if (!dest?.BucketARN) return fail(m('stream.notS3', { name }), { hint: m('stream.notS3Hint'), evidence });
        return pass(m('stream.ok', { name, where: `s3://${dest.BucketARN.split(':::')[1]}/${dest.Prefix ?? ''}`, via }), { evidence });
      },
    },
    {
      id: 'bucket.exists',
      title: m('bucket.title'),
      points: 1,
      hints: [m('bucket.hint')],
      async run(ctx) {
        const location = await locateLake(ctx);
        const evidence: Record<string, unknown> = { bucket: location.bucket, via: location.via };
        try {
          await ctx.clients.get(S3Client).send(new HeadBucketCommand({ Bucket: location.bucket }), { abortSignal: ctx.signal });
          return pass(m('bucket.exists', { bucket: location.bucket, via: location.via }), { evidence });
        } catch (err) {
          const status = (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
          if (status === 403) return fail(m('bucket.foreign', { bucket: location.bucket }), { hint: m('bucket.foreignHint'), evidence });
          if (status !== 404) throw err;
        }
        const [lastError] = await loggedDeliveryErrors(ctx, WINDOW_MS);
        if (lastError) evidence.lastDeliveryError = `${lastError.errorCode}: ${lastError.message}`;
        const writer = location.streamName ? m('bucket.streamWrites', { stream: location.streamName, bucket: location.bucket }) : m('bucket.missing', { bucket: location.bucket, via: location.via });
        const retrying = location.streamName ? m('bucket.retrying') : '';
        const logged = lastError ? m('bucket.logged', { error: `${lastError.errorCode}: ${lastError.message}` }) : '';
        return fail(`${writer}${logged}.${retrying}`, {
          hint: m('bucket.missingHint', { command: `aws s3 mb s3://${location.bucket}${ctx.target.region === 'us-east-1' ? '' : ` --region ${ctx.target.region}`}` }),
          evidence,
        });
      },
    },
    {
      id: 'firehose.gzip',
      title: m('gzip.title'),
      points: 1,
      dependsOn: ['firehose.active'],
      hints: [m('gzip.hint')],
      async run(ctx) {
        const stream = (await deliveryStream(ctx))!;
        const dest = s3Destination(stream)!;
        const evidence = { deliveryStream: stream.DeliveryStreamName, compression: dest.CompressionFormat };
        const name = String(stream.DeliveryStreamName);
        if (dest.CompressionFormat === 'GZIP') return pass(m('gzip.ok', { name }), { evidence });
        return fail(m('gzip.other', { name, format: String(dest.CompressionFormat) }), {
          hint: `aws firehose update-destination --delivery-stream-name ${stream.DeliveryStreamName} --current-delivery-stream-version-id ${stream.VersionId} --destination-id ${stream.Destinations?.[0]?.DestinationId} --extended-s3-destination-update '{"CompressionFormat":"GZIP"}'`,
          evidence,
        });
      },
    },
    {
      id: 'firehose.buffering',
      title: m('buffering.title'),
      points: 1,
      dependsOn: ['firehose.active'],
      hints: [m('buffering.hint')],
      async run(ctx) {
        const stream = (await deliveryStream(ctx))!;
        const hints = s3Destination(stream)!.BufferingHints ?? {};
        const size = hints.SizeInMBs ?? 5;
        const interval = hints.IntervalInSeconds ?? 300;
        const evidence = { deliveryStream: stream.DeliveryStreamName, sizeInMBs: size, intervalInSeconds: interval };
        if (interval <= MAX_INTERVAL_S) {
          return pass(m('buffering.ok', { name: String(stream.DeliveryStreamName), interval, size }), { evidence });
        }
        return fail(m('buffering.slow', { name: String(stream.DeliveryStreamName), size, interval, max: MAX_INTERVAL_S }), {
          hint: `aws firehose update-destination --delivery-stream-name ${stream.DeliveryStreamName} --current-delivery-stream-version-id ${stream.VersionId} --destination-id ${stream.Destinations?.[0]?.DestinationId} --extended-s3-destination-update '{"BufferingHints":{"SizeInMBs":1,"IntervalInSeconds":60}}'`,
          evidence,
        });
      },
    },
    roleCheck({
      id: 'firehose.role-can-write',
      title: m('writeRole.title'),
      points: 2,
      dependsOn: ['firehose.active'],
      hints: [m('writeRole.hint')],
      async locate(ctx) {
        const stream = (await deliveryStream(ctx))!;
        const { bucket, prefix } = await locateLake(ctx);
        return { user: m('stream.user', { name: String(stream.DeliveryStreamName) }), roleArn: s3Destination(stream)?.RoleARN, service: 'firehose.amazonaws.com', actions: ['s3:PutObject'], resource: `arn:aws:s3:::${bucket}/${prefix}*` };
      },
    }),
    metricsFlowCheck({
      id: 'firehose.metrics',
      title: m('metrics.title'),
      points: 2,
      dependsOn: ['rule.routes-to-firehose', 'firehose.active'],
      hints: [m('metrics.hint')],
      namespace: 'AWS/Firehose',
      windowMs: WINDOW_MS,
      series: [INCOMING, { label: 'DeliveryToS3.Records', names: ['DeliveryToS3.Records'] }],
      whenZero: m('metrics.whenZero'),
      async locate(ctx) {
        const { name } = await locateDeliveryStream(ctx);
        const location = await locateLake(ctx);
        return { subject: m('stream.user', { name }), dimensions: { DeliveryStreamName: name }, whenZero: (sums) => flushCountdown(location, sums[0]!, ctx.clock.now()) };
      },
    }),
    {
      id: 'lake.objects',
      title: m('objects.title'),
      points: 2,
      dependsOn: ['bucket.exists', 'firehose.active'],
      hints: [m('objects.hint')],
      async run(ctx) {
        const { location, objects } = await lakeSample(ctx);
        const where = `s3://${location.bucket}/${location.prefix}`;
        const evidence: Record<string, unknown> = { bucket: location.bucket, prefix: location.prefix, hoursListed: SAMPLE_HOURS };
        if (objects.length === 0) {
          const countdown = flushCountdown(location, await incoming(ctx, location.streamName!), ctx.clock.now());
          return pending(m('objects.none', { where, hours: SAMPLE_HOURS, countdown }), { evidence });
        }
        evidence.newest = objects.map((o) => o.key);
        const name = firehoseObjectName(location.streamName!);
        for (const o of objects) {
          const folder = o.key.slice(location.prefix.length, o.key.lastIndexOf('/') + 1);
          const file = o.key.slice(o.key.lastIndexOf('/') + 1);
          if (!/^\d{4}\/\d{2}\/\d{2}\/\d{2}\/$/.test(folder) || !name.test(file)) {
            return fail(m('objects.misnamed', { key: o.key, pattern: `${location.prefix}YYYY/MM/DD/HH/${location.streamName}-<version>-YYYY-MM-DD-HH-MM-SS-<uuid>.gz` }), {
              hint: m('objects.misnamedHint', { where }),
              evidence,
            });
          }
          if (location.compression === 'GZIP' && !o.gzip) {
            return fail(m('objects.notGzip', { key: o.key }), { hint: m('objects.notGzipHint'), evidence });
          }
        }
        const newest = objects[0]!;
        const folder = newest.key.slice(location.prefix.length, newest.key.lastIndexOf('/') + 1);
        return pass(m('objects.ok', { count: objects.length, where, object: describeObject(newest), folder }), { evidence });
      },
    },
    {
      id: 'lake.records',
      title: m('records.title'),
      points: 3,
      dependsOn: ['lake.objects'],
      hints: [m('records.hint')],
      async run(ctx) {
        const { objects } = await lakeSample(ctx);
        const readings = readingsIn(objects);
        const values = objects.reduce((n, o) => n + o.parsed.values.length, 0);
        const malformed = objects.reduce((n, o) => n + o.parsed.malformed.length, 0) + (values - readings.length);
        const devices = [...new Set(readings.map((r) => r.DEVICE_NAME))].sort();
        const stamps = readings.map((r) => r.TIMESTAMP).sort();
        const newest = objects[0]!;
        const evidence = {
          objectsRead: objects.length,
          readings: readings.length,
          devices,
          firstTimestamp: stamps[0],
          lastTimestamp: stamps[stamps.length - 1],
          malformedRecords: malformed,
          gluedInNewest: newest.parsed.glued,
          linesInNewest: newest.parsed.lines,
        };
        if (newest.parsed.glued > 0) {
          const route = (await firehoseRoute(ctx)).route;
          return fail(m('records.glued', { key: newest.key, records: newest.parsed.values.length, lines: newest.parsed.lines, glued: newest.parsed.glued }), {
            hint: route ? fixSeparator(ctx, route.ruleName) : m('records.gluedHint'),
            evidence,
          });
        }
        if (readings.length === 0) {
          const example = newest.parsed.malformed[0]?.excerpt ?? JSON.stringify(newest.parsed.values[0] ?? '').slice(0, 120);
          return fail(m('records.noReadings', { records: values + malformed, objects: objects.length, example }), {
            hint: m('records.noReadingsHint'),
            evidence,
          });
        }
        const note = malformed > 0 ? m('records.malformedNote', { count: malformed }) : '';
        const range = { first: String(stamps[0]), last: String(stamps[stamps.length - 1]) };
        return pass(m('records.ok', { objects: objects.length, readings: readings.length, devices: devices.length, names: devices.slice(0, 5).join(', '), ...range, note }), { evidence });
      },
    },
    {
      id: 'lake.fresh-object',
      title: m('fresh.title'),
      points: 2,
      dependsOn: ['lake.objects'],
      hints: [m('fresh.hint')],
      async run(ctx) {
        const device = await deviceName(ctx);
        const { location, objects } = await lakeSample(ctx);
        const now = ctx.clock.now();
        const maxAgeMs = location.intervalSeconds * 1000 + FRESH_MARGIN_MS;
        const ofDevice = (o: SampledObject) => readingsIn([o]).filter((r) => r.DEVICE_NAME === device);
        const withDevice = objects.find((o) => ofDevice(o).length > 0);
        const evidence = { device, newestObjectWithDevice: withDevice?.key, maxAgeMinutes: Math.round(maxAgeMs / 60_000) };
        if (withDevice && now - withDevice.lastModified <= maxAgeMs) {
          const count = ofDevice(withDevice).length;
          return pass(m('fresh.ok', { key: withDevice.key, seconds: Math.round((now - withDevice.lastModified) / 1000), count, device }), { evidence });
        }
        const seen = withDevice ? m('fresh.old', { device, minutes: Math.round((now - withDevice.lastModified) / 60_000) }) : m('fresh.none', { objects: objects.length, device });
        return pending(m('fresh.waiting', { seen, countdown: flushCountdown(location, await incoming(ctx, location.streamName!), now) }), { evidence });
      },
    },
    {
      id: 'lake.no-errors',
      title: m('errors.title'),
      points: 1,
      dependsOn: ['firehose.active', 'bucket.exists'],
      hints: [m('errors.hint')],
      async run(ctx) {
        const { location, objects } = await lakeSample(ctx);
        const lastGood = objects[0]?.lastModified ?? 0;
        const errors = await errorRecords(ctx);
        const logged = (await loggedDeliveryErrors(ctx, WINDOW_MS)).filter((e) => e.at > lastGood);
        const evidence: Record<string, unknown> = { errorPrefix: location.errorPrefix ?? null, errorObjects: errors.objects, loggedErrorsSinceLastObject: logged.length };
        const found: CheckResult | undefined = errors.records.length > 0
          ? fail(m('errors.records', { count: errors.records.length, where: `s3://${location.bucket}/${errors.folder}`, error: `${errors.records[0]!.errorCode}: ${errors.records[0]!.errorMessage}`, key: errors.records[0]!.key }), {
              hint: m('errors.recordsHint'),
              evidence: { ...evidence, errorCode: errors.records[0]!.errorCode, errorMessage: errors.records[0]!.errorMessage },
            })
          : logged.length > 0
            ? fail(m('errors.logged', { count: logged.length, error: `${logged[0]!.errorCode}: ${logged[0]!.message}` }), {
                hint: m('errors.loggedHint'),
                evidence: { ...evidence, errorCode: logged[0]!.errorCode, errorMessage: logged[0]!.message },
              })
            : undefined;
        if (found) return found;
        const where = errors.folder ? m('errors.underPrefix', { where: `s3://${location.bucket}/${errors.folder}` }) : m('errors.noPrefix');
        return pass(m('errors.ok', { where }), { evidence });
      },
    },
  ],
});
