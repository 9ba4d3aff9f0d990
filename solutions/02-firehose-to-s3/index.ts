// Reference solution of lab 2: the data-lake bucket, the Firehose role that may write it, a Direct PUT
// delivery stream (GZIP, 1 MiB / 60 s buffering, `telemetry/` prefix, error output prefix, delivery
// errors logged), and an IoT rule with a Firehose action that ends every record with a newline.

import { defineSolution } from '../../src/engine/solution.js';
import { dataLakeBucket, resourceNames } from '../../src/labs/resource-names.js';
import { ensureDeliveryStream } from '../lib/firehose-delivery-stream.js';
import { ensureRole } from '../lib/iam-role.js';
import { Ledger } from '../lib/ledger.js';
import { ensureLogStream } from '../lib/log-group.js';
import { ensureBucket } from '../lib/s3-bucket.js';
import { ensureTopicRule } from '../lib/topic-rule.js';

/** The lab's buffering: small enough that a workshop sees objects within a minute. */
export const BUFFERING = { SizeInMBs: 1, IntervalInSeconds: 60 } as const;
/** Firehose logs delivery errors to this stream of the group `/aws/kinesisfirehose/<delivery stream>`, as the console sets it up. */
export const DELIVERY_LOG_STREAM = 'DestinationDelivery';

export default defineSolution({
  async deploy(ctx) {
    const names = resourceNames(ctx.config.prefix);
    const { region, accountId } = ctx.target;
    const ledger = new Ledger(ctx);
    const bucket = dataLakeBucket(ctx.config.prefix, accountId);
    const bucketArn = await ensureBucket(ctx, ledger, bucket);
    const logGroup = `/aws/kinesisfirehose/${names.deliveryStream}`;
    await ensureLogStream(ctx, ledger, logGroup, DELIVERY_LOG_STREAM);

    const deliveryRoleArn = await ensureRole(ctx, ledger, {
      name: names.deliveryRole,
      service: 'firehose.amazonaws.com',
      description: 'Lets the Firehose delivery stream write the data lake bucket and log its delivery errors.',
      inline: {
        'write-bucket': {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Action: ['s3:AbortMultipartUpload', 's3:GetBucketLocation', 's3:GetObject', 's3:ListBucket', 's3:ListBucketMultipartUploads', 's3:PutObject'],
              Resource: [bucketArn, `${bucketArn}/*`],
            },
          ],
        },
        logs: {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 'logs:PutLogEvents', Resource: `arn:aws:logs:${region}:${accountId}:log-group:${logGroup}:*` }],
        },
      },
    });
    const deliveryStreamArn = await ensureDeliveryStream(ctx, ledger, names.deliveryStream, {
      RoleARN: deliveryRoleArn,
      BucketARN: bucketArn,
      Prefix: names.dataLakePrefix,
      ErrorOutputPrefix: names.errorOutputPrefix,
      BufferingHints: { ...BUFFERING },
      CompressionFormat: 'GZIP',
      CloudWatchLoggingOptions: { Enabled: true, LogGroupName: logGroup, LogStreamName: DELIVERY_LOG_STREAM },
    });

    const ruleRoleArn = await ensureRole(ctx, ledger, {
      name: names.firehoseRuleRole,
      service: 'iot.amazonaws.com',
      description: 'Lets the IoT rule put device messages into the Firehose delivery stream.',
      inline: { 'put-records': { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['firehose:PutRecord', 'firehose:PutRecordBatch'], Resource: deliveryStreamArn }] } },
    });
    await ensureTopicRule(ctx, ledger, names.firehoseRule, {
      sql: `SELECT * FROM '${names.telemetryTopicFilter}'`,
      description: 'Device telemetry to the data lake through Firehose, one JSON document per line.',
      actions: [{ firehose: { deliveryStreamName: names.deliveryStream, roleArn: ruleRoleArn, separator: '\n' } }],
    });
    return ledger.result();
  },
});
