// Roles the sandbox's services act as, made as a student makes them: trusting the service, with the
// AWS managed policy the service's writes need. No test-runner imports, so the benchmarks can use it.

import { AttachRolePolicyCommand, CreateRoleCommand, IAMClient, type IAMClientConfig } from '@aws-sdk/client-iam';
import { trustPolicy } from './trust-policy.js';

/** A role Firehose may assume and write any bucket with (AmazonS3FullAccess); its ARN. */
export async function createFirehoseRole(config: IAMClientConfig, roleName = 'firehose-role'): Promise<string> {
  const iam = new IAMClient(config);
  try {
    const role = await iam.send(new CreateRoleCommand({ RoleName: roleName, AssumeRolePolicyDocument: trustPolicy('firehose.amazonaws.com') }));
    await iam.send(new AttachRolePolicyCommand({ RoleName: roleName, PolicyArn: 'arn:aws:iam::aws:policy/AmazonS3FullAccess' }));
    return role.Role!.Arn!;
  } finally {
    iam.destroy();
  }
}
