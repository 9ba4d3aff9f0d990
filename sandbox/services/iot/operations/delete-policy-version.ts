// DeletePolicyVersion: any version but the default.

import { defineOperation } from '../../definition.js';
import { struct } from '../../../protocols/shapes.js';
import { defaultVersionDelete, policyVersionNotFound } from '../errors.js';
import { requirePolicy } from '../policies.js';
import { policyName, policyVersionId } from '../shapes.js';
import { policies } from '../store.js';

export const deletePolicyVersion = defineOperation<{ policyName: string; policyVersionId: string }>({
  name: 'DeletePolicyVersion',
  input: struct({ policyName: policyName(), policyVersionId: policyVersionId() }),
  http: { method: 'DELETE', path: '/policies/{policyName}/version/{policyVersionId}' },
  handler(input, ctx) {
    const policy = requirePolicy(ctx, input.policyName);
    if (!policy.versions.some((v) => v.versionId === input.policyVersionId)) throw policyVersionNotFound(policy.policyName, input.policyVersionId);
    if (policy.defaultVersionId === input.policyVersionId) throw defaultVersionDelete();
    policies(ctx.sandbox, ctx).set(policy.policyName, { ...policy, versions: policy.versions.filter((v) => v.versionId !== input.policyVersionId) });
    return {};
  },
});
