// Every service a reset looks in.

import type { ServiceReset } from '../service.js';
import { apigatewayReset } from './apigateway.js';
import { athenaReset } from './athena.js';
import { deviceFilesReset } from './device-files.js';
import { dynamodbReset } from './dynamodb.js';
import { firehoseReset } from './firehose.js';
import { glueReset } from './glue.js';
import { iamReset } from './iam.js';
import { iotReset } from './iot.js';
import { kinesisReset } from './kinesis.js';
import { lambdaFunctionsReset, lambdaMappingsReset } from './lambda.js';
import { logsReset } from './logs.js';
import { s3Reset } from './s3.js';

export const SERVICE_RESETS: readonly ServiceReset[] = [
  iotReset,
  lambdaFunctionsReset,
  lambdaMappingsReset,
  apigatewayReset,
  firehoseReset,
  s3Reset,
  glueReset,
  athenaReset,
  kinesisReset,
  dynamodbReset,
  logsReset,
  iamReset,
  deviceFilesReset,
];
