// Check builder: a table holds recent items for the device, with values of the message schema.
// "Recent" is judged by the item's own timestamp (the device's UTC time), against the run's clock.

import { DynamoDBClient, QueryCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import type { Check, CheckContext, CheckResult } from '../../src/engine/types.js';
import { fail, pass, pending } from '../../src/engine/result.js';

export type Item = Record<string, AttributeValue>;

export interface ItemsSubject {
  table: string;
  device: string;
}

export function freshItemsCheck(
  spec: Omit<Check, 'run'> & {
    locate(ctx: CheckContext): Promise<ItemsSubject | CheckResult>;
    hashKey: string;
    rangeKey: string;
    maxAgeMs: number;
    /** Undefined for a good item, otherwise what is wrong with it. */
    problemWith(item: Item): string | undefined;
  },
): Check {
  const { locate, hashKey, rangeKey, maxAgeMs, problemWith, ...check } = spec;
  const minutes = Math.round(maxAgeMs / 60_000);
  return {
    ...check,
    async run(ctx) {
      const located = await locate(ctx);
      if ('status' in located) return located;
      const { table, device } = located;
      const out = await ctx.clients.get(DynamoDBClient).send(
        new QueryCommand({
          TableName: table,
          // Both key names may be reserved words (`timestamp` is): always go through placeholders.
          KeyConditionExpression: '#h = :h',
          ExpressionAttributeNames: { '#h': hashKey },
          ExpressionAttributeValues: { ':h': { S: device } },
          ScanIndexForward: false,
          Limit: 20,
        }),
        { abortSignal: ctx.signal },
      );
      const items = out.Items ?? [];
      const evidence: Record<string, unknown> = { table, device, itemsSeen: items.length };
      if (items.length === 0) return pending(`No items for device ${device} in table ${table} yet.`, { evidence });
      const newest = items[0]![rangeKey]?.S ?? '';
      evidence.newest = newest;
      const ageMs = ctx.clock.now() - Date.parse(`${newest}Z`);
      if (!(ageMs <= maxAgeMs)) {
        return pending(`The newest item for ${device} in ${table} is from ${newest || 'an unreadable time'} UTC, more than ${minutes} minutes ago.`, { evidence });
      }
      const fresh = items.filter((i) => ctx.clock.now() - Date.parse(`${i[rangeKey]?.S ?? ''}Z`) <= maxAgeMs);
      const bad = fresh.map((i) => ({ item: i, problem: problemWith(i) })).find((x) => x.problem);
      evidence.freshItems = fresh.length;
      if (bad) {
        return fail(`Item ${device} / ${bad.item[rangeKey]?.S} in ${table} ${bad.problem}.`, {
          hint: 'The function must write each reading as numbers: convert HUMIDITY and TEMPERATURE to integers before writing.',
          evidence: { ...evidence, item: bad.item },
        });
      }
      return pass(`${fresh.length} item(s) for ${device} in ${table} from the last ${minutes} minutes, newest ${newest} UTC.`, { evidence });
    },
  };
}

export function isIntegerNumber(value: AttributeValue | undefined): boolean {
  return value?.N !== undefined && Number.isInteger(Number(value.N));
}
