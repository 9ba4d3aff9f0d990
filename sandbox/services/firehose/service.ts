// Amazon Data Firehose: delivery streams (DirectPut or reading a Kinesis stream) that buffer records and
// deliver them to S3 as AWS does. Background work: one tick polls Kinesis sources and delivers due buffers.

import type { Sandbox } from '../../sandbox.js';
import { defineService } from '../definition.js';
import { permissions } from './permissions.js';
import type { FirehoseApi } from './api.js';
import { deliveryEngine } from './delivery.js';
import { ingest } from './ingest.js';
import { pollKinesisSources } from './kinesis-source.js';
import { createDeliveryStream } from './operations/create-delivery-stream.js';
import { describeDeliveryStream } from './operations/describe-delivery-stream.js';
import { listDeliveryStreams } from './operations/list-delivery-streams.js';
import { deleteDeliveryStream } from './operations/delete-delivery-stream.js';
import { putRecord } from './operations/put-record.js';
import { putRecordBatch } from './operations/put-record-batch.js';
import { updateDestination } from './operations/update-destination.js';
import { tagDeliveryStream } from './operations/tag-delivery-stream.js';
import { untagDeliveryStream } from './operations/untag-delivery-stream.js';
import { listTagsForDeliveryStream } from './operations/list-tags-for-delivery-stream.js';

export const service = defineService({
  name: 'firehose',
  signingName: 'firehose',
  protocols: ['awsJson1_1'],
  targetPrefix: 'Firehose_20150804',
  permissions,
  operations: [
    createDeliveryStream,
    describeDeliveryStream,
    listDeliveryStreams,
    deleteDeliveryStream,
    putRecord,
    putRecordBatch,
    updateDestination,
    tagDeliveryStream,
    untagDeliveryStream,
    listTagsForDeliveryStream,
  ],
});

/** How often the background check runs: AWS polls Kinesis once a second; scaled intervals need finer ticks. */
function tickMs(sandbox: Sandbox): number {
  const scale = sandbox.options.firehoseIntervalScale ?? 1;
  return Math.max(10, Math.min(1000, Math.round(1000 * scale)));
}

/** The in-process Firehose API of a running sandbox (tests run the delivery check through it). */
export function firehoseApi(sandbox: Sandbox): FirehoseApi {
  return sandbox.api('firehose');
}

export function start(sandbox: Sandbox): void {
  const engine = deliveryEngine(sandbox);
  const runDeliveryCheck = async () => {
    pollKinesisSources(sandbox);
    await engine.check();
  };
  sandbox.apis.firehose = {
    putRecords: (owner, streamName, records) => ingest(sandbox, owner, streamName, records, 'PutRecordBatch').recordIds,
    runDeliveryCheck,
  };
  sandbox.every(tickMs(sandbox), runDeliveryCheck);
  sandbox.onClose(() => engine.settle());
}
