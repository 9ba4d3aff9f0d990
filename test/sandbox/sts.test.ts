import { describe, expect, it } from 'vitest';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { useSandbox } from './support.js';

describe('STS', () => {
  const sb = useSandbox();

  it('names the default account for the sandbox key and the key account for a 12-digit key', async () => {
    const who = await new STSClient(sb.config()).send(new GetCallerIdentityCommand({}));
    expect(who.Account).toBe('000000000000');
    expect(who.Arn).toBe('arn:aws:iam::000000000000:root');
    const other = await new STSClient(sb.config({ accessKeyId: '123456789012' })).send(new GetCallerIdentityCommand({}));
    expect(other.Account).toBe('123456789012');
  });

  it('rejects a bad session name with ValidationError', async () => {
    const sts = new STSClient(sb.config());
    await expect(sts.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::000000000000:role/x', RoleSessionName: 'a' }))).rejects.toMatchObject({
      name: 'ValidationError',
      message: expect.stringContaining("at 'roleSessionName' failed to satisfy constraint: Member must have length greater than or equal to 2"),
    });
  });
});
