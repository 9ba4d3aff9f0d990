// GetPolicy: a policy with its default version's document.

import { defineOperation } from '../../definition.js';
import { struct } from '../../../protocols/shapes.js';
import { defaultVersion, requirePolicy } from '../policies.js';
import { policyName } from '../shapes.js';

export const getPolicy = defineOperation<{ policyName: string }>({
  name: 'GetPolicy',
  input: struct({ policyName: policyName() }),
  http: { method: 'GET', path: '/policies/{policyName}' },
  handler(input, ctx) {
    const policy = requirePolicy(ctx, input.policyName);
    return {
      policyName: policy.policyName,
      policyArn: policy.policyArn,
      policyDocument: defaultVersion(policy).document,
      defaultVersionId: policy.defaultVersionId,
      creationDate: new Date(policy.createdAt),
      lastModifiedDate: new Date(policy.lastModifiedAt),
      generationId: policy.generationId,
    };
  },
});
