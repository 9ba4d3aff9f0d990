// No account reads another's data through Lambda or AssumeRole, over the wire: a function's code must
// come from a bucket of the caller's own account (S3's AccessDenied otherwise, whether the key exists or
// not), GetFunction's Code.Location is a presigned URL checked and expiring as AWS's does, and AssumeRole
// honours the role's trust policy with AWS's AccessDenied message.

import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { CreateFunctionCommand, GetFunctionCommand, LambdaClient, UpdateFunctionCodeCommand, waitUntilFunctionActiveV2 } from '@aws-sdk/client-lambda';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { ManualClock } from '../../sandbox/index.js';
import { useSandbox } from './support.js';
import { zipFiles } from './lambda-zip.js';
import { trustPolicy } from './trust-policy.js';

const OWN = '000000000000';
const OTHER = '111111111111';
const HANDLER = { 'index.mjs': 'export const handler = async () => "mine";' };

const trusting = (principal: unknown, condition?: unknown) =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole', ...(condition ? { Condition: condition } : {}) }] });

describe('cross-account reads', () => {
  const clock = new ManualClock(Date.now());
  const sb = useSandbox({ clock });
  const own = () => sb.config();
  const other = () => sb.config({ accessKeyId: OTHER });
  let lambda: LambdaClient;
  let role: string;
  const zip = zipFiles(HANDLER);

  beforeAll(async () => {
    lambda = new LambdaClient(own());
    role = (await new IAMClient(own()).send(new CreateRoleCommand({ RoleName: 'code-exec', AssumeRolePolicyDocument: trustPolicy('lambda.amazonaws.com') }))).Role!.Arn!;
    const theirs = new S3Client({ ...other(), forcePathStyle: true });
    await theirs.send(new CreateBucketCommand({ Bucket: 'their-code' }));
    await theirs.send(new PutObjectCommand({ Bucket: 'their-code', Key: 'fn.zip', Body: zip }));
    const mine = new S3Client({ ...own(), forcePathStyle: true });
    await mine.send(new CreateBucketCommand({ Bucket: 'my-code' }));
    await mine.send(new PutObjectCommand({ Bucket: 'my-code', Key: 'fn.zip', Body: zip }));
  });

  const createFrom = (name: string, bucket: string, key: string) =>
    lambda.send(new CreateFunctionCommand({ FunctionName: name, Runtime: 'nodejs22.x', Handler: 'index.handler', Role: role, Code: { S3Bucket: bucket, S3Key: key } }));
  const accessDenied = (bucket: string, key: string) => ({
    name: 'AccessDeniedException',
    message: `Your access has been denied by S3, please make sure your request credentials have permission to GetObject for ${bucket}/${key}. S3 Error Code: AccessDenied. S3 Error Message: Access Denied`,
    $metadata: { httpStatusCode: 403 },
  });

  describe('function code from S3', () => {
    it('refuses another account’s bucket alike whether the key exists or not', async () => {
      await expect(createFrom('theirs', 'their-code', 'fn.zip')).rejects.toMatchObject(accessDenied('their-code', 'fn.zip'));
      await expect(createFrom('theirs', 'their-code', 'nothing-here.zip')).rejects.toMatchObject(accessDenied('their-code', 'nothing-here.zip'));
    });

    it('takes code from the caller’s own bucket, and refuses another account’s in UpdateFunctionCode', async () => {
      expect((await createFrom('mine', 'my-code', 'fn.zip')).CodeSha256).toBe(createHash('sha256').update(zip).digest('base64'));
      await expect(createFrom('mine-missing', 'my-code', 'nothing-here.zip')).rejects.toMatchObject({
        name: 'InvalidParameterValueException',
        message: 'Error occurred while GetObject. S3 Error Code: NoSuchKey. S3 Error Message: The specified key does not exist.',
      });
      await waitUntilFunctionActiveV2({ client: lambda, maxWaitTime: 30 }, { FunctionName: 'mine' });
      await expect(lambda.send(new UpdateFunctionCodeCommand({ FunctionName: 'mine', S3Bucket: 'their-code', S3Key: 'fn.zip' }))).rejects.toMatchObject(accessDenied('their-code', 'fn.zip'));
    });
  });

  describe('Code.Location', () => {
    it('is a presigned URL that serves the zip, and is refused when tampered with, unsigned or expired', async () => {
      await lambda.send(new CreateFunctionCommand({ FunctionName: 'located', Runtime: 'nodejs22.x', Handler: 'index.handler', Role: role, Code: { ZipFile: zip } }));
      const location = new URL((await lambda.send(new GetFunctionCommand({ FunctionName: 'located' }))).Code!.Location!);
      expect(location.searchParams.get('X-Amz-Expires')).toBe('600');

      const served = await fetch(location);
      expect(served.status).toBe(200);
      expect(Buffer.from(await served.arrayBuffer()).equals(zip)).toBe(true);

      const tampered = new URL(location);
      tampered.searchParams.set('X-Amz-Signature', '0'.repeat(64));
      const forged = await fetch(tampered);
      expect(forged.status).toBe(403);
      expect(await forged.text()).toContain('<Code>SignatureDoesNotMatch</Code>');

      const unsigned = await fetch(`${location.origin}${location.pathname}`);
      expect(unsigned.status).toBe(403);
      expect(await unsigned.text()).toContain('<Code>AccessDenied</Code><Message>Access Denied</Message>');

      // The same function name in another account, with this URL's signature: refused.
      const theirLambda = new LambdaClient(other());
      const theirRole = (await new IAMClient(other()).send(new CreateRoleCommand({ RoleName: 'their-exec', AssumeRolePolicyDocument: trustPolicy('lambda.amazonaws.com') }))).Role!.Arn!;
      await theirLambda.send(new CreateFunctionCommand({ FunctionName: 'located', Runtime: 'nodejs22.x', Handler: 'index.handler', Role: theirRole, Code: { ZipFile: zipFiles({ 'index.mjs': 'export const handler = async () => "theirs";' }) } }));
      expect(new URL((await theirLambda.send(new GetFunctionCommand({ FunctionName: 'located' }))).Code!.Location!).pathname).toContain(`/${OTHER}/`);
      const elsewhere = new URL(location);
      elsewhere.pathname = location.pathname.replace(`/${OWN}/`, `/${OTHER}/`);
      const crossed = await fetch(elsewhere);
      expect(crossed.status).toBe(403);
      expect(await crossed.text()).toContain('<Code>SignatureDoesNotMatch</Code>');

      clock.advance(601_000);
      const expired = await fetch(location);
      expect(expired.status).toBe(403);
      expect(await expired.text()).toContain('<Code>AccessDenied</Code><Message>Request has expired</Message><X-Amz-Expires>600</X-Amz-Expires>');

      const fresh = await fetch((await lambda.send(new GetFunctionCommand({ FunctionName: 'located' }))).Code!.Location!);
      expect(fresh.status).toBe(200);
    });
  });

  describe('AssumeRole', () => {
    let sts: STSClient;
    const createRole = (config: ReturnType<typeof own>, name: string, trust: string) =>
      new IAMClient(config).send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: trust })).then((out) => out.Role!.Arn!);
    const assume = (arn: string, client = sts, extra: { ExternalId?: string } = {}) => client.send(new AssumeRoleCommand({ RoleArn: arn, RoleSessionName: 'probe', ...extra }));
    const denied = (caller: string, arn: string) => ({
      name: 'AccessDenied',
      message: `User: ${caller} is not authorized to perform: sts:AssumeRole on resource: ${arn}`,
      $metadata: { httpStatusCode: 403 },
    });

    beforeAll(() => {
      sts = new STSClient(own());
    });

    it('refuses a role of another account that does not trust the caller', async () => {
      const serviceOnly = await createRole(other(), 'lambda-only', trustPolicy('lambda.amazonaws.com'));
      await expect(assume(serviceOnly)).rejects.toMatchObject(denied(`arn:aws:iam::${OWN}:root`, serviceOnly));
      const thirdParty = await createRole(other(), 'trusts-someone-else', trusting({ AWS: 'arn:aws:iam::222222222222:root' }));
      await expect(assume(thirdParty)).rejects.toMatchObject(denied(`arn:aws:iam::${OWN}:root`, thirdParty));
    });

    it('refuses a role of the caller’s own account whose trust policy names only a service', async () => {
      const serviceOnly = await createRole(own(), 'own-lambda-only', trustPolicy('lambda.amazonaws.com'));
      await expect(assume(serviceOnly)).rejects.toMatchObject(denied(`arn:aws:iam::${OWN}:root`, serviceOnly));
    });

    it('lets in a caller the trust policy names: the account’s root, its id, or anyone', async () => {
      const byRoot = await createRole(other(), 'trusts-own-root', trusting({ AWS: `arn:aws:iam::${OWN}:root` }));
      const creds = (await assume(byRoot)).Credentials!;
      const session = new STSClient({ ...own(), credentials: { accessKeyId: creds.AccessKeyId!, secretAccessKey: creds.SecretAccessKey!, sessionToken: creds.SessionToken! } });
      expect((await session.send(new GetCallerIdentityCommand({}))).Arn).toBe(`arn:aws:sts::${OTHER}:assumed-role/trusts-own-root/probe`);

      const byId = await createRole(own(), 'trusts-own-id', trusting({ AWS: OWN }));
      expect((await assume(byId)).AssumedRoleUser!.Arn).toBe(`arn:aws:sts::${OWN}:assumed-role/trusts-own-id/probe`);
      const anyone = await createRole(other(), 'trusts-anyone', trusting({ AWS: '*' }));
      expect((await assume(anyone)).AssumedRoleUser!.Arn).toBe(`arn:aws:sts::${OTHER}:assumed-role/trusts-anyone/probe`);

      // A role session is the caller AWS names when it is refused in turn.
      const serviceOnly = `arn:aws:iam::${OTHER}:role/lambda-only`;
      await expect(assume(serviceOnly, session)).rejects.toMatchObject(denied(`arn:aws:sts::${OTHER}:assumed-role/trusts-own-root/probe`, serviceOnly));
    });

    it('evaluates the trust policy’s conditions with what the call says (sts:ExternalId)', async () => {
      const guarded = await createRole(other(), 'needs-external-id', trusting({ AWS: OWN }, { StringEquals: { 'sts:ExternalId': 'course-2026' } }));
      await expect(assume(guarded)).rejects.toMatchObject(denied(`arn:aws:iam::${OWN}:root`, guarded));
      await expect(assume(guarded, sts, { ExternalId: 'wrong-id' })).rejects.toMatchObject({ name: 'AccessDenied' });
      expect((await assume(guarded, sts, { ExternalId: 'course-2026' })).Credentials?.AccessKeyId).toMatch(/^ASIA/);
    });
  });
});
