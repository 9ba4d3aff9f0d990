// What a role session may do. A request signed with keys AssumeRole issued (by a student, or by a
// service for a function) is that role's session, `arn:aws:sts::<account>:assumed-role/<role>/<session>`,
// and is held to the role's identity policies for each permission the operation needs, as IAM holds it:
// refused with AWS's AccessDenied in the protocol's shape, naming the principal, the action, the
// resource and why. The account's own keys stay its root. With --iam-enforcement off, nothing is checked.

import type { RequestContext } from './context.js';
import type { AuthFamily } from './authentication.js';
import { ServiceError } from '../protocols/errors.js';
import type { Permission, ServiceDefinition } from '../services/definition.js';

/** The permissions an operation needs: the service's own map, else `<prefix>:<Operation>` on any resource. */
export function permissionsFor(service: ServiceDefinition, operation: string, input: unknown, ctx: RequestContext): Permission[] {
  return service.permissions?.(operation, input, ctx) ?? [{ action: `${service.iamPrefix ?? service.signingName}:${operation}`, resource: '*' }];
}

const ACCESS_DENIED: Record<AuthFamily, [string, number]> = {
  json: ['AccessDeniedException', 400],
  query: ['AccessDenied', 403],
  s3: ['AccessDenied', 403],
  restJson: ['AccessDeniedException', 403],
};

const EXPIRED: Record<AuthFamily, [string, number]> = {
  json: ['ExpiredTokenException', 400],
  query: ['ExpiredToken', 403],
  s3: ['ExpiredToken', 400],
  restJson: ['ExpiredTokenException', 403],
};

/** Throws AWS's refusal when the request is a role session's and its role does not allow every permission the operation needs. */
export function authorizeSession(ctx: RequestContext, service: ServiceDefinition, family: AuthFamily, operation: string, input: unknown): void {
  const { sandbox } = ctx;
  const session = sandbox.apis.sts?.sessionForAccessKey(ctx.accessKeyId);
  const iam = sandbox.apis.iam;
  if (!session || !iam) return;
  if (session.expiration <= ctx.clock.now()) {
    const [code, status] = EXPIRED[family];
    throw new ServiceError(code, 'The security token included in the request is expired', status);
  }
  if (sandbox.options.iamEnforcement === false) return;
  const principal = `arn:aws:sts::${session.accountId}:assumed-role/${session.roleName}/${session.sessionName}`;
  for (const { action, resource } of permissionsFor(service, operation, input, ctx)) {
    const decision = iam.decide(session.roleArn, action, resource);
    if (decision === 'Allow') continue;
    const why = decision === 'ExplicitDeny' ? 'with an explicit deny in an identity-based policy' : `because no identity-based policy allows the ${action} action`;
    // S3 quotes the resource in its messages; the other services do not.
    const shown = family === 's3' ? `"${resource}"` : resource;
    const [code, status] = ACCESS_DENIED[family];
    throw new ServiceError(code, `User: ${principal} is not authorized to perform: ${action} on resource: ${shown} ${why}`, status);
  }
}
