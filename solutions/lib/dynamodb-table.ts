// Deploy step: an on-demand DynamoDB table with a string partition and sort key, tagged, waited for.

import { CreateTableCommand, DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { SolutionContext } from '../../src/engine/solution.js';
import type { Ledger } from './ledger.js';
import { waitFor } from './wait.js';
import { orUndefined } from '../../checks/lib/not-found.js';
import { EnvironmentError } from '../../src/errors.js';
import { ts } from './messages.js';

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
    ledger.record(ts('ledger.table', { name }), 'created');
  } else {
    ledger.record(ts('ledger.table', { name }), 'unchanged');
  }
  table ??= await describe();
  if (table?.TableStatus !== 'ACTIVE') {
    ctx.log(ts('progress.waitingTable', { name }));
    await waitFor(ctx, async () => (table = await describe())?.TableStatus === 'ACTIVE', { what: ts('waits.tableActive', { name }) });
  }
  return table!.TableArn!;
}

/** The ARN of a table an earlier lab made; a missing table stops the deploy with `missing` as the reason. */
export async function tableArnOf(ctx: SolutionContext, name: string, missing: string): Promise<string> {
  const table = (await orUndefined(ctx.clients.get(DynamoDBClient).send(new DescribeTableCommand({ TableName: name }))))?.Table;
  if (!table?.TableArn) throw new EnvironmentError(ts('refusals.noTable', { name }), missing);
  return table.TableArn;
}
