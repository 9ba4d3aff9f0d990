// Input shapes Firehose operations share (from the 2015-08-04 model): names, ARNs, tags and the S3
// destination configuration, declared once as data.

import { any, bool, int, list, str, struct } from '../../protocols/shapes.js';

export const deliveryStreamName = (required = true) => str({ required, min: 1, max: 64, pattern: '[a-zA-Z0-9_.-]+' });
export const roleArn = (required = false) => str({ required, min: 1, max: 512, pattern: 'arn:.*:iam::\\d{12}:role/[a-zA-Z_0-9+=,.@\\-_/]+' });
export const bucketArn = (required = false) => str({ required, min: 1, max: 2048, pattern: 'arn:.*:s3:::[\\w\\.\\-]{1,255}' });
export const deliveryStreamType = str({ enum: ['DirectPut', 'KinesisStreamAsSource', 'MSKAsSource', 'DatabaseAsSource'] });
export const tagKey = (required = false) => str({ required, min: 1, max: 128, pattern: '^(?!aws:)[\\p{L}\\p{Z}\\p{N}_.:\\/=+\\-@%]*$' });
export const tag = struct({ Key: tagKey(true), Value: str({ min: 0, max: 256, pattern: '^[\\p{L}\\p{Z}\\p{N}_.:\\/=+\\-@%]*$' }) });
export const tagList = (required = false) => list(tag, { required, min: 1, max: 50 });

const bufferingHints = struct({ SizeInMBs: int({ min: 1, max: 128 }), IntervalInSeconds: int({ min: 0, max: 900 }) });
const compressionFormat = str({ enum: ['UNCOMPRESSED', 'GZIP', 'ZIP', 'Snappy', 'HADOOP_SNAPPY'] });
const encryptionConfiguration = struct({
  NoEncryptionConfig: str({ enum: ['NoEncryption'] }),
  KMSEncryptionConfig: struct({ AWSKMSKeyARN: str({ required: true, min: 1, max: 512 }) }),
});
const cloudWatchLoggingOptions = struct({
  Enabled: bool(),
  LogGroupName: str({ min: 0, max: 512, pattern: '[\\.\\-_/#A-Za-z0-9]*' }),
  LogStreamName: str({ min: 0, max: 512, pattern: '[^:*]*' }),
});
const processingConfiguration = struct({
  Enabled: bool(),
  Processors: list(struct({ Type: str({ required: true }), Parameters: any() })),
});

/** S3DestinationConfiguration (and S3DestinationUpdate when `update`, where nothing is required). */
export function s3Destination(update = false) {
  return struct({
    RoleARN: roleArn(!update),
    BucketARN: bucketArn(!update),
    Prefix: str({ min: 0, max: 1024, pattern: '.*' }),
    ErrorOutputPrefix: str({ min: 0, max: 1024, pattern: '.*' }),
    BufferingHints: bufferingHints,
    CompressionFormat: compressionFormat,
    EncryptionConfiguration: encryptionConfiguration,
    CloudWatchLoggingOptions: cloudWatchLoggingOptions,
  });
}

/** ExtendedS3DestinationConfiguration (or ExtendedS3DestinationUpdate). */
export function extendedS3Destination(update = false) {
  return struct({
    ...s3Destination(update).members,
    ProcessingConfiguration: processingConfiguration,
    S3BackupMode: str({ enum: ['Disabled', 'Enabled'] }),
    S3BackupConfiguration: any(),
    S3BackupUpdate: any(),
    DataFormatConversionConfiguration: any(),
    DynamicPartitioningConfiguration: any(),
    FileExtension: str({ min: 0, max: 128, pattern: "^$|\\.[0-9a-z!\\-_.*'()]+" }),
    CustomTimeZone: str({ min: 0, max: 50, pattern: '^$|[a-zA-Z/_]+' }),
  });
}

/** Destinations other than S3: declared so the sandbox can refuse them clearly instead of dropping them. */
export const otherDestinations = [
  'Redshift',
  'Elasticsearch',
  'Amazonopensearchservice',
  'Splunk',
  'HttpEndpoint',
  'AmazonOpenSearchServerless',
  'Snowflake',
  'Iceberg',
] as const;
