// Reference solution of lab 1: stream, table, the two roles, the ingest function (Python or Node.js,
// zipped at deploy time) with its Kinesis trigger, and the IoT rule that feeds the stream.

import { defineSolution } from '../../src/engine/solution.js';
import { resourceNames } from '../../src/labs/resource-names.js';
import { ensureTable } from '../lib/dynamodb-table.js';
import { ensureStreamTrigger } from '../lib/event-source-mapping.js';
import { ensureRole } from '../lib/iam-role.js';
import { ensureStream } from '../lib/kinesis-stream.js';
import { ensureFunction } from '../lib/lambda-function.js';
import { Ledger } from '../lib/ledger.js';
import { ensureTopicRule } from '../lib/topic-rule.js';
import { functionCode, runtimeChoice } from '../lib/function-code.js';

export default defineSolution({
  async deploy(ctx) {
    const runtime = runtimeChoice(ctx.choices);
    const names = resourceNames(ctx.config.prefix);
    const { region, accountId } = ctx.target;
    const ledger = new Ledger(ctx);

    const streamArn = await ensureStream(ctx, ledger, names.stream);
    const tableArn = await ensureTable(ctx, ledger, names.table, 'deviceid', 'timestamp');

    const ingestRoleArn = await ensureRole(ctx, ledger, {
      name: names.ingestRole,
      service: 'lambda.amazonaws.com',
      description: 'Lets the ingest function read the readings stream and write the readings table.',
      inline: {
        'read-stream': {
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Action: ['kinesis:DescribeStream', 'kinesis:DescribeStreamSummary', 'kinesis:GetRecords', 'kinesis:GetShardIterator', 'kinesis:ListShards'], Resource: streamArn },
            { Effect: 'Allow', Action: 'kinesis:ListStreams', Resource: '*' },
          ],
        },
        'write-table': {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: ['dynamodb:BatchWriteItem', 'dynamodb:PutItem'], Resource: tableArn }],
        },
        logs: {
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Action: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'], Resource: `arn:aws:logs:${region}:${accountId}:log-group:/aws/lambda/${names.ingestFunction}:*` },
          ],
        },
      },
    });
    const code = await functionCode('01-stream-to-dynamo', runtime);
    await ensureFunction(ctx, ledger, {
      name: names.ingestFunction,
      runtime: code.runtime,
      handler: code.handler,
      roleArn: ingestRoleArn,
      zip: code.zip,
      environment: { TABLE_NAME: names.table },
      timeout: 30,
      description: 'Writes device readings from the Kinesis stream into DynamoDB.',
    });
    await ensureStreamTrigger(ctx, ledger, streamArn, names.ingestFunction);

    const ruleRoleArn = await ensureRole(ctx, ledger, {
      name: names.ruleRole,
      service: 'iot.amazonaws.com',
      description: 'Lets the IoT rule put device messages into the readings stream.',
      inline: { 'put-records': { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['kinesis:PutRecord', 'kinesis:PutRecords'], Resource: streamArn }] } },
    });
    await ensureTopicRule(ctx, ledger, names.streamRule, {
      sql: `SELECT * FROM '${names.telemetryTopicFilter}'`,
      description: 'Device telemetry to the readings stream, partitioned by device (the third topic level).',
      actions: [{ kinesis: { streamName: names.stream, partitionKey: '${topic(3)}', roleArn: ruleRoleArn } }],
    });
    return ledger.result();
  },
});
