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
  const buffering = `Firehose writes its buffer ${location.intervalSeconds} s after the first record arrives (or at ${location.sizeMBs} MiB)`;
  if (records.sum <= 0 || records.firstAt === undefined) return `${buffering}. Is \`lab device\` running? In AWS, metrics reach CloudWatch a few minutes late.`;
  // Metrics come in whole minutes: the first record arrived at most a minute after firstAt.
  const due = records.firstAt + 60_000 + location.intervalSeconds * 1000;
  const seconds = Math.ceil((due - now) / 1000);
  if (seconds > 0) return `${records.sum} record(s) came in: ${buffering}, so the first object is due within about ${seconds} s.`;
  return `${records.sum} record(s) came in more than ${location.intervalSeconds} s ago and should have been written by now: look at the delivery errors (lake.no-errors) and the role (firehose.role-can-write). In AWS, metrics reach CloudWatch a few minutes late.`;
}

function describeObject(o: SampledObject): string {
  return `${o.key} (${o.gzip ? 'GZIP' : 'not compressed'}, ${o.size} bytes, written ${new Date(o.lastModified).toISOString()})`;
}

function readingsIn(objects: SampledObject[]): Reading[] {
  return objects.flatMap((o) => o.parsed.values.filter((v): v is Reading => readingProblem(v) === undefined));
}

const fixSeparator = (ctx: CheckContext, rule: string) =>
  `Set the Firehose action's separator to a newline: aws iot get-topic-rule --rule-name ${rule}, add "separator": "\\n" to the firehose action, and aws iot replace-topic-rule --rule-name ${rule} --topic-rule-payload file://rule.json (console: the rule's Firehose action → Separator "\\n (newline)").`;

