// Firehose acts as the delivery stream's role, as in AWS: it must be able to assume the role when the
// stream is created or its destination changed, and every object it writes is a call of the role's
// session, held to the role's policies (a refused write is an S3.AccessDenied delivery failure).

import type { Principal } from '../../edge/context.js';
import type { Sandbox } from '../../sandbox.js';
import { ServiceError } from '../../protocols/errors.js';
import { invalidArgument } from './errors.js';
import type { IamApi, RoleSummary } from '../iam/api.js';

const FIREHOSE_PRINCIPAL = 'firehose.amazonaws.com';

/** The role, when Firehose may assume it; undefined when it may not (no such role, or its trust does not name Firehose). */
function assumedRole(iam: IamApi, owner: Principal, roleArn: string): RoleSummary | undefined {
  const role = iam.getRoleByArn(roleArn);
  return role && iam.trustsService(role, FIREHOSE_PRINCIPAL, { sourceAccount: owner.accountId }) ? role : undefined;
}

/** CreateDeliveryStream and UpdateDestination refuse a role Firehose cannot assume (a new role's trust may still be propagating). */
export function checkRoleAssumable(sandbox: Sandbox, owner: Principal, roleArn: string): void {
  const iam = sandbox.apis.iam;
  if (iam && !assumedRole(iam, owner, roleArn)) throw invalidArgument(`Firehose is unable to assume role ${roleArn}. Please check the role provided.`);
}

/** Throws S3's AccessDenied, as Firehose records it, when the role may not write `key` into `bucket`. */
export function checkRoleWrites(sandbox: Sandbox, owner: Principal, roleArn: string, bucket: string, key: string): void {
  const iam = sandbox.apis.iam;
  if (!iam) return;
  const role = assumedRole(iam, owner, roleArn);
  if (role && iam.allows(role, 's3:PutObject', `arn:aws:s3:::${bucket}/${key}`)) return;
  throw new ServiceError('AccessDenied', 'Access was denied. Ensure that the trust policy for the provided IAM role allows Firehose to assume the role, and the access policy allows access to the S3 bucket.', 403);
}
