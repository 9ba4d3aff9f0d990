// The firehose action: the rule's output as one record (with the separator appended), or in
// batchMode each element of a JSON array output as its own record.

import { failureFrom, requireRole, resourceArn, text, ActionFailure, type RuleActionHandler } from './action.js';

const SEPARATORS = new Set(['\n', '\t', '\r\n', ',']);

function records(output: Buffer, batchMode: boolean, streamName: string): Buffer[] {
  if (!batchMode) return [output];
  let items: unknown;
  try {
    items = JSON.parse(output.toString('utf8'));
  } catch {
    items = undefined;
  }
  if (!Array.isArray(items)) throw new ActionFailure(streamName, 'Batch mode requires the payload to be a JSON array');
  if (items.length > 500) throw new ActionFailure(streamName, `Batch of ${items.length} records exceeds the limit of 500`);
  return items.map((item) => Buffer.from(JSON.stringify(item)));
}

export const firehoseAction: RuleActionHandler = {
  actionType: 'Firehose',
  failedAction: 'FirehoseAction',
  async run(params, ctx) {
    const streamName = text(params.deliveryStreamName);
    try {
      const batchMode = params.batchMode === true;
      requireRole(ctx, params.roleArn, batchMode ? 'firehose:PutRecordBatch' : 'firehose:PutRecord', resourceArn('firehose', ctx, `deliverystream/${streamName}`), streamName);
      const separator = typeof params.separator === 'string' && SEPARATORS.has(params.separator) ? params.separator : '';
      const data = records(ctx.output, batchMode, streamName).map((r) => (separator ? Buffer.concat([r, Buffer.from(separator)]) : r));
      if (data.length > 0) ctx.sandbox.api('firehose').putRecords(ctx.owner, streamName, data);
    } catch (err) {
      throw failureFrom(streamName, err);
    }
  },
};
export { SEPARATORS as FIREHOSE_SEPARATORS };
