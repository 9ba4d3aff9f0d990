// The input members CreateEventSourceMapping and UpdateEventSourceMapping share, with the limits of
// Lambda's API model.

import { any, bool, int, list, map, str, struct, type Shape } from '../../../protocols/shapes.js';

export const eventSourceArn = () => str({ pattern: 'arn:(aws[a-zA-Z0-9-]*):([a-zA-Z0-9\\-])+:([a-z]{2}(-gov)?-[a-z]+-\\d{1})?:(\\d{12})?:(.*)' });

export const startingPosition = () => str({ enum: ['TRIM_HORIZON', 'LATEST', 'AT_TIMESTAMP'] });

/** Members both operations take, with the same constraints. */
export const commonMembers = (): Record<string, Shape> => ({
  Enabled: bool(),
  BatchSize: int({ min: 1, max: 10000 }),
  FilterCriteria: any(),
  MaximumBatchingWindowInSeconds: int({ min: 0, max: 300 }),
  DestinationConfig: struct({ OnSuccess: struct({ Destination: str({ max: 350 }) }), OnFailure: struct({ Destination: str({ max: 350 }) }) }),
  MaximumRecordAgeInSeconds: int({ min: -1, max: 604800 }),
  BisectBatchOnFunctionError: bool(),
  MaximumRetryAttempts: int({ min: -1, max: 10000 }),
  ParallelizationFactor: int({ min: 1, max: 10 }),
  TumblingWindowInSeconds: int({ min: 0, max: 900 }),
  FunctionResponseTypes: list(str({ enum: ['ReportBatchItemFailures'] }), { min: 0, max: 1 }),
  SourceAccessConfigurations: any(),
  ScalingConfig: any(),
  KMSKeyArn: str(),
  MetricsConfig: any(),
  LoggingConfig: any(),
  ProvisionedPollerConfig: any(),
  Tags: map(str(), str()),
});

/** The settings both operations may set, as the handlers see them. */
export interface SettingsInput {
  Enabled?: boolean;
  BatchSize?: number;
  MaximumBatchingWindowInSeconds?: number;
  DestinationConfig?: { OnSuccess?: { Destination?: string }; OnFailure?: { Destination?: string } };
  MaximumRecordAgeInSeconds?: number;
  BisectBatchOnFunctionError?: boolean;
  MaximumRetryAttempts?: number;
  ParallelizationFactor?: number;
  TumblingWindowInSeconds?: number;
  FunctionResponseTypes?: string[];
}
