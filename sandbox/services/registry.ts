// The services this sandbox runs, in one explicit list.

import type { Sandbox } from '../sandbox.js';
import type { ServiceDefinition } from './definition.js';
import * as sts from './sts/service.js';
import * as kinesis from './kinesis/service.js';
import * as iam from './iam/service.js';
import * as dynamodb from './dynamodb/service.js';
import * as firehose from './firehose/service.js';
import * as cloudwatch from './cloudwatch/service.js';
import * as logs from './logs/service.js';
import * as s3 from './s3/service.js';
import * as lambda from './lambda/service.js';
import * as iot from './iot/service.js';
import * as iotData from './iot-data/service.js';
import * as apigateway from './apigateway/service.js';
import * as glue from './glue/service.js';
import * as athena from './athena/service.js';

export interface ServiceModule {
  service: ServiceDefinition;
  /** Sets up the service's in-process API and background work for one sandbox. */
  start?(sandbox: Sandbox): void | Promise<void>;
}

export const serviceModules: ServiceModule[] = [sts, iam, s3, dynamodb, cloudwatch, logs, firehose, kinesis, lambda, apigateway, iot, iotData, glue, athena];
