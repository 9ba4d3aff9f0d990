// Firehose acts as the delivery stream's role, as in AWS: it must be able to assume the role when the
// stream is created or its destination changed, and every object it writes is a call of the role's
// session, held to the role's policies (a refused write is an S3.AccessDenied delivery failure).

import type { Principal } from '../../edge/context.js';
import type { Sandbox } from '../../sandbox.js';
import { ServiceError } from '../../protocols/errors.js';
import { invalidArgument } from './errors.js';

const FIREHOSE_PRINCIPAL = 'firehose.amazonaws.com';

function assumable(sandbox: Sandbox, owner: Principal, roleArn: string): boolean {
  const iam = sandbox.apis.iam;
  if (!iam) return true;
  const role = iam.getRoleByArn(roleArn);
  return role !== undefined && iam.trustsService(role, FIREHOSE_PRINCIPAL, { sourceAccount: owner.accountId });
}

/** CreateDeliveryStream and UpdateDestination refuse a role Firehose cannot assume (a new role's trust may still be propagating). */
export function checkRoleAssumable(sandbox: Sandbox, owner: Principal, roleArn: string): void {
  if (!assumable(sandbox, owner, roleArn)) throw invalidArgument(`Firehose is unable to assume role ${roleArn}. Please check the role provided.`);
}

/** Throws S3's AccessDenied, as Firehose records it, when the role may not write `key` into `bucket`. */
export function checkRoleWrites(sandbox: Sandbox, owner: Principal, roleArn: string, bucket: string, key: string): void {
  const iam = sandbox.apis.iam;
  if (!iam) return;
  const role = iam.getRoleByArn(roleArn);
  if (assumable(sandbox, owner, roleArn) && role && iam.allows(role, 's3:PutObject', `arn:aws:s3:::${bucket}/${key}`)) return;
  throw new ServiceError('AccessDenied', 'Access was denied. Ensure that the trust policy for the provided IAM role allows Firehose to assume the role, and the access policy allows access to the S3 bucket.', 403);
}
