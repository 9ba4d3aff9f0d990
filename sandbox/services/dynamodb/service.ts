// Amazon DynamoDB, served by dynalite in-process: one dynalite store per account and region, with
// ARNs of the caller's account, tagging checked against it, and tables persisted under the data directory.

import type { Sandbox } from '../../sandbox.js';
import { defineService } from '../definition.js';
import { permissions } from './permissions.js';
import { createDynamoDbApi } from './api.js';
import { dynamoStores } from './store.js';
import { batchGetItem } from './operations/batch-get-item.js';
import { batchWriteItem } from './operations/batch-write-item.js';
import { createTable } from './operations/create-table.js';
import { deleteItem } from './operations/delete-item.js';
import { deleteTable } from './operations/delete-table.js';
import { describeTable } from './operations/describe-table.js';
import { describeTimeToLive } from './operations/describe-time-to-live.js';
import { getItem } from './operations/get-item.js';
import { listTables } from './operations/list-tables.js';
import { listTagsOfResource } from './operations/list-tags-of-resource.js';
import { putItem } from './operations/put-item.js';
import { query } from './operations/query.js';
import { scan } from './operations/scan.js';
import { tagResource } from './operations/tag-resource.js';
import { untagResource } from './operations/untag-resource.js';
import { updateItem } from './operations/update-item.js';
import { updateTable } from './operations/update-table.js';

export const service = defineService({
  name: 'dynamodb',
  signingName: 'dynamodb',
  protocols: ['awsJson1_0'],
  targetPrefix: 'DynamoDB_20120810',
  permissions,
  operations: [
    createTable,
    describeTable,
    listTables,
    updateTable,
    deleteTable,
    describeTimeToLive,
    putItem,
    getItem,
    updateItem,
    deleteItem,
    batchWriteItem,
    batchGetItem,
    query,
    scan,
    tagResource,
    untagResource,
    listTagsOfResource,
  ],
});

export function start(sandbox: Sandbox): void {
  const stores = dynamoStores(sandbox);
  sandbox.apis.dynamodb = createDynamoDbApi(sandbox);
  sandbox.onClose(() => stores.close());
}
