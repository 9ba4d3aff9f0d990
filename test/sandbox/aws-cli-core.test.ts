// The sandbox core through both AWS CLIs, independent clients of their own: who am I (STS) and IAM roles.
// S3, DynamoDB, Kinesis, CloudWatch, Logs and Firehose have their own CLI tests beside their services.

import { describe, expect, it } from 'vitest';
import { awsCli, requireAwsCli, type AwsCliName } from './aws-cli.js';
import { useSandbox } from './support.js';

const TRUST = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] });

describe.each<AwsCliName>(['v1', 'v2'])('AWS CLI %s against the sandbox core', (name) => {
  const sb = useSandbox();

  it('sts get-caller-identity names the sandbox account', async (ctx) => {
    const aws = awsCli(requireAwsCli(ctx, name), sb);
    const who = await aws.json('sts', 'get-caller-identity');
    expect(who.Account).toBe('000000000000');
    expect(who.Arn).toBe('arn:aws:iam::000000000000:root');
  }, 60_000);

  it('iam create-role and get-role round-trip the trust policy; a missing role is NoSuchEntity', async (ctx) => {
    const aws = awsCli(requireAwsCli(ctx, name), sb);
    const roleName = `cli-${name}-role`;
    const created = await aws.json('iam', 'create-role', '--role-name', roleName, '--assume-role-policy-document', TRUST);
    expect(created.Role.Arn).toBe(`arn:aws:iam::000000000000:role/${roleName}`);
    const got = await aws.json('iam', 'get-role', '--role-name', roleName);
    expect(got.Role.AssumeRolePolicyDocument.Statement[0].Principal.Service).toBe('lambda.amazonaws.com');
    const missing = await aws.exec('iam', 'get-role', '--role-name', 'no-such-role');
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('NoSuchEntity');
  }, 60_000);
});
