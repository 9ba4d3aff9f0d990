// DeletePolicy: only a policy attached to nothing and left with its default version alone.

import { defineOperation } from '../../definition.js';
import { struct } from '../../../protocols/shapes.js';
import { policyAttached, policyHasVersions } from '../errors.js';
import { requirePolicy } from '../policies.js';
import { policyName } from '../shapes.js';
import { attachments, policies, tags } from '../store.js';

export const deletePolicy = defineOperation<{ policyName: string }>({
  name: 'DeletePolicy',
  input: struct({ policyName: policyName() }),
  http: { method: 'DELETE', path: '/policies/{policyName}' },
  handler(input, ctx) {
    const policy = requirePolicy(ctx, input.policyName);
    if (attachments(ctx.sandbox, ctx).names(`${policy.policyName}\n`).length > 0) throw policyAttached(policy.policyName);
    if (policy.versions.length > 1) throw policyHasVersions(policy.policyName);
    policies(ctx.sandbox, ctx).delete(policy.policyName);
    tags(ctx.sandbox, ctx).delete(policy.policyArn);
    return {};
  },
});
