// The rule actions the sandbox runs, by the member name they have in a TopicRulePayload.

import type { RuleActionHandler } from './action.js';
import { dynamoDbV2Action } from './dynamodb-v2.js';
import { firehoseAction } from './firehose.js';
import { kinesisAction } from './kinesis.js';
import { lambdaAction } from './lambda.js';
import { republishAction } from './republish.js';
import { s3Action } from './s3.js';

export const ruleActions: Record<string, RuleActionHandler> = {
  kinesis: kinesisAction,
  firehose: firehoseAction,
  lambda: lambdaAction,
  dynamoDBv2: dynamoDbV2Action,
  s3: s3Action,
  republish: republishAction,
};
