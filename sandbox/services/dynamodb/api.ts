// What other services ask DynamoDB in-process: the IoT rule's dynamoDBv2 action writes items as
// PutItem does (dynalite's own validation included), in the owner's account and region.

import type { Principal } from '../../edge/context.js';
import type { Sandbox } from '../../sandbox.js';
import { runAction } from './dynalite.js';
import { dynamoStores } from './store.js';

export interface DynamoDbApi {
  /** Writes one item (attribute values in DynamoDB's JSON form); rejects with AWS's ServiceError. */
  putItem(owner: Principal, tableName: string, item: Record<string, unknown>): Promise<void>;
}

export function createDynamoDbApi(sandbox: Sandbox): DynamoDbApi {
  return {
    async putItem(owner, tableName, item) {
      await runAction(await dynamoStores(sandbox).for(owner), 'PutItem', { TableName: tableName, Item: item });
    },
  };
}
