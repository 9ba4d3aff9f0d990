// UpdateAssumeRolePolicy: replaces a role's trust policy.

import { defineOperation } from '../../definition.js';
import { struct } from '../../../protocols/shapes.js';
import { requireRole, updateRole } from '../model.js';
import { parsePolicy } from '../policy-document.js';
import { policyDocument, roleName } from '../shapes.js';

export const updateAssumeRolePolicy = defineOperation<{ RoleName: string; PolicyDocument: string }>({
  name: 'UpdateAssumeRolePolicy',
  input: struct({ RoleName: roleName(), PolicyDocument: policyDocument() }),
  handler(input, ctx) {
    const role = requireRole(ctx.sandbox, ctx, input.RoleName);
    parsePolicy(input.PolicyDocument, 'trust');
    updateRole(ctx.sandbox, ctx, role, { assumeRolePolicyDocument: input.PolicyDocument });
    return {};
  },
});
