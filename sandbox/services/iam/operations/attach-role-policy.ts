// AttachRolePolicy: attaches a managed policy (AWS's or the account's) to a role; attaching twice is a no-op.

import { defineOperation } from '../../definition.js';
import { struct } from '../../../protocols/shapes.js';
import { policyNotAttachable } from '../errors.js';
import { findPolicy, requireRole, updateRole } from '../model.js';
import { arn, roleName } from '../shapes.js';

export const attachRolePolicy = defineOperation<{ RoleName: string; PolicyArn: string }>({
  name: 'AttachRolePolicy',
  input: struct({ RoleName: roleName(), PolicyArn: arn() }),
  handler(input, ctx) {
    const policy = findPolicy(ctx.sandbox, ctx, input.PolicyArn);
    const role = requireRole(ctx.sandbox, ctx, input.RoleName);
    if (!policy) throw policyNotAttachable(input.PolicyArn);
    if (!role.attachedPolicyArns.includes(policy.arn)) {
      updateRole(ctx.sandbox, ctx, role, { attachedPolicyArns: [...role.attachedPolicyArns, policy.arn] });
    }
    return {};
  },
});