export default defineChecks({
  checks: [
    routeCheck({
      id: 'rule.routes-to-firehose',
      title: 'An IoT rule sends the device topic to a Firehose delivery stream',
      points: 2,
      hints: [
        'In the IoT console, open Message routing → Rules: one rule must read the telemetry topic and have an Amazon Data Firehose action.',
        "The rule's SQL is SELECT * FROM '<prefix>/telemetry/#'; its action is \"Send a message to an Amazon Data Firehose stream\" with separator \"\\n (newline)\".",
      ],
      find: firehoseRoute,
      destination: 'a Firehose delivery stream',
      action: 'Firehose',
      noun: 'delivery stream',
      evidenceKey: 'deliveryStream',
      createHint(ctx) {
        const names = resourceNames(ctx.config.prefix);
        return `Create rule ${names.firehoseRule} with SQL SELECT * FROM '${names.telemetryTopicFilter}' and a Firehose action to ${names.deliveryStream} with separator "\\n" using role ${names.firehoseRuleRole} (lab 2, step 4): aws iot create-topic-rule --rule-name ${names.firehoseRule} --topic-rule-payload file://firehose-rule.json`;
      },
    }),
    {
      id: 'rule.separator',
      title: 'Every record ends with a newline',
      points: 2,
      dependsOn: ['rule.routes-to-firehose'],
      hints: ["Lab 4's Athena table reads one JSON document per line: the rule's Firehose action must add a newline after each message."],
      async run(ctx) {
        const { route } = await firehoseRoute(ctx);
        const processors = s3Destination(await deliveryStream(ctx))?.ProcessingConfiguration;
        const appends = processors?.Enabled === true && (processors.Processors ?? []).some((p) => p.Type === 'AppendDelimiterToRecord');
        const evidence = { rule: route!.ruleName, separator: route!.separator ?? null, deliveryStreamAppendsNewline: appends };
        if (route!.separator === '\n' || route!.separator === '\r\n') return pass(`Rule ${route!.ruleName} ends every record with a newline: one JSON document per line, as lab 4's Athena table reads them.`, { evidence });
        if (appends) return pass(`Delivery stream ${route!.destination} appends a newline to every record (AppendDelimiterToRecord): one JSON document per line.`, { evidence });
        const what = route!.separator ? `separates records with ${JSON.stringify(route!.separator)}, not a newline` : 'has no separator';
        return fail(
          `Rule ${route!.ruleName}'s Firehose action ${what}, so Firehose stores readings glued together on one line ({..}{..}). In lab 4, Athena's JSON SerDe reads one document per line: a whole object would count as one row and the other readings in it would be lost.`,
          { hint: fixSeparator(ctx, route!.ruleName), evidence },
        );
      },
    },
    roleCheck({
      id: 'rule.role-can-put',
      title: "The rule's role may put records into the delivery stream",
      points: 2,
      dependsOn: ['rule.routes-to-firehose'],
      hints: ['The role of the Firehose action must trust iot.amazonaws.com and allow firehose:PutRecord on the delivery stream.'],
      async locate(ctx) {
        const { route } = await firehoseRoute(ctx);
        const action = route?.batchMode ? 'firehose:PutRecordBatch' : 'firehose:PutRecord';
        return { user: `IoT rule ${route?.ruleName}`, roleArn: route?.roleArn, service: 'iot.amazonaws.com', actions: [action], resource: await streamArnOf(ctx, route!.destination) };
      },
    }),
    {
      id: 'firehose.active',
      title: 'The delivery stream is active, Direct PUT, and delivers to S3',
      points: 2,
      hints: ['Open Amazon Data Firehose in the console: source Direct PUT, destination Amazon S3.'],
      async run(ctx) {
        const { name, via } = await locateDeliveryStream(ctx);
        const stream = await deliveryStream(ctx);
        const names = resourceNames(ctx.config.prefix);
        if (!stream) {
          return fail(`There is no Firehose delivery stream ${name} (${via}).`, {
            hint: `Create it (lab 2, step 3): source Direct PUT, destination your bucket ${dataLakeBucket(ctx.config.prefix, ctx.target.accountId)}, or aws firehose create-delivery-stream --delivery-stream-name ${names.deliveryStream} --delivery-stream-type DirectPut --extended-s3-destination-configuration file://destination.json`,
            evidence: { deliveryStream: name },
          });
        }
        const dest = s3Destination(stream);
        const evidence = { deliveryStream: name, status: stream.DeliveryStreamStatus, source: stream.DeliveryStreamType, bucketArn: dest?.BucketARN, prefix: dest?.Prefix };
        if (stream.DeliveryStreamStatus === 'CREATING') return pending(`Delivery stream ${name} is still CREATING.`, { evidence });
        if (stream.DeliveryStreamStatus !== 'ACTIVE') {
          return fail(`Delivery stream ${name} is ${stream.DeliveryStreamStatus}${stream.FailureDescription?.Details ? `: ${stream.FailureDescription.Details}` : ''}.`, { hint: 'Delete it and create it again.', evidence });
        }
        if (stream.DeliveryStreamType !== 'DirectPut') {
          return fail(`Delivery stream ${name} reads from ${stream.DeliveryStreamType === 'KinesisStreamAsSource' ? 'a Kinesis stream' : stream.DeliveryStreamType}, so it refuses the records the IoT rule puts into it: the lab's stream takes Direct PUT.`, {
            hint: `Create it again with source "Direct PUT" (--delivery-stream-type DirectPut); the source cannot be changed.`,
            evidence,
          });
        }
        if (!dest?.BucketARN) return fail(`Delivery stream ${name} does not deliver to S3.`, { hint: 'Create it again with destination Amazon S3.', evidence });
        return pass(`Delivery stream ${name} is ACTIVE, Direct PUT, delivering to s3://${dest.BucketARN.split(':::')[1]}/${dest.Prefix ?? ''} (${via}).`, { evidence });
      },
    },
    {
      id: 'bucket.exists',
      title: 'The data lake bucket exists',
      points: 1,
      hints: ['Open the S3 console and look for the bucket the delivery stream names as its destination.'],
      async run(ctx) {
        const location = await locateLake(ctx);
        const evidence: Record<string, unknown> = { bucket: location.bucket, via: location.via };
        try {
          await ctx.clients.get(S3Client).send(new HeadBucketCommand({ Bucket: location.bucket }), { abortSignal: ctx.signal });
          return pass(`Bucket ${location.bucket} exists (${location.via}).`, { evidence });
        } catch (err) {
          const status = (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
          if (status === 403) return fail(`Bucket ${location.bucket} belongs to another account (bucket names are global).`, { hint: 'Create a bucket of your own and point the delivery stream at it.', evidence });
          if (status !== 404) throw err;
        }
        const [lastError] = await loggedDeliveryErrors(ctx, WINDOW_MS);
        if (lastError) evidence.lastDeliveryError = `${lastError.errorCode}: ${lastError.message}`;
        const writer = location.streamName ? `Delivery stream ${location.streamName} writes to bucket ${location.bucket}, which does not exist` : `There is no bucket ${location.bucket} (${location.via})`;
        const retrying = location.streamName ? ' Firehose keeps the records and retries for up to 24 hours, then gives them up.' : '';
        return fail(`${writer}${lastError ? `; Firehose logged: ${lastError.errorCode}: ${lastError.message}` : ''}.${retrying}`, {
          hint: `Create it (lab 2, step 1): aws s3 mb s3://${location.bucket}${ctx.target.region === 'us-east-1' ? '' : ` --region ${ctx.target.region}`}`,
          evidence,
        });
      },
    },
    {
      id: 'firehose.gzip',
      title: 'The delivery stream compresses objects with GZIP',
      points: 1,
      dependsOn: ['firehose.active'],
      hints: ['In the delivery stream’s destination settings, set "Compression for data records" to GZIP.'],
      async run(ctx) {
        const stream = (await deliveryStream(ctx))!;
        const dest = s3Destination(stream)!;
        const evidence = { deliveryStream: stream.DeliveryStreamName, compression: dest.CompressionFormat };
        if (dest.CompressionFormat === 'GZIP') return pass(`Delivery stream ${stream.DeliveryStreamName} writes GZIP objects (.gz).`, { evidence });
        return fail(`Delivery stream ${stream.DeliveryStreamName} writes ${dest.CompressionFormat} objects. JSON readings shrink several times with GZIP, S3 and Athena bill by the byte, and Athena reads .gz objects transparently.`, {
          hint: `aws firehose update-destination --delivery-stream-name ${stream.DeliveryStreamName} --current-delivery-stream-version-id ${stream.VersionId} --destination-id ${stream.Destinations?.[0]?.DestinationId} --extended-s3-destination-update '{"CompressionFormat":"GZIP"}'`,
          evidence,
        });
      },
    },
    {
      id: 'firehose.buffering',
      title: 'The delivery stream buffers briefly enough to see objects during the lab',
      points: 1,
      dependsOn: ['firehose.active'],
      hints: ['The lab uses buffer size 1 MiB and buffer interval 60 seconds (the console’s "Buffer hints").'],
      async run(ctx) {
        const stream = (await deliveryStream(ctx))!;
        const hints = s3Destination(stream)!.BufferingHints ?? {};
        const size = hints.SizeInMBs ?? 5;
        const interval = hints.IntervalInSeconds ?? 300;
        const evidence = { deliveryStream: stream.DeliveryStreamName, sizeInMBs: size, intervalInSeconds: interval };
        if (interval <= MAX_INTERVAL_S) {
          return pass(`Delivery stream ${stream.DeliveryStreamName} writes an object every ${interval} s or at ${size} MiB, whichever comes first.`, { evidence });
        }
        return fail(`Delivery stream ${stream.DeliveryStreamName} buffers up to ${size} MiB or ${interval} s: a device sending a reading a second fills even 1 MiB only after hours, so the interval decides, and each object would take ${interval} s to appear. The lab uses an interval of at most ${MAX_INTERVAL_S} s (1 MiB / 60 s).`, {
          hint: `aws firehose update-destination --delivery-stream-name ${stream.DeliveryStreamName} --current-delivery-stream-version-id ${stream.VersionId} --destination-id ${stream.Destinations?.[0]?.DestinationId} --extended-s3-destination-update '{"BufferingHints":{"SizeInMBs":1,"IntervalInSeconds":60}}'`,
          evidence,
        });
      },
    },
    roleCheck({
      id: 'firehose.role-can-write',
      title: "The delivery stream's role may write to the bucket",
      points: 2,
      dependsOn: ['firehose.active'],
      hints: ['The delivery stream’s role must trust firehose.amazonaws.com and allow s3:PutObject on the bucket’s objects (arn:aws:s3:::<bucket>/*).'],
      async locate(ctx) {
        const stream = (await deliveryStream(ctx))!;
        const { bucket, prefix } = await locateLake(ctx);
        return { user: `delivery stream ${stream.DeliveryStreamName}`, roleArn: s3Destination(stream)?.RoleARN, service: 'firehose.amazonaws.com', actions: ['s3:PutObject'], resource: `arn:aws:s3:::${bucket}/${prefix}*` };
      },
    }),
    metricsFlowCheck({
      id: 'firehose.metrics',
      title: 'Records flow into the delivery stream and out to S3',
      points: 2,
      dependsOn: ['rule.routes-to-firehose', 'firehose.active'],
      hints: ['Keep `lab device` running; the delivery stream’s Monitoring tab shows Incoming records and Delivery to Amazon S3 records.'],
      namespace: 'AWS/Firehose',
      windowMs: WINDOW_MS,
      series: [INCOMING, { label: 'DeliveryToS3.Records', names: ['DeliveryToS3.Records'] }],
      whenZero: 'Is `lab device` running? In AWS, metrics reach CloudWatch a few minutes late.',
      async locate(ctx) {
        const { name } = await locateDeliveryStream(ctx);
        const location = await locateLake(ctx);
        return { subject: `delivery stream ${name}`, dimensions: { DeliveryStreamName: name }, whenZero: (sums) => flushCountdown(location, sums[0]!, ctx.clock.now()) };
      },
    }),
    {
      id: 'lake.objects',
      title: 'Firehose writes GZIP objects under the prefix, named as AWS names them',
      points: 2,
      dependsOn: ['bucket.exists', 'firehose.active'],
      hints: ['Open the bucket in the S3 console and follow the prefix down the year/month/day/hour folders (UTC).'],
      async run(ctx) {
        const { location, objects } = await lakeSample(ctx);
        const where = `s3://${location.bucket}/${location.prefix}`;
        const evidence: Record<string, unknown> = { bucket: location.bucket, prefix: location.prefix, hoursListed: SAMPLE_HOURS };
        if (objects.length === 0) {
          const countdown = flushCountdown(location, await incoming(ctx, location.streamName!), ctx.clock.now());
          return pending(`No objects under ${where} in the last ${SAMPLE_HOURS} hours yet. ${countdown}`, { evidence });
        }
        evidence.newest = objects.map((o) => o.key);
        const name = firehoseObjectName(location.streamName!);
        for (const o of objects) {
          const folder = o.key.slice(location.prefix.length, o.key.lastIndexOf('/') + 1);
          const file = o.key.slice(o.key.lastIndexOf('/') + 1);
          if (!/^\d{4}\/\d{2}\/\d{2}\/\d{2}\/$/.test(folder) || !name.test(file)) {
            return fail(`Object ${o.key} is not where or how Firehose names its objects (${location.prefix}YYYY/MM/DD/HH/${location.streamName}-<version>-YYYY-MM-DD-HH-MM-SS-<uuid>.gz, in UTC): was it uploaded by hand, or by another stream?`, {
              hint: `Let the delivery stream write the objects; remove others from ${where}.`,
              evidence,
            });
          }
          if (location.compression === 'GZIP' && !o.gzip) {
            return fail(`Object ${o.key} does not start with GZIP's magic bytes 1f 8b although the stream compresses with GZIP: it was written before the change, or by something else.`, { hint: 'Wait for the next object, or remove the uncompressed ones.', evidence });
          }
        }
        const newest = objects[0]!;
        return pass(`${objects.length} newest object(s) under ${where}, e.g. ${describeObject(newest)}, in the folder of its UTC arrival hour (${newest.key.slice(location.prefix.length, newest.key.lastIndexOf('/') + 1)}).`, { evidence });
      },
    },
    {
      id: 'lake.records',
      title: 'The stored objects hold readings of the device schema, one per line',
      points: 3,
      dependsOn: ['lake.objects'],
      hints: ['Download the newest object, gunzip it and open it: one JSON reading per line.'],
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
          return fail(
            `The newest object ${newest.key} holds ${newest.parsed.values.length} JSON records on ${newest.parsed.lines} line(s): ${newest.parsed.glued} of them are glued to the one before ({..}{..}) because nothing separates the records. Athena (lab 4) would read each line as one row.`,
            { hint: route ? fixSeparator(ctx, route.ruleName) : 'Give the rule’s Firehose action the separator "\\n".', evidence },
          );
        }
        if (readings.length === 0) {
          const example = newest.parsed.malformed[0]?.excerpt ?? JSON.stringify(newest.parsed.values[0] ?? '').slice(0, 120);
          return fail(`None of the ${values + malformed} record(s) in the ${objects.length} newest object(s) is a reading of the device schema, e.g. ${example}.`, {
            hint: 'The rule must forward the device’s message unchanged: SELECT * FROM the telemetry topic.',
            evidence,
          });
        }
        const note = malformed > 0 ? `; ${malformed} malformed record(s) are stored as the device sent them (lab 4's table skips them)` : '';
        return pass(
          `The ${objects.length} newest object(s) hold ${readings.length} reading(s) of ${devices.length} device(s) (${devices.slice(0, 5).join(', ')}), TIMESTAMP ${stamps[0]} to ${stamps[stamps.length - 1]}, one JSON document per line${note}.`,
          { evidence },
        );
      },
    },
    {
      id: 'lake.fresh-object',
      title: 'A fresh object holds readings of the device',
      points: 2,
      dependsOn: ['lake.objects'],
      hints: ['Run `lab device` and wait one buffer interval: a new object appears in the folder of the current UTC hour.'],
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
          return pass(`Object ${withDevice.key}, written ${Math.round((now - withDevice.lastModified) / 1000)} s ago, holds ${count} reading(s) of ${device}.`, { evidence });
        }
        const seen = withDevice ? `The newest object with readings of ${device} was written ${Math.round((now - withDevice.lastModified) / 60_000)} minutes ago` : `None of the ${objects.length} newest object(s) holds readings of ${device}`;
        return pending(`${seen}. ${flushCountdown(location, await incoming(ctx, location.streamName!), now)}`, { evidence });
      },
    },
    {
      id: 'lake.no-errors',
      title: 'Firehose reports no delivery errors',
      points: 1,
      dependsOn: ['firehose.active', 'bucket.exists'],
      hints: ['Look under the error output prefix in the bucket, and at the delivery stream’s "Destination error logs".'],
      async run(ctx) {
        const { location, objects } = await lakeSample(ctx);
        const lastGood = objects[0]?.lastModified ?? 0;
        const errors = await errorRecords(ctx);
        const logged = (await loggedDeliveryErrors(ctx, WINDOW_MS)).filter((e) => e.at > lastGood);
        const evidence: Record<string, unknown> = { errorPrefix: location.errorPrefix ?? null, errorObjects: errors.objects, loggedErrorsSinceLastObject: logged.length };
        const found: CheckResult | undefined = errors.records.length > 0
          ? fail(`${errors.records.length} record(s) under s3://${location.bucket}/${errors.folder} could not be delivered: ${errors.records[0]!.errorCode}: ${errors.records[0]!.errorMessage} (${errors.records[0]!.key}).`, {
              hint: 'Fix the cause named in errorCode/errorMessage; the records themselves are in each error record’s rawData (base64).',
              evidence: { ...evidence, errorCode: errors.records[0]!.errorCode, errorMessage: errors.records[0]!.errorMessage },
            })
          : logged.length > 0
            ? fail(`Firehose logged ${logged.length} delivery error(s) since the newest object: ${logged[0]!.errorCode}: ${logged[0]!.message}.`, {
                hint: 'S3.AccessDenied: the stream’s role may not write the bucket; S3.NoSuchBucket: the bucket was deleted.',
                evidence: { ...evidence, errorCode: logged[0]!.errorCode, errorMessage: logged[0]!.message },
              })
            : undefined;
        if (found) return found;
        return pass(`No error records${errors.folder ? ` under s3://${location.bucket}/${errors.folder}` : ' (the stream has no error output prefix)'} and no delivery errors logged.`, { evidence });
      },
    },
  ],
});
