// PutRolePolicy: adds or replaces an inline policy of a role.

import { defineOperation } from '../../definition.js';
import { struct } from '../../../protocols/shapes.js';
import { requireRole, updateRole } from '../model.js';
import { parsePolicy } from '../policy-document.js';
import { policyDocument, policyName, roleName } from '../shapes.js';

export const putRolePolicy = defineOperation<{ RoleName: string; PolicyName: string; PolicyDocument: string }>({
  name: 'PutRolePolicy',
  input: struct({ RoleName: roleName(), PolicyName: policyName(), PolicyDocument: policyDocument() }),
  handler(input, ctx) {
    const role = requireRole(ctx.sandbox, ctx, input.RoleName);
    parsePolicy(input.PolicyDocument, 'identity');
    const others = role.inlinePolicies.filter((p) => p.name !== input.PolicyName);
    updateRole(ctx.sandbox, ctx, role, { inlinePolicies: [...others, { name: input.PolicyName, document: input.PolicyDocument }] });
    return {};
  },
});
