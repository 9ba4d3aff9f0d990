// What other services ask IAM: does a role exist, may a service assume it, what may it do.

import type { Principal } from '../../edge/context.js';

export interface RoleSummary {
  RoleName: string;
  RoleId: string;
  Arn: string;
  /** The trust policy as a parsed JSON document. */
  assumeRolePolicy: unknown;
}

export interface IamApi {
  getRole(owner: Principal, roleName: string): RoleSummary | undefined;
  /** The role named by an ARN, in the ARN's account. */
  getRoleByArn(roleArn: string): RoleSummary | undefined;
  /** Whether the role's trust policy lets `servicePrincipal` (e.g. `lambda.amazonaws.com`) assume it. */
  trustsService(role: RoleSummary, servicePrincipal: string): boolean;
  /** Whether the role's policies (inline and attached) allow `action` on `resource`. */
  allows(role: RoleSummary, action: string, resource: string): boolean;
}
