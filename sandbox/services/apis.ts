// The small typed interfaces through which services call each other in-process (never over HTTP).
// Each service's own api.ts defines its interface; its start() puts the implementation in sandbox.apis.

import type { StsApi } from './sts/api.js';
import type { IamApi } from './iam/api.js';
import type { S3Api } from './s3/api.js';
import type { CloudWatchApi } from './cloudwatch/api.js';
import type { LogsApi } from './logs/api.js';
import type { KinesisApi } from './kinesis/api.js';
import type { LambdaApi } from './lambda/api.js';
import type { FirehoseApi } from './firehose/api.js';
import type { DynamoDbApi } from './dynamodb/api.js';
import type { IotApi } from './iot/api.js';
import type { GlueApi } from './glue/api.js';
import type { AthenaApi } from './athena/api.js';

export interface SandboxApis {
  sts: StsApi;
  iam: IamApi;
  s3: S3Api;
  cloudwatch: CloudWatchApi;
  logs: LogsApi;
  kinesis: KinesisApi;
  lambda: LambdaApi;
  firehose: FirehoseApi;
  dynamodb: DynamoDbApi;
  iot: IotApi;
  glue: GlueApi;
  athena: AthenaApi;
}
