// Lab 1: device topic → IoT rule → Kinesis stream → Lambda trigger → ingest function → DynamoDB.
// The checks trace the pipeline in that order, so the first failing check names the first broken hop.

import { defineChecks, type CheckContext } from '../src/engine/types.js';
import { fail, pass, pending } from '../src/engine/result.js';
import { mappingEnabledCheck } from './lib/mapping-check.js';
import { resourceNames } from '../src/labs/resource-names.js';
import { deviceName, deviceTopic } from './lib/device.js';
import { freshItemsCheck, isIntegerNumber, type Item } from './lib/fresh-items-check.js';
import { routeCheck } from './lib/route-check.js';
import { sumSeries } from './lib/metrics.js';
import { metricsFlowCheck } from './lib/metrics-check.js';
import { roleCheck } from './lib/role-check.js';
import { tableFunctionCheck } from './lib/function-check.js';
import { describeStream, streamActiveCheck } from './lib/stream-check.js';
import { describeTable, tableSchemaCheck } from './lib/table-check.js';
import { ingestFunction, locateFunction, locateMapping, locateStream, locateTable, streamRoute } from './lib/stream-pipeline.js';

const WINDOW_MS = 15 * 60_000;
const FRESH_MS = 10 * 60_000;

async function streamArn(ctx: CheckContext): Promise<string> {
  const { name } = await locateStream(ctx);
  return (await describeStream(ctx, name))?.StreamARN ?? `arn:aws:kinesis:${ctx.target.region}:${ctx.target.accountId}:stream/${name}`;
}

async function tableArn(ctx: CheckContext): Promise<string> {
  const { name } = await locateTable(ctx);
  return (await describeTable(ctx, name))?.TableArn ?? `arn:aws:dynamodb:${ctx.target.region}:${ctx.target.accountId}:table/${name}`;
}

/** Reading values may keep the message's spelling (HUMIDITY) or be lower-cased (humidity). */
function readingProblem(item: Item): string | undefined {
  for (const field of ['humidity', 'temperature']) {
    const value = item[field] ?? item[field.toUpperCase()];
    if (!value) return `has no ${field} attribute`;
    if (!isIntegerNumber(value)) return `stores ${field} as ${JSON.stringify(value)}, not as an integer number`;
  }
  return undefined;
}

