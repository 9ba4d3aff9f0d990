// Deploy step: an on-demand DynamoDB table with a string partition and sort key, tagged, waited for.

import { CreateTableCommand, DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { SolutionContext } from '../../src/engine/solution.js';
import type { Ledger } from './ledger.js';
import { waitFor } from './wait.js';
import { orUndefined } from '../../checks/lib/not-found.js';

export async function ensureTable(ctx: SolutionContext, ledger: Ledger, name: string, hashKey: string, rangeKey: string): Promise<string> {
  const dynamodb = ctx.clients.get(DynamoDBClient);
  const describe = async () => (await orUndefined(dynamodb.send(new DescribeTableCommand({ TableName: name }))))?.Table;
  let table = await describe();
  if (!table) {
    await dynamodb.send(
      new CreateTableCommand({
        TableName: name,
        AttributeDefinitions: [
          { AttributeName: hashKey, AttributeType: 'S' },
          { AttributeName: rangeKey, AttributeType: 'S' },
        ],
        KeySchema: [
          { AttributeName: hashKey, KeyType: 'HASH' },
          { AttributeName: rangeKey, KeyType: 'RANGE' },
        ],
        BillingMode: 'PAY_PER_REQUEST',
        Tags: Object.entries(ctx.tags).map(([Key, Value]) => ({ Key, Value })),
      }),
    );
    ledger.record(`DynamoDB table ${name}`, 'created');
  } else {
    ledger.record(`DynamoDB table ${name}`, 'unchanged');
  }
  table ??= await describe();
  if (table?.TableStatus !== 'ACTIVE') {
    ctx.log(`waiting for table ${name} to become ACTIVE…`);
    await waitFor(ctx, async () => (table = await describe())?.TableStatus === 'ACTIVE', { what: `table ${name} to become ACTIVE` });
  }
  return table!.TableArn!;
}
