// GetPolicyVersion: one version of a policy and its document.

import { defineOperation } from '../../definition.js';
import { struct } from '../../../protocols/shapes.js';
import { policyVersionNotFound } from '../errors.js';
import { requirePolicy } from '../policies.js';
import { policyName, policyVersionId } from '../shapes.js';

export const getPolicyVersion = defineOperation<{ policyName: string; policyVersionId: string }>({
  name: 'GetPolicyVersion',
  input: struct({ policyName: policyName(), policyVersionId: policyVersionId() }),
  http: { method: 'GET', path: '/policies/{policyName}/version/{policyVersionId}' },
  handler(input, ctx) {
    const policy = requirePolicy(ctx, input.policyName);
    const version = policy.versions.find((v) => v.versionId === input.policyVersionId);
    if (!version) throw policyVersionNotFound(policy.policyName, input.policyVersionId);
    return {
      policyArn: policy.policyArn,
      policyName: policy.policyName,
      policyDocument: version.document,
      policyVersionId: version.versionId,
      isDefaultVersion: version.versionId === policy.defaultVersionId,
      creationDate: new Date(version.createdAt),
      lastModifiedDate: new Date(policy.lastModifiedAt),
      generationId: policy.generationId,
    };
  },
});
