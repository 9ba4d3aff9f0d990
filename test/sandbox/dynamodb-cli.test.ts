// The AWS CLI against the sandbox's DynamoDB: v1 from PATH (python3's awscli) and, when present,
// Debian's v2 at /usr/bin/aws, each creating the labs table, putting a reading and querying it back.

import { describe, expect, it } from 'vitest';
import { useSandbox } from './support.js';
import { awsCli, findAwsCli, requireAwsCli, type AwsCliName } from './aws-cli.js';

describe('DynamoDB from the AWS CLI', () => {
  const sb = useSandbox();

  for (const [n, name] of (['v1', 'v2'] as AwsCliName[]).entries()) {
    const found = findAwsCli(name);
    const title = found ? `${found.version.split(' ')[0]} (${found.bin})` : `AWS CLI ${name}`;
    it(`create-table, put-item and query work with ${title}`, async (ctx) => {
      const table = `cli-readings-${n}`;
      const cli = awsCli(requireAwsCli(ctx, name), sb);
      const aws = (...args: string[]) => cli.json('dynamodb', ...args);

      const created = await aws(
        'create-table',
        '--table-name', table,
        '--attribute-definitions', 'AttributeName=deviceid,AttributeType=S', 'AttributeName=timestamp,AttributeType=S',
        '--key-schema', 'AttributeName=deviceid,KeyType=HASH', 'AttributeName=timestamp,KeyType=RANGE',
        '--billing-mode', 'PAY_PER_REQUEST',
      );
      expect(created.TableDescription.TableArn).toBe(`arn:aws:dynamodb:us-east-1:000000000000:table/${table}`);
      await aws('wait', 'table-exists', '--table-name', table);

      for (const [ts, temp] of [['2026-11-28T10:15:00', '23'], ['2026-11-28T10:16:00', '24']]) {
        await aws(
          'put-item',
          '--table-name', table,
          '--item', JSON.stringify({ deviceid: { S: 'dev1' }, timestamp: { S: ts }, TEMPERATURE: { N: temp }, HUMIDITY: { N: '41' } }),
        );
      }
      const found = await aws(
        'query',
        '--table-name', table,
        '--key-condition-expression', 'deviceid = :d AND #ts >= :from',
        '--expression-attribute-names', '{"#ts":"timestamp"}',
        '--expression-attribute-values', '{":d":{"S":"dev1"},":from":{"S":"2026-11-28T10:00:00"}}',
        '--no-scan-index-forward',
        '--max-items', '30',
      );
      expect(found.Count).toBe(2);
      expect(found.Items.map((i: any) => i.timestamp.S)).toEqual(['2026-11-28T10:16:00', '2026-11-28T10:15:00']);
      expect(found.Items[0].TEMPERATURE).toEqual({ N: '24' });

      await expect(aws('describe-table', '--table-name', 'no-such-table')).rejects.toMatchObject({
        stderr: expect.stringContaining('ResourceNotFoundException'),
      });
    }, 120_000); // each CLI call starts a Python interpreter: seconds apiece on a loaded machine
  }
});
