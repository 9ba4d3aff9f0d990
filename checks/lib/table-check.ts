// Check builder: a DynamoDB table exists, is ACTIVE, and has the key schema the pipeline writes.

import { DescribeTableCommand, DynamoDBClient, type TableDescription } from '@aws-sdk/client-dynamodb';
import type { Check, CheckContext } from '../../src/engine/types.js';
import { fail, pass, pending } from '../../src/engine/result.js';
import { memo } from './memo.js';
import { orUndefined } from './not-found.js';
import type { Locator } from './located.js';

export interface KeyAttribute {
  name: string;
  type: 'S' | 'N' | 'B';
}

export function describeTable(ctx: CheckContext, name: string): Promise<TableDescription | undefined> {
  return memo(ctx, `dynamodb.table.${name}`, async () => {
    const out = await orUndefined(ctx.clients.get(DynamoDBClient).send(new DescribeTableCommand({ TableName: name }), { abortSignal: ctx.signal }));
    return out?.Table;
  });
}

export function tableSchemaCheck(spec: Omit<Check, 'run'> & { locate: Locator; hash: KeyAttribute; range: KeyAttribute }): Check {
  const { locate, hash, range, ...check } = spec;
  const createCommand = (name: string) =>
    `aws dynamodb create-table --table-name ${name} --attribute-definitions AttributeName=${hash.name},AttributeType=${hash.type} AttributeName=${range.name},AttributeType=${range.type} --key-schema AttributeName=${hash.name},KeyType=HASH AttributeName=${range.name},KeyType=RANGE --billing-mode PAY_PER_REQUEST`;
  return {
    ...check,
    async run(ctx) {
      const { name, via } = await locate(ctx);
      const table = await describeTable(ctx, name);
      if (!table) return fail(`There is no DynamoDB table ${name} (${via}).`, { hint: `Create it: ${createCommand(name)}`, evidence: { tableName: name } });
      const typeOf = (attr: string) => table.AttributeDefinitions?.find((d) => d.AttributeName === attr)?.AttributeType;
      const keyOf = (kind: 'HASH' | 'RANGE') => table.KeySchema?.find((k) => k.KeyType === kind)?.AttributeName;
      const seen = { hash: `${keyOf('HASH')} ${typeOf(keyOf('HASH') ?? '')}`, range: keyOf('RANGE') ? `${keyOf('RANGE')} ${typeOf(keyOf('RANGE')!)}` : 'none' };
      const evidence = { tableName: name, status: table.TableStatus, partitionKey: seen.hash, sortKey: seen.range };
      if (keyOf('HASH') !== hash.name || typeOf(hash.name) !== hash.type || keyOf('RANGE') !== range.name || typeOf(range.name) !== range.type) {
        return fail(`Table ${name} has partition key ${seen.hash} and sort key ${seen.range}; the pipeline writes ${hash.name} ${hash.type} / ${range.name} ${range.type}.`, {
          hint: `Key schemas cannot be changed: delete the table and create it again: ${createCommand(name)}`,
          evidence,
        });
      }
      if (table.TableStatus === 'CREATING' || table.TableStatus === 'UPDATING') return pending(`Table ${name} is ${table.TableStatus}.`, { evidence });
      if (table.TableStatus !== 'ACTIVE') return fail(`Table ${name} is ${table.TableStatus}.`, { evidence });
      return pass(`Table ${name} is ACTIVE with ${hash.name} (${hash.type}) / ${range.name} (${range.type}) (${via}).`, { evidence });
    },
  };
}
