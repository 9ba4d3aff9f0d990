// Input shapes Athena operations share (from the 2017-05-18 model), declared once as data.

import { any, bool, int, list, long, str, struct } from '../../protocols/shapes.js';

export const workGroupName = (required = false) => str({ required, pattern: '[a-zA-Z0-9._-]{1,128}' });
export const queryExecutionId = (required = false) => str({ required, min: 1, max: 128, pattern: '\\S+' });
export const namedQueryId = (required = false) => str({ required, min: 1, max: 128, pattern: '\\S+' });
export const token = str({ min: 1, max: 1024 });
export const idempotencyToken = str({ min: 32, max: 128 });
export const queryString = (required = false) => str({ required, min: 1, max: 262144 });
export const databaseString = (required = false) => str({ required, min: 1, max: 255 });
export const nameString = (required = false) => str({ required, min: 1, max: 128 });
export const catalogName = (required = false) => str({ required, min: 1, max: 256 });

export const tag = struct({ Key: str({ min: 1, max: 128 }), Value: str({ min: 0, max: 256 }) });
export const tagList = (required = false) => list(tag, { required });

const encryptionConfiguration = struct({ EncryptionOption: str({ required: true, enum: ['SSE_S3', 'SSE_KMS', 'CSE_KMS'] }), KmsKey: str() });
const aclConfiguration = struct({ S3AclOption: str({ required: true, enum: ['BUCKET_OWNER_FULL_CONTROL'] }) });
const accountId = str({ min: 12, max: 12, pattern: '^[0-9]+$' });

export const resultConfiguration = struct({
  OutputLocation: str(),
  EncryptionConfiguration: encryptionConfiguration,
  ExpectedBucketOwner: accountId,
  AclConfiguration: aclConfiguration,
});

export const resultConfigurationUpdates = struct({
  OutputLocation: str(),
  RemoveOutputLocation: bool(),
  EncryptionConfiguration: encryptionConfiguration,
  RemoveEncryptionConfiguration: bool(),
  ExpectedBucketOwner: accountId,
  RemoveExpectedBucketOwner: bool(),
  AclConfiguration: aclConfiguration,
  RemoveAclConfiguration: bool(),
});

const engineVersion = struct({ SelectedEngineVersion: str({ min: 1, max: 128 }), EffectiveEngineVersion: str({ min: 1, max: 128 }) });

export const workGroupConfiguration = struct({
  ResultConfiguration: resultConfiguration,
  ManagedQueryResultsConfiguration: any(),
  EnforceWorkGroupConfiguration: bool(),
  PublishCloudWatchMetricsEnabled: bool(),
  BytesScannedCutoffPerQuery: long({ min: 10000000 }),
  RequesterPaysEnabled: bool(),
  EngineVersion: engineVersion,
  AdditionalConfiguration: str({ min: 1, max: 128 }),
  ExecutionRole: str({ min: 20, max: 2048 }),
  MonitoringConfiguration: any(),
  EngineConfiguration: any(),
  CustomerContentEncryptionConfiguration: any(),
  EnableMinimumEncryptionConfiguration: bool(),
  IdentityCenterConfiguration: any(),
  QueryResultsS3AccessGrantsConfiguration: any(),
});

export const workGroupConfigurationUpdates = struct({
  EnforceWorkGroupConfiguration: bool(),
  ResultConfigurationUpdates: resultConfigurationUpdates,
  ManagedQueryResultsConfigurationUpdates: any(),
  PublishCloudWatchMetricsEnabled: bool(),
  BytesScannedCutoffPerQuery: long({ min: 10000000 }),
  RemoveBytesScannedCutoffPerQuery: bool(),
  RequesterPaysEnabled: bool(),
  EngineVersion: engineVersion,
  RemoveCustomerContentEncryptionConfiguration: bool(),
  AdditionalConfiguration: str({ min: 1, max: 128 }),
  ExecutionRole: str({ min: 20, max: 2048 }),
  CustomerContentEncryptionConfiguration: any(),
  EnableMinimumEncryptionConfiguration: bool(),
  QueryResultsS3AccessGrantsConfiguration: any(),
  MonitoringConfiguration: any(),
  EngineConfiguration: any(),
});

export const maxResults = (min: number, max: number) => int({ min, max });
