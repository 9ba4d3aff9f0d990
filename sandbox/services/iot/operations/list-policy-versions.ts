// ListPolicyVersions: every kept version of a policy, newest first, marking the default.

import { defineOperation } from '../../definition.js';
import { struct } from '../../../protocols/shapes.js';
import { requirePolicy } from '../policies.js';
import { policyName } from '../shapes.js';

export const listPolicyVersions = defineOperation<{ policyName: string }>({
  name: 'ListPolicyVersions',
  input: struct({ policyName: policyName() }),
  http: { method: 'GET', path: '/policies/{policyName}/version' },
  handler(input, ctx) {
    const policy = requirePolicy(ctx, input.policyName);
    return {
      policyVersions: [...policy.versions]
        .sort((a, b) => Number(b.versionId) - Number(a.versionId))
        .map((v) => ({ versionId: v.versionId, isDefaultVersion: v.versionId === policy.defaultVersionId, createDate: new Date(v.createdAt) })),
    };
  },
});
