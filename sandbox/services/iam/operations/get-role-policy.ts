// GetRolePolicy: one inline policy of a role, its document URL-encoded as IAM returns documents.

import { defineOperation } from '../../definition.js';
import { struct } from '../../../protocols/shapes.js';
import { rolePolicyNotFound } from '../errors.js';
import { requireRole } from '../model.js';
import { encodeDocument } from '../policy-document.js';
import { policyName, roleName } from '../shapes.js';

export const getRolePolicy = defineOperation<{ RoleName: string; PolicyName: string }>({
  name: 'GetRolePolicy',
  input: struct({ RoleName: roleName(), PolicyName: policyName() }),
  handler(input, ctx) {
    const role = requireRole(ctx.sandbox, ctx, input.RoleName);
    const policy = role.inlinePolicies.find((p) => p.name === input.PolicyName);
    if (!policy) throw rolePolicyNotFound(input.PolicyName);
    return { RoleName: role.roleName, PolicyName: policy.name, PolicyDocument: encodeDocument(policy.document) };
  },
});
