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
import { m } from './messages/01-stream-to-dynamo.js';

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
    if (!value) return m('items.noAttribute', { field });
    if (!isIntegerNumber(value)) return m('items.notInteger', { field, value: JSON.stringify(value) });
  }
  return undefined;
}

export default defineChecks({
  checks: [
    routeCheck({
      id: 'rule.routes-to-stream',
      title: m('rule.title'),
      points: 2,
      hints: [m('rule.hint1'), m('rule.hint2')],
      find: streamRoute,
      destination: m('rule.destination'),
      action: 'Kinesis',
      noun: m('rule.noun'),
      evidenceKey: 'stream',
      createHint(ctx) {
        const names = resourceNames(ctx.config.prefix);
        const command = `aws iot create-topic-rule --rule-name ${names.streamRule} --topic-rule-payload file://rule.json`;
        return m('rule.create', { rule: names.streamRule, filter: names.telemetryTopicFilter, stream: names.stream, role: names.ruleRole, command });
      },
    }),
    roleCheck({
      id: 'rule.role-can-put',
      title: m('ruleRole.title'),
      points: 2,
      dependsOn: ['rule.routes-to-stream'],
      hints: [m('ruleRole.hint')],
      async locate(ctx) {
        const { route } = await streamRoute(ctx);
        return { user: m('rule.user', { rule: String(route?.ruleName) }), roleArn: route?.roleArn, service: 'iot.amazonaws.com', actions: ['kinesis:PutRecord'], resource: await streamArn(ctx) };
      },
    }),
    streamActiveCheck({
      id: 'stream.active',
      title: m('stream.title'),
      points: 1,
      hints: [m('stream.hint')],
      locate: locateStream,
    }),
    mappingEnabledCheck({
      id: 'mapping.enabled',
      title: m('mapping.title'),
      points: 2,
      dependsOn: ['stream.active'],
      hints: [m('mapping.hint')],
      async locate(ctx) {
        const { streamArn, mapping, mappings } = await locateMapping(ctx);
        const source = m('stream.subject', { name: (await locateStream(ctx)).name });
        return { source, sourceArn: streamArn, mapping, count: mappings.length, suggestedFunction: resourceNames(ctx.config.prefix).ingestFunction };
      },
    }),
    tableFunctionCheck({
      id: 'function.configured',
      title: m('function.title'),
      points: 2,
      hints: [m('function.hint')],
      locate: locateFunction,
      read: ingestFunction,
      missingHint: m('function.missing'),
      use: 'write',
    }),
    roleCheck({
      id: 'function.role-can-read-stream',
      title: m('readRole.title'),
      points: 1,
      dependsOn: ['function.configured', 'stream.active'],
      hints: [m('readRole.hint')],
      async locate(ctx) {
        const fn = await ingestFunction(ctx);
        return {
          user: m('function.user', { name: String(fn?.FunctionName) }),
          roleArn: fn?.Role,
          service: 'lambda.amazonaws.com',
          actions: ['kinesis:GetRecords', 'kinesis:GetShardIterator', 'kinesis:DescribeStream', 'kinesis:ListShards'],
          resource: await streamArn(ctx),
        };
      },
    }),
    tableSchemaCheck({
      id: 'table.schema',
      title: m('table.title'),
      points: 1,
      hints: [m('table.hint')],
      locate: locateTable,
      hash: { name: 'deviceid', type: 'S' },
      range: { name: 'timestamp', type: 'S' },
    }),
    roleCheck({
      id: 'function.role-can-write-table',
      title: m('writeRole.title'),
      points: 2,
      dependsOn: ['function.configured', 'table.schema'],
      hints: [m('writeRole.hint')],
      async locate(ctx) {
        const fn = await ingestFunction(ctx);
        return {
          user: m('function.user', { name: String(fn?.FunctionName) }),
          roleArn: fn?.Role,
          service: 'lambda.amazonaws.com',
          actions: [['dynamodb:BatchWriteItem', 'dynamodb:PutItem']],
          resource: await tableArn(ctx),
        };
      },
    }),
    metricsFlowCheck({
      id: 'stream.metrics',
      title: m('metrics.title'),
      points: 2,
      dependsOn: ['rule.routes-to-stream', 'stream.active', 'mapping.enabled'],
      hints: [m('metrics.hint')],
      namespace: 'AWS/Kinesis',
      windowMs: WINDOW_MS,
      series: [
        { label: 'IncomingRecords', names: ['IncomingRecords', 'PutRecords.SuccessfulRecords', 'PutRecords.Records', 'PutRecord.Success'] },
        { label: 'GetRecords.Records', names: ['GetRecords.Records'] },
      ],
      whenZero: m('metrics.whenZero'),
      async locate(ctx) {
        const { name } = await locateStream(ctx);
        return { subject: m('stream.subject', { name }), dimensions: { StreamName: name } };
      },
    }),
    freshItemsCheck({
      id: 'table.fresh-items',
      title: m('items.title'),
      points: 3,
      dependsOn: ['table.schema', 'function.role-can-write-table', 'mapping.enabled'],
      hints: [m('items.hint1'), m('items.hint2')],
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
      title: m('errors.title'),
      points: 1,
      dependsOn: ['function.configured'],
      hints: [m('errors.hint')],
      async run(ctx) {
        const { name } = await locateFunction(ctx);
        // Zero errors means nothing when the function did not run (or its metrics are late): ask for invocations too.
        const [invocations, errors] = await sumSeries(ctx, 'AWS/Lambda', { FunctionName: name }, [{ label: 'Invocations', names: ['Invocations'] }, { label: 'Errors', names: ['Errors'] }], WINDOW_MS);
        const evidence = { functionName: name, invocations: invocations!.sum, errors: errors!.sum, windowMinutes: WINDOW_MS / 60_000, topic: await deviceTopic(ctx) };
        if (errors!.sum > 0) {
          return fail(m('errors.failed', { name, errors: errors!.sum, invocations: invocations!.sum }), {
            hint: m('errors.failedHint', { command: `aws logs tail /aws/lambda/${name} --since 15m` }),
            evidence,
          });
        }
        if (invocations!.sum <= 0) {
          return pending(m('errors.notRun', { name }), { evidence });
        }
        return pass(m('errors.clean', { name, invocations: invocations!.sum }), { evidence });
      },
    },
  ],
});
