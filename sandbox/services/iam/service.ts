// AWS Identity and Access Management: roles with trust policies, inline and managed policies (the AWS
// managed ones the labs use are present in every account), role tags. Global per account.

import type { Sandbox } from '../../sandbox.js';
import { defineService } from '../definition.js';
import { permissions } from './permissions.js';
import { createIamApi } from './api.js';
import { attachRolePolicy } from './operations/attach-role-policy.js';
import { createPolicy } from './operations/create-policy.js';
import { createRole } from './operations/create-role.js';
import { deletePolicy } from './operations/delete-policy.js';
import { deleteRolePolicy } from './operations/delete-role-policy.js';
import { deleteRole } from './operations/delete-role.js';
import { detachRolePolicy } from './operations/detach-role-policy.js';
import { getPolicyVersion } from './operations/get-policy-version.js';
import { getPolicy } from './operations/get-policy.js';
import { getRolePolicy } from './operations/get-role-policy.js';
import { getRole } from './operations/get-role.js';
import { listAttachedRolePolicies } from './operations/list-attached-role-policies.js';
import { listPolicies } from './operations/list-policies.js';
import { listRolePolicies } from './operations/list-role-policies.js';
import { listRoleTags } from './operations/list-role-tags.js';
import { listRoles } from './operations/list-roles.js';
import { putRolePolicy } from './operations/put-role-policy.js';
import { tagRole } from './operations/tag-role.js';
import { untagRole } from './operations/untag-role.js';
import { updateAssumeRolePolicy } from './operations/update-assume-role-policy.js';

export const service = defineService({
  name: 'iam',
  signingName: 'iam',
  permissions,
  protocols: ['awsQuery'],
  xmlNamespace: 'https://iam.amazonaws.com/doc/2010-05-08/',
  validationCode: 'ValidationError',
  memberNaming: 'lowerCamel',
  operations: [
    createRole,
    getRole,
    deleteRole,
    listRoles,
    updateAssumeRolePolicy,
    putRolePolicy,
    getRolePolicy,
    deleteRolePolicy,
    listRolePolicies,
    createPolicy,
    getPolicy,
    getPolicyVersion,
    deletePolicy,
    listPolicies,
    attachRolePolicy,
    detachRolePolicy,
    listAttachedRolePolicies,
    tagRole,
    untagRole,
    listRoleTags,
  ],
});

export function start(sandbox: Sandbox): void {
  sandbox.apis.iam = createIamApi(sandbox);
}