export default defineChecks({
  checks: [
    routeCheck({
      id: 'rule.routes-to-stream',
      title: 'An IoT rule sends the device topic to a Kinesis stream',
      points: 2,
      hints: [
        'In the IoT console, open Message routing → Rules: one rule must read the telemetry topic and have a Kinesis action.',
        "The rule's SQL is SELECT * FROM '<prefix>/telemetry/#'; its action is \"Send a message to an Amazon Kinesis Stream\" with partition key ${topic(3)}.",
      ],
      find: streamRoute,
      destination: 'a Kinesis stream',
      action: 'Kinesis',
      noun: 'stream',
      evidenceKey: 'stream',
      createHint(ctx) {
        const names = resourceNames(ctx.config.prefix);
        return `Create rule ${names.streamRule} with SQL SELECT * FROM '${names.telemetryTopicFilter}' and a Kinesis action to stream ${names.stream} using role ${names.ruleRole} (lab 1, step 5): aws iot create-topic-rule --rule-name ${names.streamRule} --topic-rule-payload file://rule.json`;
      },
    }),
    roleCheck({
      id: 'rule.role-can-put',
      title: "The rule's role may put records into the stream",
      points: 2,
      dependsOn: ['rule.routes-to-stream'],
      hints: ['The role of the Kinesis action must trust iot.amazonaws.com and allow kinesis:PutRecord on the stream.'],
      async locate(ctx) {
        const { route } = await streamRoute(ctx);
        return { user: `IoT rule ${route?.ruleName}`, roleArn: route?.roleArn, service: 'iot.amazonaws.com', actions: ['kinesis:PutRecord'], resource: await streamArn(ctx) };
      },
    }),
    streamActiveCheck({
      id: 'stream.active',
      title: 'The Kinesis stream is active',
      points: 1,
      hints: ['Open the Kinesis console → Data streams and look at the status.'],
      locate: locateStream,
    }),
    mappingEnabledCheck({
      id: 'mapping.enabled',
      title: 'The stream triggers a Lambda function',
      points: 2,
      dependsOn: ['stream.active'],
      hints: ["In the function's console page, Add trigger → Kinesis, choose the stream, starting position Trim horizon."],
      async locate(ctx) {
        const { streamArn, mapping, mappings } = await locateMapping(ctx);
        const source = `stream ${(await locateStream(ctx)).name}`;
        return { source, sourceArn: streamArn, mapping, count: mappings.length, suggestedFunction: resourceNames(ctx.config.prefix).ingestFunction };
      },
    }),
    tableFunctionCheck({
      id: 'function.configured',
      title: 'The ingest function exists and knows its table',
      points: 2,
      hints: ['The function needs a Python or Node.js runtime, a handler, and an environment variable TABLE_NAME with the table name.'],
      locate: locateFunction,
      read: ingestFunction,
      missingHint: 'Create the ingest function (lab 1, step 4), or `lab solve 1` to see the reference.',
      use: 'write',
    }),
    roleCheck({
      id: 'function.role-can-read-stream',
      title: "The function's role may read the stream",
      points: 1,
      dependsOn: ['function.configured', 'stream.active'],
      hints: ['Attach the AWS managed policy AWSLambdaKinesisExecutionRole to the function’s role, or allow the Kinesis read actions on the stream.'],
      async locate(ctx) {
        const fn = await ingestFunction(ctx);
        return {
          user: `function ${fn?.FunctionName}`,
          roleArn: fn?.Role,
          service: 'lambda.amazonaws.com',
          actions: ['kinesis:GetRecords', 'kinesis:GetShardIterator', 'kinesis:DescribeStream', 'kinesis:ListShards'],
          resource: await streamArn(ctx),
        };
      },
    }),
    tableSchemaCheck({
      id: 'table.schema',
      title: 'The DynamoDB table has the readings key schema',
      points: 1,
      hints: ['Partition key deviceid (String), sort key timestamp (String).'],
      locate: locateTable,
      hash: { name: 'deviceid', type: 'S' },
      range: { name: 'timestamp', type: 'S' },
    }),
    roleCheck({
      id: 'function.role-can-write-table',
      title: "The function's role may write to the table",
      points: 2,
      dependsOn: ['function.configured', 'table.schema'],
      hints: ['Add an inline policy to the function’s role allowing dynamodb:BatchWriteItem (and PutItem) on the table’s ARN.'],
      async locate(ctx) {
        const fn = await ingestFunction(ctx);
        return {
          user: `function ${fn?.FunctionName}`,
          roleArn: fn?.Role,
          service: 'lambda.amazonaws.com',
          actions: [['dynamodb:BatchWriteItem', 'dynamodb:PutItem']],
          resource: await tableArn(ctx),
        };
      },
    }),
    metricsFlowCheck({
      id: 'stream.metrics',
      title: 'Records flow into and out of the stream',
      points: 2,
      dependsOn: ['rule.routes-to-stream', 'stream.active', 'mapping.enabled'],
      hints: ['Keep `lab device` running; in the Kinesis console, the Monitoring tab shows Incoming data and Get records.'],
      namespace: 'AWS/Kinesis',
      windowMs: WINDOW_MS,
      series: [
        { label: 'IncomingRecords', names: ['IncomingRecords', 'PutRecords.SuccessfulRecords', 'PutRecords.Records', 'PutRecord.Success'] },
        { label: 'GetRecords.Records', names: ['GetRecords.Records'] },
      ],
      whenZero: 'Is `lab device` running? In AWS, metrics reach CloudWatch a few minutes late.',
      async locate(ctx) {
        const { name } = await locateStream(ctx);
        return { subject: `stream ${name}`, dimensions: { StreamName: name } };
      },
    }),
    freshItemsCheck({
      id: 'table.fresh-items',
      title: 'Fresh readings of the device land in the table',
      points: 3,
      dependsOn: ['table.schema', 'function.role-can-write-table', 'mapping.enabled'],
      hints: ['Explore the table’s items in the DynamoDB console while `lab device` runs.', 'If nothing lands, read the function’s log group /aws/lambda/<function> in CloudWatch Logs.'],
      hashKey: 'deviceid',
      rangeKey: 'timestamp',
      maxAgeMs: FRESH_MS,
      problemWith: readingProblem,
      async locate(ctx) {
        return { table: (await locateTable(ctx)).name, device: await deviceName(ctx) };
      },
    }),
    {
      id: 'function.no-errors',
      title: 'The function ran without errors',
      points: 1,
      dependsOn: ['function.configured'],
      hints: ["A malformed message must be skipped, not fail the whole batch: a failed batch is retried until it expires, and holds up everything behind it."],
      async run(ctx) {
        const { name } = await locateFunction(ctx);
        // Zero errors means nothing when the function did not run (or its metrics are late): ask for invocations too.
        const [invocations, errors] = await sumSeries(ctx, 'AWS/Lambda', { FunctionName: name }, [{ label: 'Invocations', names: ['Invocations'] }, { label: 'Errors', names: ['Errors'] }], WINDOW_MS);
        const evidence = { functionName: name, invocations: invocations!.sum, errors: errors!.sum, windowMinutes: WINDOW_MS / 60_000, topic: await deviceTopic(ctx) };
        if (errors!.sum > 0) {
          return fail(`Function ${name} failed ${errors!.sum} time(s) in ${invocations!.sum} invocation(s) in the last 15 minutes.`, {
            hint: `Read the errors in its log group: aws logs tail /aws/lambda/${name} --since 15m`,
            evidence,
          });
        }
        if (invocations!.sum <= 0) {
          return pending(`Function ${name} has not run in the last 15 minutes, so it cannot have shown that it runs without errors. Is \`lab device\` running? In AWS, metrics reach CloudWatch a few minutes late.`, { evidence });
        }
        return pass(`Function ${name} ran ${invocations!.sum} time(s) in the last 15 minutes without an error.`, { evidence });
      },
    },
  ],
});
