// The S3 destination: built from S3DestinationConfiguration / ExtendedS3DestinationConfiguration with
// AWS's defaults (5 MiB / 300 s, UNCOMPRESSED), merged with an UpdateDestination, described back, and
// checked for the features the sandbox refuses rather than fakes.

import type { CompressionFormat, S3Destination } from './store.js';
import { invalidArgument, notEmulated } from './errors.js';
import { validatePrefixes } from './prefix.js';

export const DESTINATION_ID = 'destinationId-000000000001';
export const DEFAULT_SIZE_MB = 5;
export const DEFAULT_INTERVAL_SECONDS = 300;
export const SUPPORTED_PROCESSORS = ['AppendDelimiterToRecord'];

export interface S3DestinationInput {
  RoleARN?: string;
  BucketARN?: string;
  Prefix?: string;
  ErrorOutputPrefix?: string;
  BufferingHints?: { SizeInMBs?: number; IntervalInSeconds?: number };
  CompressionFormat?: string;
  EncryptionConfiguration?: Record<string, unknown>;
  CloudWatchLoggingOptions?: S3Destination['CloudWatchLoggingOptions'];
  ProcessingConfiguration?: S3Destination['ProcessingConfiguration'];
  S3BackupMode?: string;
  S3BackupConfiguration?: unknown;
  S3BackupUpdate?: unknown;
  DataFormatConversionConfiguration?: { Enabled?: boolean };
  DynamicPartitioningConfiguration?: { Enabled?: boolean };
  FileExtension?: string;
  CustomTimeZone?: string;
}

/** The bucket name in `arn:aws:s3:::name`. */
export const bucketName = (bucketArn: string) => bucketArn.slice(bucketArn.lastIndexOf(':') + 1);

/** A new destination from its configuration (`base` is the current one for UpdateDestination). */
export function buildDestination(input: S3DestinationInput, extended: boolean, base?: S3Destination): S3Destination {
  const merged: S3Destination = {
    ...(base ?? ({} as S3Destination)),
    extended: extended || (base?.extended ?? false),
    RoleARN: input.RoleARN ?? base!.RoleARN,
    BucketARN: input.BucketARN ?? base!.BucketARN,
    BufferingHints: {
      SizeInMBs: input.BufferingHints?.SizeInMBs ?? base?.BufferingHints.SizeInMBs ?? DEFAULT_SIZE_MB,
      IntervalInSeconds: input.BufferingHints?.IntervalInSeconds ?? base?.BufferingHints.IntervalInSeconds ?? DEFAULT_INTERVAL_SECONDS,
    },
    CompressionFormat: (input.CompressionFormat ?? base?.CompressionFormat ?? 'UNCOMPRESSED') as CompressionFormat,
    EncryptionConfiguration: input.EncryptionConfiguration ?? base?.EncryptionConfiguration ?? { NoEncryptionConfig: 'NoEncryption' },
    CloudWatchLoggingOptions: input.CloudWatchLoggingOptions ?? base?.CloudWatchLoggingOptions ?? { Enabled: false },
  };
  for (const field of ['Prefix', 'ErrorOutputPrefix', 'ProcessingConfiguration', 'S3BackupMode', 'FileExtension', 'CustomTimeZone'] as const) {
    if (input[field] !== undefined) (merged as unknown as Record<string, unknown>)[field] = input[field];
  }
  if (merged.extended) merged.S3BackupMode ??= 'Disabled';
  checkSupported(merged, input);
  validatePrefixes(merged.Prefix, merged.ErrorOutputPrefix);
  return merged;
}

function checkSupported(dest: S3Destination, input: S3DestinationInput): void {
  if (dest.CompressionFormat !== 'UNCOMPRESSED' && dest.CompressionFormat !== 'GZIP') {
    throw notEmulated(`CompressionFormat ${dest.CompressionFormat} (use UNCOMPRESSED or GZIP)`);
  }
  if (input.DataFormatConversionConfiguration?.Enabled) throw notEmulated('record format conversion (DataFormatConversionConfiguration)');
  if (input.DynamicPartitioningConfiguration?.Enabled) throw notEmulated('dynamic partitioning (DynamicPartitioningConfiguration)');
  if (dest.S3BackupMode === 'Enabled' || input.S3BackupConfiguration !== undefined || input.S3BackupUpdate !== undefined) {
    throw notEmulated('source record backup (S3BackupMode Enabled)');
  }
  if (dest.CustomTimeZone && dest.CustomTimeZone !== 'UTC') throw notEmulated(`CustomTimeZone ${dest.CustomTimeZone} (keys are in UTC)`);
  const processing = dest.ProcessingConfiguration;
  if (processing?.Enabled) {
    for (const p of processing.Processors ?? []) {
      if (!SUPPORTED_PROCESSORS.includes(p.Type)) throw notEmulated(`the ${p.Type} processor (only AppendDelimiterToRecord is applied)`);
    }
  }
  if (dest.EncryptionConfiguration.NoEncryptionConfig && dest.EncryptionConfiguration.KMSEncryptionConfig) {
    throw invalidArgument('EncryptionConfiguration must specify either NoEncryptionConfig or KMSEncryptionConfig, not both.');
  }
}

/** Whether records get a newline appended (the AppendDelimiterToRecord processor). */
export function appendsDelimiter(dest: S3Destination): boolean {
  return Boolean(dest.ProcessingConfiguration?.Enabled && dest.ProcessingConfiguration.Processors?.some((p) => p.Type === 'AppendDelimiterToRecord'));
}

/** `.gz` for GZIP unless the destination names its own FileExtension. */
export function fileExtension(dest: S3Destination): string {
  if (dest.FileExtension !== undefined && dest.FileExtension !== '') return dest.FileExtension;
  return dest.CompressionFormat === 'GZIP' ? '.gz' : '';
}

/** DestinationDescription: AWS describes every S3 destination both ways. */
export function describeDestination(dest: S3Destination) {
  const plain = {
    RoleARN: dest.RoleARN,
    BucketARN: dest.BucketARN,
    Prefix: dest.Prefix,
    ErrorOutputPrefix: dest.ErrorOutputPrefix,
    BufferingHints: dest.BufferingHints,
    CompressionFormat: dest.CompressionFormat,
    EncryptionConfiguration: dest.EncryptionConfiguration,
    CloudWatchLoggingOptions: dest.CloudWatchLoggingOptions,
  };
  return {
    DestinationId: DESTINATION_ID,
    S3DestinationDescription: plain,
    ExtendedS3DestinationDescription: {
      ...plain,
      ProcessingConfiguration: dest.ProcessingConfiguration,
      S3BackupMode: dest.S3BackupMode ?? 'Disabled',
      FileExtension: dest.FileExtension,
      CustomTimeZone: dest.CustomTimeZone,
    },
  };
}
