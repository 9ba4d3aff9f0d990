// CreateRole: a role with a trust policy, under a path, unique by name (ignoring case) in the account.

import { defineOperation } from '../../definition.js';
import { int, str, struct } from '../../../protocols/shapes.js';
import { roleExists } from '../errors.js';
import { mergeTags, newId, roleArn, roleView } from '../model.js';
import { parsePolicy } from '../policy-document.js';
import { arn, policyDocument, roleName, rolePath, tags } from '../shapes.js';
import { nameKey, roles, type Tag } from '../store.js';

interface Input {
  RoleName: string;
  AssumeRolePolicyDocument: string;
  Path?: string;
  Description?: string;
  MaxSessionDuration?: number;
  PermissionsBoundary?: string;
  Tags?: Tag[];
}

export const createRole = defineOperation<Input>({
  name: 'CreateRole',
  input: struct({
    Path: rolePath(),
    RoleName: roleName(),
    AssumeRolePolicyDocument: policyDocument(),
    Description: str({ max: 1000, pattern: '[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u00A1-\\u00FF]*' }),
    MaxSessionDuration: int({ min: 3600, max: 43200 }),
    PermissionsBoundary: arn(false),
    Tags: tags(),
  }),
  handler(input, ctx) {
    const table = roles(ctx.sandbox, ctx);
    if (table.has(nameKey(input.RoleName))) throw roleExists(input.RoleName);
    parsePolicy(input.AssumeRolePolicyDocument, 'trust');
    const path = input.Path ?? '/';
    const role = {
      roleName: input.RoleName,
      roleId: newId('AROA'),
      path,
      arn: roleArn(ctx.accountId, path, input.RoleName),
      createDate: ctx.clock.now(),
      assumeRolePolicyDocument: input.AssumeRolePolicyDocument,
      description: input.Description,
      maxSessionDuration: input.MaxSessionDuration ?? 3600,
      permissionsBoundary: input.PermissionsBoundary,
      tags: mergeTags([], input.Tags ?? []),
      inlinePolicies: [],
      attachedPolicyArns: [],
    };
    table.set(nameKey(role.roleName), role);
    return { Role: roleView(role, { full: true }) };
  },
});
