// The kinesis action: PutRecord of the rule's output into a stream, partition key from a template
// (a random one when none is given, as AWS does).

import { randomUUID } from 'node:crypto';
import { substitute } from '../templates.js';
import { failureFrom, requireRole, resourceArn, text, type RuleActionHandler } from './action.js';

export const kinesisAction: RuleActionHandler = {
  actionType: 'Kinesis',
  failedAction: 'KinesisAction',
  async run(params, ctx) {
    const streamName = text(params.streamName);
    try {
      requireRole(ctx, params.roleArn, 'kinesis:PutRecord', resourceArn('kinesis', ctx, `stream/${streamName}`), streamName);
      const kinesis = ctx.sandbox.api('kinesis');
      const key = params.partitionKey === undefined ? randomUUID() : substitute(text(params.partitionKey), ctx.message);
      kinesis.putRecord(ctx.owner, streamName, ctx.output, key || randomUUID());
    } catch (err) {
      throw failureFrom(streamName, err);
    }
  },
};
