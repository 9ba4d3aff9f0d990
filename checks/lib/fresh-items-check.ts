// Check builder: a table holds recent items for the device, with values of the message schema.
// "Recent" is judged by the item's own timestamp (the device's UTC time), against the run's clock.

import { DynamoDBClient, QueryCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import type { Check, CheckContext, CheckResult } from '../../src/engine/types.js';
import { fail, pass, pending } from '../../src/engine/result.js';
import { defineMessages } from '../../src/i18n/index.js';

const t = defineMessages(
  'lib.fresh-items-check',
  {
    none: 'No items for device {{device}} in table {{table}} yet.',
    unreadable: 'an unreadable time',
    stale: 'The newest item for {{device}} in {{table}} is from {{newest}} UTC, more than {{minutes}} minutes ago.',
    bad: 'Item {{device}} / {{key}} in {{table}} {{problem}}.',
    badHint: 'The function must write each reading as numbers: convert HUMIDITY and TEMPERATURE to integers before writing.',
    fresh: '{{count}} item(s) for {{device}} in {{table}} from the last {{minutes}} minutes, newest {{newest}} UTC.',
  },
  {
    none: '테이블 {{table}}에 기기 {{device}}의 항목이 아직 없습니다.',
    unreadable: '읽을 수 없는 시각',
    stale: '{{table}}에서 {{device}}의 가장 최근 항목은 {{newest}} UTC로, {{minutes}}분보다 오래되었습니다.',
    bad: '{{table}}의 항목 {{device}} / {{key}}: {{problem}}.',
    badHint: '함수는 각 측정값을 숫자로 써야 합니다: 쓰기 전에 HUMIDITY와 TEMPERATURE를 정수로 바꾸세요.',
    fresh: '최근 {{minutes}}분 동안 {{table}}에 {{device}}의 항목 {{count}}개가 있습니다 (가장 최근 {{newest}} UTC).',
  },
);


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
      if (items.length === 0) return pending(t('none', { device, table }), { evidence });
      const newest = items[0]![rangeKey]?.S ?? '';
      evidence.newest = newest;
      const ageMs = ctx.clock.now() - Date.parse(`${newest}Z`);
      if (!(ageMs <= maxAgeMs)) {
        return pending(t('stale', { device, table, newest: newest || t('unreadable'), minutes }), { evidence });
      }
      const fresh = items.filter((i) => ctx.clock.now() - Date.parse(`${i[rangeKey]?.S ?? ''}Z`) <= maxAgeMs);
      const bad = fresh.map((i) => ({ item: i, problem: problemWith(i) })).find((x) => x.problem);
      evidence.freshItems = fresh.length;
      if (bad) {
        return fail(t('bad', { device, key: String(bad.item[rangeKey]?.S), table, problem: bad.problem! }), {
          hint: t('badHint'),
          evidence: { ...evidence, item: bad.item },
        });
      }
      return pass(t('fresh', { count: fresh.length, device, table, minutes, newest }), { evidence });
    },
  };
}

export function isIntegerNumber(value: AttributeValue | undefined): boolean {
  return value?.N !== undefined && Number.isInteger(Number(value.N));
}
