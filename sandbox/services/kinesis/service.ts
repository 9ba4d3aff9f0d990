// Amazon Kinesis Data Streams: streams of shards holding ordered records, over awsJson 1.1 (JSON or
// CBOR bodies) with the Kinesis_20131202 target prefix.

import type { Sandbox } from '../../sandbox.js';
import { defineService } from '../definition.js';
import { permissions } from './permissions.js';
import { createKinesisApi } from './api.js';
import { runtime, sweepDeleted } from './store.js';
import { addTagsToStream } from './operations/add-tags-to-stream.js';
import { createStream } from './operations/create-stream.js';
import { decreaseStreamRetentionPeriod } from './operations/decrease-stream-retention-period.js';
import { deleteStream } from './operations/delete-stream.js';
import { describeStream } from './operations/describe-stream.js';
import { describeStreamSummary } from './operations/describe-stream-summary.js';
import { getRecords } from './operations/get-records.js';
import { getShardIterator } from './operations/get-shard-iterator.js';
import { increaseStreamRetentionPeriod } from './operations/increase-stream-retention-period.js';
import { listShards } from './operations/list-shards.js';
import { listStreams } from './operations/list-streams.js';
import { listTagsForStream } from './operations/list-tags-for-stream.js';
import { mergeShards } from './operations/merge-shards.js';
import { putRecord } from './operations/put-record.js';
import { putRecords } from './operations/put-records.js';
import { removeTagsFromStream } from './operations/remove-tags-from-stream.js';
import { splitShard } from './operations/split-shard.js';
import { updateShardCount } from './operations/update-shard-count.js';
import { updateMaxRecordSize } from './operations/update-max-record-size.js';

export const service = defineService({
  name: 'kinesis',
  signingName: 'kinesis',
  protocols: ['awsJson1_1'],
  cborByDefault: true,
  targetPrefix: 'Kinesis_20131202',
  permissions,
  memberNaming: 'lowerCamel',
  operations: [
    createStream,
    describeStream,
    describeStreamSummary,
    listStreams,
    listShards,
    deleteStream,
    putRecord,
    putRecords,
    getShardIterator,
    getRecords,
    increaseStreamRetentionPeriod,
    decreaseStreamRetentionPeriod,
    addTagsToStream,
    removeTagsFromStream,
    listTagsForStream,
    updateShardCount,
    updateMaxRecordSize,
    splitShard,
    mergeShards,
  ],
});

export function start(sandbox: Sandbox): void {
  sandbox.apis.kinesis = createKinesisApi(sandbox);
  // Deleted streams leave once their DELETING time is over (their records go with them).
  sandbox.every(1000, () => sweepDeleted(sandbox));
  sandbox.onClose(() => runtime(sandbox).close());
}
