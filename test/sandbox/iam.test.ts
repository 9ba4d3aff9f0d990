// IAM over the wire with the real SDK v3 client at default settings (and the AWS CLI v1): roles, trust
// policies, inline and managed policies (AWS's included), tags, paging, AWS's errors, and STS
// AssumeRole now that roles exist.

import { describe, expect, it } from 'vitest';
import {
  AttachRolePolicyCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  DeletePolicyCommand,
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  DetachRolePolicyCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  IAMClient,
  ListAttachedRolePoliciesCommand,
  ListPoliciesCommand,
  ListRolePoliciesCommand,
  ListRolesCommand,
  ListRoleTagsCommand,
  NoSuchEntityException,
  paginateListPolicies,
  paginateListRoles,
  PutRolePolicyCommand,
  TagRoleCommand,
  UntagRoleCommand,
  UpdateAssumeRolePolicyCommand,
  type Policy,
  type Role,
} from '@aws-sdk/client-iam';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { SANDBOX_CREDENTIALS } from '../../sandbox/index.js';
import { useSandbox } from './support.js';
import { awsCli, requireAwsCli } from './aws-cli.js';
import { trustPolicy as trust, trustPolicyWithAccount } from './trust-policy.js';

const ACCOUNT = '000000000000';

const LAMBDA_TRUST = trust('lambda.amazonaws.com');
const WRITE_TABLE = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: ['dynamodb:PutItem', 'dynamodb:BatchWriteItem'], Resource: `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/iot` }],
});

/** What the SDK v3 hands back for a policy document: IAM's URL-encoded JSON, not decoded by the SDK. */
const decoded = (document: string | undefined) => JSON.parse(decodeURIComponent(document!)) as Record<string, any>;

const LAB_POLICIES = [
  'service-role/AWSLambdaKinesisExecutionRole',
  'service-role/AWSLambdaBasicExecutionRole',
  'service-role/AWSLambdaDynamoDBExecutionRole',
  'AmazonDynamoDBFullAccess',
  'AmazonDynamoDBReadOnlyAccess',
  'AmazonKinesisFullAccess',
  'AmazonKinesisFirehoseFullAccess',
  'AmazonS3FullAccess',
  'AmazonS3ReadOnlyAccess',
  'service-role/AWSIoTRuleActions',
  'service-role/AWSIoTLogging',
  'CloudWatchLogsFullAccess',
  'AmazonAPIGatewayInvokeFullAccess',
  'AWSLambda_FullAccess',
  'AmazonAthenaFullAccess',
  'service-role/AWSGlueServiceRole',
].map((p) => `arn:aws:iam::aws:policy/${p}`);

