// SetDefaultPolicyVersion: which version devices are judged by from now on.

import { defineOperation } from '../../definition.js';
import { struct } from '../../../protocols/shapes.js';
import { policyVersionNotFound } from '../errors.js';
import { requirePolicy } from '../policies.js';
import { policyName, policyVersionId } from '../shapes.js';
import { policies } from '../store.js';

export const setDefaultPolicyVersion = defineOperation<{ policyName: string; policyVersionId: string }>({
  name: 'SetDefaultPolicyVersion',
  input: struct({ policyName: policyName(), policyVersionId: policyVersionId() }),
  http: { method: 'PATCH', path: '/policies/{policyName}/version/{policyVersionId}' },
  readOnly: false,
  handler(input, ctx) {
    const policy = requirePolicy(ctx, input.policyName);
    if (!policy.versions.some((v) => v.versionId === input.policyVersionId)) throw policyVersionNotFound(policy.policyName, input.policyVersionId);
    policies(ctx.sandbox, ctx).set(policy.policyName, { ...policy, defaultVersionId: input.policyVersionId, lastModifiedAt: ctx.clock.now() });
    return {};
  },
});
