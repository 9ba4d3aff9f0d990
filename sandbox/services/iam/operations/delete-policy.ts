// DeletePolicy: removes a customer managed policy; refused while attached, and for AWS's own policies.

import { defineOperation } from '../../definition.js';
import { struct } from '../../../protocols/shapes.js';
import { awsPolicyUnmodifiable, policyIsAttached, policyNotFound } from '../errors.js';
import { attachmentCounts, findPolicy } from '../model.js';
import { arn } from '../shapes.js';
import { nameKey, policies } from '../store.js';

export const deletePolicy = defineOperation<{ PolicyArn: string }>({
  name: 'DeletePolicy',
  input: struct({ PolicyArn: arn() }),
  handler(input, ctx) {
    const policy = findPolicy(ctx.sandbox, ctx, input.PolicyArn);
    if (!policy) throw policyNotFound(input.PolicyArn);
    if (policy.awsManaged) throw awsPolicyUnmodifiable(ctx.accountId, policy.arn);
    if ((attachmentCounts(ctx.sandbox, ctx).get(policy.arn) ?? 0) > 0) throw policyIsAttached();
    policies(ctx.sandbox, ctx).delete(nameKey(policy.policyName));
    return {};
  },
});