describe('IAM', () => {
  const sb = useSandbox();
  const iam = (extra?: { accessKeyId?: string }) => new IAMClient(sb.config(extra));

  describe('roles', () => {
    it('creates a role with path, description and tags, and gets it back with its trust policy URL-encoded', async () => {
      const created = await iam().send(
        new CreateRoleCommand({
          RoleName: 'ingest-fn-role',
          Path: '/service-role/',
          AssumeRolePolicyDocument: LAMBDA_TRUST,
          Description: 'ingest lambda',
          Tags: [{ Key: 'workshop', Value: 'iot-pipeline-labs' }],
        }),
      );
      const role = created.Role!;
      expect(role.Arn).toBe(`arn:aws:iam::${ACCOUNT}:role/service-role/ingest-fn-role`);
      expect(role.RoleId).toMatch(/^AROA[A-Z2-7]{17}$/);
      expect(role.Path).toBe('/service-role/');
      expect(role.CreateDate).toBeInstanceOf(Date);
      expect(role.MaxSessionDuration).toBe(3600);
      // SDK v3 returns IAM's URL-encoded document as is; botocore is the one that decodes it.
      expect(role.AssumeRolePolicyDocument).toBe(encodeURIComponent(LAMBDA_TRUST));
      expect(role.AssumeRolePolicyDocument).toMatch(/^%7B%22Version%22%3A%222012-10-17%22/);

      const got = (await iam().send(new GetRoleCommand({ RoleName: 'ingest-fn-role' }))).Role!;
      expect(got.RoleId).toBe(role.RoleId);
      expect(decoded(got.AssumeRolePolicyDocument)).toEqual(JSON.parse(LAMBDA_TRUST));
      expect(got.Description).toBe('ingest lambda');
      expect(got.Tags).toEqual([{ Key: 'workshop', Value: 'iot-pipeline-labs' }]);
      expect(got.RoleLastUsed).toEqual({});
    });

    it('finds a role whatever the case of its name, and refuses a duplicate that differs only in case', async () => {
      const got = await iam().send(new GetRoleCommand({ RoleName: 'INGEST-FN-ROLE' }));
      expect(got.Role!.RoleName).toBe('ingest-fn-role');
      await expect(iam().send(new CreateRoleCommand({ RoleName: 'Ingest-Fn-Role', AssumeRolePolicyDocument: LAMBDA_TRUST }))).rejects.toMatchObject({
        name: 'EntityAlreadyExistsException',
        message: 'Role with name Ingest-Fn-Role already exists.',
        $metadata: { httpStatusCode: 409 },
      });
    });

    it('answers NoSuchEntity for a missing role', async () => {
      const err = await iam()
        .send(new GetRoleCommand({ RoleName: 'nope' }))
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(NoSuchEntityException);
      expect(err).toMatchObject({ message: 'The role with name nope cannot be found.', $metadata: { httpStatusCode: 404 } });
      for (const command of [
        new DeleteRoleCommand({ RoleName: 'nope' }),
        new UpdateAssumeRolePolicyCommand({ RoleName: 'nope', PolicyDocument: LAMBDA_TRUST }),
        new ListRolePoliciesCommand({ RoleName: 'nope' }),
        new ListAttachedRolePoliciesCommand({ RoleName: 'nope' }),
        new TagRoleCommand({ RoleName: 'nope', Tags: [{ Key: 'a', Value: 'b' }] }),
        new ListRoleTagsCommand({ RoleName: 'nope' }),
      ]) {
        await expect(iam().send(command as never)).rejects.toMatchObject({ name: 'NoSuchEntityException', message: 'The role with name nope cannot be found.' });
      }
    });

    it('validates names, paths and limits with ValidationError and lowerCamel member names', async () => {
      await expect(iam().send(new CreateRoleCommand({ RoleName: 'bad name!', AssumeRolePolicyDocument: LAMBDA_TRUST }))).rejects.toMatchObject({
        name: 'ValidationError',
        message: "1 validation error detected: Value 'bad name!' at 'roleName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+",
      });
      await expect(
        iam().send(new CreateRoleCommand({ RoleName: 'x'.repeat(65), Path: 'noslash', AssumeRolePolicyDocument: LAMBDA_TRUST, MaxSessionDuration: 60 })),
      ).rejects.toMatchObject({
        name: 'ValidationError',
        message: expect.stringMatching(
          /^3 validation errors detected: Value 'noslash' at 'path' .*; Value 'x{65}' at 'roleName' failed to satisfy constraint: Member must have length less than or equal to 64; Value '60' at 'maxSessionDuration' failed to satisfy constraint: Member must have value greater than or equal to 3600$/,
        ),
      });
      await expect(iam().send(new ListRolesCommand({ MaxItems: 0 }))).rejects.toMatchObject({ name: 'ValidationError' });
    });

    it('refuses malformed trust policies with MalformedPolicyDocument', async () => {
      const bad = async (document: string, message: string) =>
        expect(iam().send(new CreateRoleCommand({ RoleName: 'malformed', AssumeRolePolicyDocument: document }))).rejects.toMatchObject({
          name: 'MalformedPolicyDocumentException',
          message,
        });
      await bad('{not json', 'This policy contains invalid Json');
      await bad(JSON.stringify({ Version: '2012-10-17' }), 'Syntax errors in policy.');
      await bad(JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole' }] }), 'Missing required field Principal');
      await bad(
        JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole', Resource: '*' }] }),
        'Has prohibited field Resource',
      );
      await bad(JSON.stringify({ Version: '2020-01-01', Statement: [] }), 'The policy failed legacy parsing');
      await expect(iam().send(new GetRoleCommand({ RoleName: 'malformed' }))).rejects.toBeInstanceOf(NoSuchEntityException);
    });

    it('replaces the trust policy with UpdateAssumeRolePolicy', async () => {
      const kinesisTrust = trust('firehose.amazonaws.com');
      await iam().send(new UpdateAssumeRolePolicyCommand({ RoleName: 'ingest-fn-role', PolicyDocument: kinesisTrust }));
      const role = (await iam().send(new GetRoleCommand({ RoleName: 'ingest-fn-role' }))).Role!;
      expect(decoded(role.AssumeRolePolicyDocument).Statement[0].Principal.Service).toBe('firehose.amazonaws.com');
      await expect(iam().send(new UpdateAssumeRolePolicyCommand({ RoleName: 'ingest-fn-role', PolicyDocument: '[' }))).rejects.toMatchObject({
        name: 'MalformedPolicyDocumentException',
      });
      await iam().send(new UpdateAssumeRolePolicyCommand({ RoleName: 'ingest-fn-role', PolicyDocument: LAMBDA_TRUST }));
    });

    it('keeps roles per account', async () => {
      const other = iam({ accessKeyId: '123456789012' });
      await other.send(new CreateRoleCommand({ RoleName: 'only-there', AssumeRolePolicyDocument: LAMBDA_TRUST }));
      expect((await other.send(new GetRoleCommand({ RoleName: 'only-there' }))).Role!.Arn).toBe('arn:aws:iam::123456789012:role/only-there');
      await expect(iam().send(new GetRoleCommand({ RoleName: 'only-there' }))).rejects.toBeInstanceOf(NoSuchEntityException);
      // IAM is global: the same role answers in every region.
      const west = new IAMClient(sb.config({ accessKeyId: '123456789012', region: 'eu-west-1' }));
      expect((await west.send(new GetRoleCommand({ RoleName: 'only-there' }))).Role!.RoleName).toBe('only-there');
    });

    it('lists roles under a path prefix a page at a time', async () => {
      const names = ['pg-e', 'pg-a', 'pg-g', 'pg-c', 'pg-b', 'pg-f', 'pg-d'];
      for (const name of names) await iam().send(new CreateRoleCommand({ RoleName: name, Path: '/paging/', AssumeRolePolicyDocument: LAMBDA_TRUST }));
      const first = await iam().send(new ListRolesCommand({ PathPrefix: '/paging/', MaxItems: 3 }));
      expect(first.Roles!.map((r) => r.RoleName)).toEqual(['pg-a', 'pg-b', 'pg-c']);
      expect(first.IsTruncated).toBe(true);
      expect(first.Marker).toBeTruthy();
      expect(first.Roles![0].Tags).toBeUndefined();
      expect(decoded(first.Roles![0].AssumeRolePolicyDocument)).toEqual(JSON.parse(LAMBDA_TRUST));
      const second = await iam().send(new ListRolesCommand({ PathPrefix: '/paging/', MaxItems: 3, Marker: first.Marker }));
      expect(second.Roles!.map((r) => r.RoleName)).toEqual(['pg-d', 'pg-e', 'pg-f']);
      const third = await iam().send(new ListRolesCommand({ PathPrefix: '/paging/', MaxItems: 3, Marker: second.Marker }));
      expect(third.Roles!.map((r) => r.RoleName)).toEqual(['pg-g']);
      expect(third.IsTruncated).toBe(false);
      expect(third.Marker).toBeUndefined();

      const all: Role[] = [];
      for await (const page of paginateListRoles({ client: iam(), pageSize: 2 }, { PathPrefix: '/paging/' })) all.push(...page.Roles!);
      expect(all.map((r) => r.RoleName)).toEqual([...names].sort());
      const everything = await iam().send(new ListRolesCommand({}));
      expect(everything.Roles!.map((r) => r.RoleName)).toEqual(expect.arrayContaining(['ingest-fn-role', ...names]));
      expect(everything.Roles!.map((r) => r.RoleName)).not.toContain('only-there');
    });
  });

  describe('inline role policies', () => {
    it('puts, gets, lists and deletes inline policies', async () => {
      await iam().send(new PutRolePolicyCommand({ RoleName: 'ingest-fn-role', PolicyName: 'write-table', PolicyDocument: WRITE_TABLE }));
      await iam().send(new PutRolePolicyCommand({ RoleName: 'ingest-fn-role', PolicyName: 'another', PolicyDocument: WRITE_TABLE }));
      const got = await iam().send(new GetRolePolicyCommand({ RoleName: 'ingest-fn-role', PolicyName: 'write-table' }));
      expect(got.RoleName).toBe('ingest-fn-role');
      expect(got.PolicyName).toBe('write-table');
      expect(got.PolicyDocument).toBe(encodeURIComponent(WRITE_TABLE));
      const listed = await iam().send(new ListRolePoliciesCommand({ RoleName: 'ingest-fn-role' }));
      expect(listed.PolicyNames).toEqual(['another', 'write-table']);
      expect(listed.IsTruncated).toBe(false);
      const paged = await iam().send(new ListRolePoliciesCommand({ RoleName: 'ingest-fn-role', MaxItems: 1 }));
      expect(paged).toMatchObject({ PolicyNames: ['another'], IsTruncated: true });
      const rest = await iam().send(new ListRolePoliciesCommand({ RoleName: 'ingest-fn-role', Marker: paged.Marker }));
      expect(rest.PolicyNames).toEqual(['write-table']);

      const replaced = WRITE_TABLE.replace('PutItem', 'UpdateItem');
      await iam().send(new PutRolePolicyCommand({ RoleName: 'ingest-fn-role', PolicyName: 'another', PolicyDocument: replaced }));
      const again = await iam().send(new GetRolePolicyCommand({ RoleName: 'ingest-fn-role', PolicyName: 'another' }));
      expect(decodeURIComponent(again.PolicyDocument!)).toBe(replaced);
      await iam().send(new DeleteRolePolicyCommand({ RoleName: 'ingest-fn-role', PolicyName: 'another' }));
      expect((await iam().send(new ListRolePoliciesCommand({ RoleName: 'ingest-fn-role' }))).PolicyNames).toEqual(['write-table']);
    });

    it('answers NoSuchEntity for a missing inline policy and refuses malformed documents', async () => {
      for (const command of [
        new GetRolePolicyCommand({ RoleName: 'ingest-fn-role', PolicyName: 'missing' }),
        new DeleteRolePolicyCommand({ RoleName: 'ingest-fn-role', PolicyName: 'missing' }),
      ]) {
        await expect(iam().send(command as never)).rejects.toMatchObject({
          name: 'NoSuchEntityException',
          message: 'The role policy with name missing cannot be found.',
        });
      }
      const put = (document: string) => iam().send(new PutRolePolicyCommand({ RoleName: 'ingest-fn-role', PolicyName: 'bad', PolicyDocument: document }));
      await expect(put('nope')).rejects.toMatchObject({ name: 'MalformedPolicyDocumentException', message: 'Syntax errors in policy.' });
      await expect(put(JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*' }] }))).rejects.toMatchObject({
        message: 'Policy statement must contain resources.',
      });
      await expect(
        put(JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: '*' }] })),
      ).rejects.toMatchObject({ message: 'Policy document should not specify a principal.' });
      await expect(put(JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'PutItem', Resource: '*' }] }))).rejects.toMatchObject({
        message: 'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.',
      });
      await expect(iam().send(new PutRolePolicyCommand({ RoleName: 'nope', PolicyName: 'p', PolicyDocument: WRITE_TABLE }))).rejects.toMatchObject({
        name: 'NoSuchEntityException',
        message: 'The role with name nope cannot be found.',
      });
    });
  });

  describe('managed policies', () => {
    it('has the AWS managed policies the labs use in every account, with their real ARNs and documents', async () => {
      for (const accessKeyId of [SANDBOX_CREDENTIALS.accessKeyId, '123456789012']) {
        const listed: Policy[] = [];
        for await (const page of paginateListPolicies({ client: iam({ accessKeyId }), pageSize: 5 }, { Scope: 'AWS' })) listed.push(...page.Policies!);
        expect(listed.map((p) => p.Arn).sort()).toEqual([...LAB_POLICIES].sort());
      }
      const kinesis = await iam().send(new GetPolicyCommand({ PolicyArn: 'arn:aws:iam::aws:policy/service-role/AWSLambdaKinesisExecutionRole' }));
      expect(kinesis.Policy).toMatchObject({
        PolicyName: 'AWSLambdaKinesisExecutionRole',
        Path: '/service-role/',
        DefaultVersionId: 'v1',
        IsAttachable: true,
        AttachmentCount: 0,
      });
      expect(kinesis.Policy!.PolicyId).toMatch(/^ANPA[A-Z2-7]{17}$/);
      const version = await iam().send(new GetPolicyVersionCommand({ PolicyArn: kinesis.Policy!.Arn, VersionId: kinesis.Policy!.DefaultVersionId }));
      expect(version.PolicyVersion).toMatchObject({ VersionId: 'v1', IsDefaultVersion: true });
      // The SDK gives the document back URL-encoded, exactly as IAM sends it.
      expect(version.PolicyVersion!.Document).toMatch(/^%7B/);
      expect(decoded(version.PolicyVersion!.Document).Statement[0].Action).toEqual(
        expect.arrayContaining(['kinesis:GetRecords', 'kinesis:GetShardIterator', 'kinesis:DescribeStream', 'kinesis:ListShards', 'logs:PutLogEvents']),
      );
      const ruleActions = await iam().send(new GetPolicyVersionCommand({ PolicyArn: 'arn:aws:iam::aws:policy/service-role/AWSIoTRuleActions', VersionId: 'v1' }));
      expect(decoded(ruleActions.PolicyVersion!.Document).Statement.Action).toEqual(expect.arrayContaining(['kinesis:PutRecord', 'firehose:PutRecord']));
      const s3 = await iam().send(new GetPolicyVersionCommand({ PolicyArn: 'arn:aws:iam::aws:policy/AmazonS3FullAccess', VersionId: 'v1' }));
      expect(decoded(s3.PolicyVersion!.Document).Statement[0]).toMatchObject({ Effect: 'Allow', Action: expect.arrayContaining(['s3:*']), Resource: '*' });
    });

    it('attaches and detaches AWS managed policies, counting attachments', async () => {
      const arn = 'arn:aws:iam::aws:policy/service-role/AWSLambdaKinesisExecutionRole';
      await iam().send(new AttachRolePolicyCommand({ RoleName: 'ingest-fn-role', PolicyArn: arn }));
      await iam().send(new AttachRolePolicyCommand({ RoleName: 'ingest-fn-role', PolicyArn: arn })); // a no-op, as in AWS
      await iam().send(new AttachRolePolicyCommand({ RoleName: 'ingest-fn-role', PolicyArn: 'arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess' }));
      const attached = await iam().send(new ListAttachedRolePoliciesCommand({ RoleName: 'ingest-fn-role' }));
      expect(attached.AttachedPolicies).toEqual([
        { PolicyName: 'AmazonDynamoDBFullAccess', PolicyArn: 'arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess' },
        { PolicyName: 'AWSLambdaKinesisExecutionRole', PolicyArn: arn },
      ]);
      const underServiceRole = await iam().send(new ListAttachedRolePoliciesCommand({ RoleName: 'ingest-fn-role', PathPrefix: '/service-role/' }));
      expect(underServiceRole.AttachedPolicies!.map((p) => p.PolicyName)).toEqual(['AWSLambdaKinesisExecutionRole']);
      const page = await iam().send(new ListAttachedRolePoliciesCommand({ RoleName: 'ingest-fn-role', MaxItems: 1 }));
      expect(page).toMatchObject({ IsTruncated: true, AttachedPolicies: [{ PolicyName: 'AmazonDynamoDBFullAccess' }] });

      expect((await iam().send(new GetPolicyCommand({ PolicyArn: arn }))).Policy!.AttachmentCount).toBe(1);
      // Attachment counts are per account.
      expect((await iam({ accessKeyId: '123456789012' }).send(new GetPolicyCommand({ PolicyArn: arn }))).Policy!.AttachmentCount).toBe(0);
      const onlyAttached = await iam().send(new ListPoliciesCommand({ Scope: 'AWS', OnlyAttached: true }));
      expect(onlyAttached.Policies!.map((p) => p.PolicyName)).toEqual(['AmazonDynamoDBFullAccess', 'AWSLambdaKinesisExecutionRole']);

      await iam().send(new DetachRolePolicyCommand({ RoleName: 'ingest-fn-role', PolicyArn: 'arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess' }));
      await expect(
        iam().send(new DetachRolePolicyCommand({ RoleName: 'ingest-fn-role', PolicyArn: 'arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess' })),
      ).rejects.toMatchObject({ name: 'NoSuchEntityException', message: 'Policy arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess was not found.' });
    });

    it('refuses to attach policies that do not exist or are not ARNs', async () => {
      await expect(
        iam().send(new AttachRolePolicyCommand({ RoleName: 'ingest-fn-role', PolicyArn: 'arn:aws:iam::aws:policy/NoSuchPolicyAnywhere' })),
      ).rejects.toMatchObject({
        name: 'NoSuchEntityException',
        message: 'Policy arn:aws:iam::aws:policy/NoSuchPolicyAnywhere does not exist or is not attachable.',
      });
      // An AWS managed policy sits under its real path only.
      await expect(
        iam().send(new AttachRolePolicyCommand({ RoleName: 'ingest-fn-role', PolicyArn: 'arn:aws:iam::aws:policy/AWSLambdaKinesisExecutionRole' })),
      ).rejects.toBeInstanceOf(NoSuchEntityException);
      await expect(iam().send(new AttachRolePolicyCommand({ RoleName: 'ingest-fn-role', PolicyArn: 'AmazonS3FullAccess-not-an-arn' }))).rejects.toMatchObject({
        name: 'InvalidInputException',
        message: 'ARN AmazonS3FullAccess-not-an-arn is not valid.',
      });
      await expect(iam().send(new AttachRolePolicyCommand({ RoleName: 'nope', PolicyArn: 'arn:aws:iam::aws:policy/AmazonS3FullAccess' }))).rejects.toMatchObject({
        message: 'The role with name nope cannot be found.',
      });
      await expect(iam().send(new GetPolicyCommand({ PolicyArn: 'arn:aws:iam::aws:policy/NoSuchPolicyAnywhere' }))).rejects.toMatchObject({
        name: 'NoSuchEntityException',
        message: 'Policy arn:aws:iam::aws:policy/NoSuchPolicyAnywhere was not found.',
      });
      await expect(
        iam().send(new GetPolicyVersionCommand({ PolicyArn: 'arn:aws:iam::aws:policy/AmazonS3FullAccess', VersionId: 'v9' })),
      ).rejects.toBeInstanceOf(NoSuchEntityException);
    });

    it('creates, attaches, refuses to delete while attached, and deletes customer managed policies', async () => {
      const created = await iam().send(
        new CreatePolicyCommand({ PolicyName: 'write-iot-table', Path: '/labs/', PolicyDocument: WRITE_TABLE, Description: 'writes the table' }),
      );
      const arn = `arn:aws:iam::${ACCOUNT}:policy/labs/write-iot-table`;
      expect(created.Policy).toMatchObject({ Arn: arn, DefaultVersionId: 'v1', AttachmentCount: 0, IsAttachable: true, Path: '/labs/' });
      expect(created.Policy!.PolicyId).toMatch(/^ANPA[A-Z2-7]{17}$/);
      await expect(iam().send(new CreatePolicyCommand({ PolicyName: 'write-iot-table', PolicyDocument: WRITE_TABLE }))).rejects.toMatchObject({
        name: 'EntityAlreadyExistsException',
        message: 'A policy called write-iot-table already exists. Duplicate names are not allowed.',
      });
      await expect(iam().send(new CreatePolicyCommand({ PolicyName: 'broken', PolicyDocument: '{}' }))).rejects.toMatchObject({
        name: 'MalformedPolicyDocumentException',
      });

      const version = await iam().send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: 'v1' }));
      expect(version.PolicyVersion!.Document).toBe(encodeURIComponent(WRITE_TABLE));
      expect((await iam().send(new GetPolicyCommand({ PolicyArn: arn }))).Policy!.Description).toBe('writes the table');

      const local = await iam().send(new ListPoliciesCommand({ Scope: 'Local' }));
      expect(local.Policies!.map((p) => p.Arn)).toEqual([arn]);
      expect(local.Policies![0].Description).toBeUndefined();
      const all = await iam().send(new ListPoliciesCommand({ PathPrefix: '/labs/' }));
      expect(all.Policies!.map((p) => p.Arn)).toEqual([arn]);

      await iam().send(new AttachRolePolicyCommand({ RoleName: 'ingest-fn-role', PolicyArn: arn }));
      expect((await iam().send(new GetPolicyCommand({ PolicyArn: arn }))).Policy!.AttachmentCount).toBe(1);
      await expect(iam().send(new DeletePolicyCommand({ PolicyArn: arn }))).rejects.toMatchObject({
        name: 'DeleteConflictException',
        message: 'Cannot delete a policy attached to entities.',
        $metadata: { httpStatusCode: 409 },
      });
      // Another account cannot see it.
      await expect(iam({ accessKeyId: '123456789012' }).send(new GetPolicyCommand({ PolicyArn: arn }))).rejects.toBeInstanceOf(NoSuchEntityException);

      await iam().send(new DetachRolePolicyCommand({ RoleName: 'ingest-fn-role', PolicyArn: arn }));
      await iam().send(new DeletePolicyCommand({ PolicyArn: arn }));
      await expect(iam().send(new GetPolicyCommand({ PolicyArn: arn }))).rejects.toBeInstanceOf(NoSuchEntityException);
      await expect(iam().send(new DeletePolicyCommand({ PolicyArn: arn }))).rejects.toBeInstanceOf(NoSuchEntityException);
    });
  });

  describe('tags', () => {
    it('tags, lists and untags a role', async () => {
      await iam().send(new CreateRoleCommand({ RoleName: 'tagged', AssumeRolePolicyDocument: LAMBDA_TRUST, Tags: [{ Key: 'b', Value: '1' }] }));
      await iam().send(new TagRoleCommand({ RoleName: 'tagged', Tags: [{ Key: 'a', Value: 'x' }, { Key: 'b', Value: '2' }] }));
      const tags = await iam().send(new ListRoleTagsCommand({ RoleName: 'tagged' }));
      expect(tags.Tags).toEqual([{ Key: 'a', Value: 'x' }, { Key: 'b', Value: '2' }]);
      expect(tags.IsTruncated).toBe(false);
      const page = await iam().send(new ListRoleTagsCommand({ RoleName: 'tagged', MaxItems: 1 }));
      expect(page).toMatchObject({ Tags: [{ Key: 'a' }], IsTruncated: true });
      expect((await iam().send(new ListRoleTagsCommand({ RoleName: 'tagged', Marker: page.Marker }))).Tags).toEqual([{ Key: 'b', Value: '2' }]);
      await iam().send(new UntagRoleCommand({ RoleName: 'tagged', TagKeys: ['A', 'missing'] }));
      expect((await iam().send(new ListRoleTagsCommand({ RoleName: 'tagged' }))).Tags).toEqual([{ Key: 'b', Value: '2' }]);
      await expect(
        iam().send(new TagRoleCommand({ RoleName: 'tagged', Tags: [{ Key: 'k', Value: '1' }, { Key: 'K', Value: '2' }] })),
      ).rejects.toMatchObject({ name: 'InvalidInputException', message: 'Duplicate tag keys found. Please note that Tag keys are case insensitive.' });
      await expect(iam().send(new TagRoleCommand({ RoleName: 'tagged', Tags: [{ Key: 'bad{key}', Value: '1' }] }))).rejects.toMatchObject({
        name: 'ValidationError',
        message: expect.stringContaining("at 'tags.1.member.key' failed to satisfy constraint"),
      });
    });
  });

  describe('DeleteRole', () => {
    it('refuses while policies are attached or inline policies exist, then deletes', async () => {
      await iam().send(new AttachRolePolicyCommand({ RoleName: 'ingest-fn-role', PolicyArn: 'arn:aws:iam::aws:policy/AmazonS3FullAccess' }));
      const conflict = { name: 'DeleteConflictException', $metadata: { httpStatusCode: 409 } };
      await expect(iam().send(new DeleteRoleCommand({ RoleName: 'ingest-fn-role' }))).rejects.toMatchObject({
        ...conflict,
        message: 'Cannot delete entity, must detach all policies first.',
      });
      for (const p of (await iam().send(new ListAttachedRolePoliciesCommand({ RoleName: 'ingest-fn-role' }))).AttachedPolicies!) {
        await iam().send(new DetachRolePolicyCommand({ RoleName: 'ingest-fn-role', PolicyArn: p.PolicyArn }));
      }
      await expect(iam().send(new DeleteRoleCommand({ RoleName: 'ingest-fn-role' }))).rejects.toMatchObject({
        ...conflict,
        message: 'Cannot delete entity, must delete policies first.',
      });
      await iam().send(new DeleteRolePolicyCommand({ RoleName: 'ingest-fn-role', PolicyName: 'write-table' }));
      await iam().send(new DeleteRoleCommand({ RoleName: 'ingest-fn-role' }));
      await expect(iam().send(new GetRoleCommand({ RoleName: 'ingest-fn-role' }))).rejects.toBeInstanceOf(NoSuchEntityException);
    });
  });

  describe('in-process API', () => {
    it('answers trust and permission questions from the role policies', async () => {
      await iam().send(new CreateRoleCommand({ RoleName: 'api-role', Path: '/lab/', AssumeRolePolicyDocument: LAMBDA_TRUST }));
      await iam().send(new AttachRolePolicyCommand({ RoleName: 'api-role', PolicyArn: 'arn:aws:iam::aws:policy/service-role/AWSLambdaKinesisExecutionRole' }));
      await iam().send(new PutRolePolicyCommand({ RoleName: 'api-role', PolicyName: 'table', PolicyDocument: WRITE_TABLE }));
      const api = sb.running.sandbox.api('iam');
      const role = api.getRole({ accountId: ACCOUNT, region: 'us-east-1', clock: sb.running.sandbox.clock }, 'api-role')!;
      expect(role.Arn).toBe(`arn:aws:iam::${ACCOUNT}:role/lab/api-role`);
      expect(api.getRoleByArn(role.Arn)?.RoleId).toBe(role.RoleId);
      expect(api.getRoleByArn(`arn:aws:iam::${ACCOUNT}:role/api-role`)).toBeUndefined();
      expect(api.trustsService(role, 'lambda.amazonaws.com')).toBe(true);
      expect(api.trustsService(role, 'iot.amazonaws.com')).toBe(false);
      expect(api.allows(role, 'kinesis:GetRecords', 'arn:aws:kinesis:us-east-1:000000000000:stream/s')).toBe(true);
      expect(api.allows(role, 'dynamodb:PutItem', `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/iot`)).toBe(true);
      expect(api.allows(role, 'dynamodb:PutItem', `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/other`)).toBe(false);
      expect(api.allows(role, 'kinesis:PutRecord', '*')).toBe(false);
      await iam().send(
        new PutRolePolicyCommand({
          RoleName: 'api-role',
          PolicyName: 'deny',
          PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'kinesis:Get*', Resource: '*' }] }),
        }),
      );
      expect(api.allows(role, 'kinesis:GetRecords', 'arn:aws:kinesis:us-east-1:000000000000:stream/s')).toBe(false);
    });
  });

  describe('STS AssumeRole', () => {
    it('refuses a role that does not exist and issues credentials for one that does', async () => {
      const sts = new STSClient(sb.config());
      await expect(
        sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${ACCOUNT}:role/not-there`, RoleSessionName: 'session' })),
      ).rejects.toMatchObject({ name: 'AccessDenied', $metadata: { httpStatusCode: 403 } });

      const role = (await iam().send(new GetRoleCommand({ RoleName: 'api-role' }))).Role!;
      // Trusted by lambda.amazonaws.com only: the account's own keys may not assume it, as in AWS.
      await expect(sts.send(new AssumeRoleCommand({ RoleArn: role.Arn, RoleSessionName: 'session' }))).rejects.toMatchObject({ name: 'AccessDenied' });
      await iam().send(new UpdateAssumeRolePolicyCommand({ RoleName: 'api-role', PolicyDocument: trustPolicyWithAccount('lambda.amazonaws.com', ACCOUNT) }));
      const assumed = await sts.send(new AssumeRoleCommand({ RoleArn: role.Arn, RoleSessionName: 'session' }));
      expect(assumed.AssumedRoleUser).toEqual({ AssumedRoleId: `${role.RoleId}:session`, Arn: `arn:aws:sts::${ACCOUNT}:assumed-role/api-role/session` });
      const creds = assumed.Credentials!;
      const who = await new STSClient({
        ...sb.config(),
        credentials: { accessKeyId: creds.AccessKeyId!, secretAccessKey: creds.SecretAccessKey!, sessionToken: creds.SessionToken },
      }).send(new GetCallerIdentityCommand({}));
      expect(who.Arn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/api-role/session`);
    });
  });

  describe('AWS CLI v1', () => {
    it('creates a role and reads it back with the document decoded by botocore', async (testCtx) => {
      const aws = awsCli(requireAwsCli(testCtx, 'v1'), sb);
      const created = await aws.json('iam', 'create-role', '--role-name', 'cli-role', '--assume-role-policy-document', LAMBDA_TRUST);
      expect(created.Role.Arn).toBe(`arn:aws:iam::${ACCOUNT}:role/cli-role`);
      expect(created.Role.AssumeRolePolicyDocument).toEqual(JSON.parse(LAMBDA_TRUST));
      await aws.json('iam', 'attach-role-policy', '--role-name', 'cli-role', '--policy-arn', 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole');
      const attached = await aws.json('iam', 'list-attached-role-policies', '--role-name', 'cli-role');
      expect(attached.AttachedPolicies).toEqual([
        { PolicyName: 'AWSLambdaBasicExecutionRole', PolicyArn: 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole' },
      ]);
      const version = await aws.json('iam', 'get-policy-version', '--policy-arn', 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole', '--version-id', 'v1');
      expect(version.PolicyVersion.Document.Statement[0].Action).toEqual(['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents']);
      const err = await aws.json('iam', 'get-role', '--role-name', 'no-such-cli-role').catch((e: { stderr: string }) => e);
      expect((err as { stderr: string }).stderr).toContain('An error occurred (NoSuchEntity) when calling the GetRole operation: The role with name no-such-cli-role cannot be found.');
    }, 60_000);
  });
});
