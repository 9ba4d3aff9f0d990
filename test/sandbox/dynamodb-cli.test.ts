// The AWS CLI against the sandbox's DynamoDB: v1 from PATH (python3's awscli) and, when present,
// Debian's v2 at /usr/bin/aws, each creating the labs table, putting a reading and querying it back.

import { execFile, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { SANDBOX_CREDENTIALS } from '../../sandbox/index.js';
import { useSandbox } from './support.js';

const run = promisify(execFile);

function cliVersion(bin: string): string | undefined {
  try {
    return execFileSync(bin, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  } catch {
    return undefined;
  }
}

/** AWS_ENDPOINT_URL arrived in AWS CLI v2.13 (v1: 1.29); Debian 12's v2.9 needs the flag. */
function knowsEndpointEnv(version: string): boolean {
  const m = /^aws-cli\/(\d+)\.(\d+)/.exec(version);
  return !m || Number(m[1]) !== 2 || Number(m[2]) >= 13;
}

const clis = [
  { bin: 'aws', version: cliVersion('aws'), missing: '`aws` (AWS CLI) is not on PATH' },
  { bin: '/usr/bin/aws', version: existsSync('/usr/bin/aws') ? cliVersion('/usr/bin/aws') : undefined, missing: '/usr/bin/aws (Debian awscli) is not installed' },
];

describe('DynamoDB from the AWS CLI', () => {
  const sb = useSandbox();

  for (const [n, cli] of clis.entries()) {
    const title = cli.version ? `${cli.version.split(' ')[0]} (${cli.bin})` : `${cli.bin}: skipped, ${cli.missing}`;
    it.skipIf(!cli.version)(`create-table, put-item and query work with ${title}`, async () => {
      const table = `cli-readings-${n}`;
      const aws = async (...args: string[]) => {
        const flags = knowsEndpointEnv(cli.version!) ? [] : ['--endpoint-url', sb.endpoint];
        const { stdout } = await run(cli.bin, ['dynamodb', ...args, '--output', 'json', ...flags], {
          env: {
            PATH: process.env.PATH,
            HOME: process.env.HOME,
            AWS_ENDPOINT_URL: sb.endpoint,
            AWS_ACCESS_KEY_ID: SANDBOX_CREDENTIALS.accessKeyId,
            AWS_SECRET_ACCESS_KEY: SANDBOX_CREDENTIALS.secretAccessKey,
            AWS_DEFAULT_REGION: 'us-east-1',
            AWS_CONFIG_FILE: '/dev/null',
            AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
            AWS_PAGER: '',
          },
        });
        return stdout.trim() ? (JSON.parse(stdout) as Record<string, any>) : {};
      };

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
