// DetachRolePolicy: removes a managed policy from a role; a policy that is not attached is not found.

import { defineOperation } from '../../definition.js';
import { struct } from '../../../protocols/shapes.js';
import { invalidArn, policyNotFound } from '../errors.js';
import { requireRole, updateRole } from '../model.js';
import { arn, roleName } from '../shapes.js';

export const detachRolePolicy = defineOperation<{ RoleName: string; PolicyArn: string }>({
  name: 'DetachRolePolicy',
  input: struct({ RoleName: roleName(), PolicyArn: arn() }),
  handler(input, ctx) {
    if (!input.PolicyArn.startsWith('arn:')) throw invalidArn(input.PolicyArn);
    const role = requireRole(ctx.sandbox, ctx, input.RoleName);
    if (!role.attachedPolicyArns.includes(input.PolicyArn)) throw policyNotFound(input.PolicyArn);
    updateRole(ctx.sandbox, ctx, role, { attachedPolicyArns: role.attachedPolicyArns.filter((a) => a !== input.PolicyArn) });
    return {};
  },
});
