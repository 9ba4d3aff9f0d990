// CreatePolicyVersion: a new numbered version (at most five kept), optionally made the default.

import { defineOperation } from '../../definition.js';
import { bool, str, struct } from '../../../protocols/shapes.js';
import { versionsLimit } from '../errors.js';
import { checkPolicyDocument, requirePolicy } from '../policies.js';
import { policyName } from '../shapes.js';
import { policies } from '../store.js';

const MAX_VERSIONS = 5;

export const createPolicyVersion = defineOperation<{ policyName: string; policyDocument: string; setAsDefault?: boolean }>({
  name: 'CreatePolicyVersion',
  input: struct({ policyName: policyName(), policyDocument: str({ required: true, max: 404600 }), setAsDefault: bool() }),
  http: { method: 'POST', path: '/policies/{policyName}/version', query: { setAsDefault: 'setAsDefault' } },
  handler(input, ctx) {
    const policy = requirePolicy(ctx, input.policyName);
    checkPolicyDocument(input.policyDocument);
    if (policy.versions.length >= MAX_VERSIONS) throw versionsLimit(policy.policyName);
    const now = ctx.clock.now();
    const versionId = String(policy.lastVersionId + 1);
    policies(ctx.sandbox, ctx).set(policy.policyName, {
      ...policy,
      versions: [...policy.versions, { versionId, document: input.policyDocument, createdAt: now }],
      lastVersionId: policy.lastVersionId + 1,
      defaultVersionId: input.setAsDefault ? versionId : policy.defaultVersionId,
      lastModifiedAt: now,
    });
    return { policyArn: policy.policyArn, policyDocument: input.policyDocument, policyVersionId: versionId, isDefaultVersion: input.setAsDefault === true };
  },
});
