// The sandbox core's durability promise: a write that was acknowledged survives `kill -9` of the process.
// Writes to IAM, S3, STS and CloudWatch Logs are in flight when the process is killed; after a restart on
// the same data directory, every acknowledged one is there, byte for byte.

import { describe, expect, it } from 'vitest';
import { CreateRoleCommand, GetRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { CloudWatchLogsClient, CreateLogGroupCommand, CreateLogStreamCommand, GetLogEventsCommand, PutLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { killHard, useChildSandboxes } from './child-sandbox.js';
import { clientConfig } from './support.js';
import { trustPolicyWithAccount } from './trust-policy.js';

// The test assumes the role with the account's own keys, so the account is trusted besides Lambda.
const TRUST = trustPolicyWithAccount('lambda.amazonaws.com', '000000000000');
const body = (i: number) => Buffer.from(`object ${i} `.repeat(50 + (i % 7) * 100));

describe('crash safety of the sandbox core', () => {
  const children = useChildSandboxes();

  it('keeps every acknowledged IAM, S3, STS and Logs write across kill -9', async () => {
    const dataDir = children.tempDir('sandbox-crash-');
    const first = await children.start(dataDir);
    const config = clientConfig(first.endpoint);
    // No retries: a call that failed because of the kill must not be re-sent to the next process.
    const iam = new IAMClient({ ...config, maxAttempts: 1 });
    const s3 = new S3Client({ ...config, forcePathStyle: true, maxAttempts: 1 });
    const logs = new CloudWatchLogsClient({ ...config, maxAttempts: 1 });
    const sts = new STSClient(config);
    await s3.send(new CreateBucketCommand({ Bucket: 'crash-bucket' }));
    await logs.send(new CreateLogGroupCommand({ logGroupName: '/crash' }));
    await logs.send(new CreateLogStreamCommand({ logGroupName: '/crash', logStreamName: 's' }));
    await iam.send(new CreateRoleCommand({ RoleName: 'assumable', AssumeRolePolicyDocument: TRUST }));
    const assumed = await sts.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::000000000000:role/assumable', RoleSessionName: 'before-crash' }));

    const roles: string[] = [];
    const objects: number[] = [];
    const events: string[] = [];
    let stop = false;
    const writer = async (kind: number) => {
      for (let i = kind; !stop; i += 3) {
        try {
          if (kind === 0) {
            await iam.send(new CreateRoleCommand({ RoleName: `role-${i}`, AssumeRolePolicyDocument: TRUST }));
            roles.push(`role-${i}`);
          } else if (kind === 1) {
            await s3.send(new PutObjectCommand({ Bucket: 'crash-bucket', Key: `k/${i}`, Body: body(i) }));
            objects.push(i);
          } else {
            // One event per call, so each acknowledgement stands for exactly one event.
            await logs.send(new PutLogEventsCommand({ logGroupName: '/crash', logStreamName: 's', logEvents: [{ timestamp: Date.now(), message: `event ${i}` }] }));
            events.push(`event ${i}`);
          }
        } catch {
          return; // the process is gone
        }
      }
    };
    const writers = [writer(0), writer(1), writer(2)];
    await new Promise((r) => setTimeout(r, 1500));
    await killHard(first.child);
    stop = true;
    await Promise.all(writers);
    expect(roles.length).toBeGreaterThan(5);
    expect(objects.length).toBeGreaterThan(5);
    expect(events.length).toBeGreaterThan(5);

    const second = await children.start(dataDir);
    const after = clientConfig(second.endpoint);
    const iam2 = new IAMClient(after);
    for (const name of roles) expect((await iam2.send(new GetRoleCommand({ RoleName: name }))).Role?.RoleName).toBe(name);
    const s32 = new S3Client({ ...after, forcePathStyle: true });
    for (const i of objects) {
      const got = await s32.send(new GetObjectCommand({ Bucket: 'crash-bucket', Key: `k/${i}` }));
      expect(Buffer.from(await got.Body!.transformToByteArray()).equals(body(i))).toBe(true);
    }
    const stored = await new CloudWatchLogsClient(after).send(new GetLogEventsCommand({ logGroupName: '/crash', logStreamName: 's', startFromHead: true, limit: 10_000 }));
    const messages = new Set((stored.events ?? []).map((e) => e.message));
    for (const message of events) expect(messages.has(message)).toBe(true);
    // Temporary credentials issued before the crash still act as the assumed role.
    const who = await new STSClient({
      ...after,
      credentials: { accessKeyId: assumed.Credentials!.AccessKeyId!, secretAccessKey: assumed.Credentials!.SecretAccessKey!, sessionToken: assumed.Credentials!.SessionToken },
    }).send(new GetCallerIdentityCommand({}));
    expect(who.Arn).toBe('arn:aws:sts::000000000000:assumed-role/assumable/before-crash');
  }, 120_000);
});
