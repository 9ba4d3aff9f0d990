// Check builder: a DynamoDB table exists, is ACTIVE, and has the key schema the pipeline writes.

import { DescribeTableCommand, DynamoDBClient, type TableDescription } from '@aws-sdk/client-dynamodb';
import type { Check, CheckContext } from '../../src/engine/types.js';
import { fail, pass, pending } from '../../src/engine/result.js';
import { memo } from './memo.js';
import { orUndefined } from './not-found.js';
import type { Locator } from './located.js';
import { defineMessages } from '../../src/i18n/index.js';

const t = defineMessages(
  'lib.table-check',
  {
    missing: 'There is no DynamoDB table {{name}} ({{via}}).',
    missingHint: 'Create it: {{command}}',
    none: 'none',
    wrongKeys: 'Table {{name}} has partition key {{hash}} and sort key {{range}}; the pipeline writes {{wantHash}} / {{wantRange}}.',
    wrongKeysHint: 'Key schemas cannot be changed: delete the table and create it again: {{command}}',
    status: 'Table {{name}} is {{status}}.',
    active: 'Table {{name}} is ACTIVE with {{hash}} / {{range}} ({{via}}).',
  },
  {
    missing: 'DynamoDB 테이블 {{name}}이(가) 없습니다 ({{via}}).',
    missingHint: '테이블을 만드세요: {{command}}',
    none: '없음',
    wrongKeys: '테이블 {{name}}의 파티션 키는 {{hash}}, 정렬 키는 {{range}}입니다. 파이프라인은 {{wantHash}} / {{wantRange}}(으)로 씁니다.',
    wrongKeysHint: '키 스키마는 바꿀 수 없습니다. 테이블을 삭제하고 다시 만드세요: {{command}}',
    status: '테이블 {{name}}의 상태가 {{status}}입니다.',
    active: '테이블 {{name}}이(가) {{hash}} / {{range}} 키로 ACTIVE 상태입니다 ({{via}}).',
  },
);


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
      if (!table) return fail(t('missing', { name, via }), { hint: t('missingHint', { command: createCommand(name) }), evidence: { tableName: name } });
      const typeOf = (attr: string) => table.AttributeDefinitions?.find((d) => d.AttributeName === attr)?.AttributeType;
      const keyOf = (kind: 'HASH' | 'RANGE') => table.KeySchema?.find((k) => k.KeyType === kind)?.AttributeName;
      const seen = { hash: `${keyOf('HASH')} ${typeOf(keyOf('HASH') ?? '')}`, range: keyOf('RANGE') ? `${keyOf('RANGE')} ${typeOf(keyOf('RANGE')!)}` : 'none' };
      const shownRange = seen.range === 'none' ? t('none') : seen.range;
      const evidence = { tableName: name, status: table.TableStatus, partitionKey: seen.hash, sortKey: seen.range };
      if (keyOf('HASH') !== hash.name || typeOf(hash.name) !== hash.type || keyOf('RANGE') !== range.name || typeOf(range.name) !== range.type) {
        return fail(t('wrongKeys', { name, hash: seen.hash, range: shownRange, wantHash: `${hash.name} ${hash.type}`, wantRange: `${range.name} ${range.type}` }), {
          hint: t('wrongKeysHint', { command: createCommand(name) }),
          evidence,
        });
      }
      const status = String(table.TableStatus);
      if (status === 'CREATING' || status === 'UPDATING') return pending(t('status', { name, status }), { evidence });
      if (status !== 'ACTIVE') return fail(t('status', { name, status }), { evidence });
      return pass(t('active', { name, hash: `${hash.name} (${hash.type})`, range: `${range.name} (${range.type})`, via }), { evidence });
    },
  };
}
