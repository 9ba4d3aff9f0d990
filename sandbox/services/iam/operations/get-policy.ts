// GetPolicy: a managed policy (AWS's or the account's) by ARN, with its attachment count.

import { defineOperation } from '../../definition.js';
import { struct } from '../../../protocols/shapes.js';
import { policyNotFound } from '../errors.js';
import { attachmentCounts, findPolicy, policyView } from '../model.js';
import { arn } from '../shapes.js';

export const getPolicy = defineOperation<{ PolicyArn: string }>({
  name: 'GetPolicy',
  input: struct({ PolicyArn: arn() }),
  handler(input, ctx) {
    const policy = findPolicy(ctx.sandbox, ctx, input.PolicyArn);
    if (!policy) throw policyNotFound(input.PolicyArn);
    const count = attachmentCounts(ctx.sandbox, ctx).get(policy.arn) ?? 0;
    return { Policy: policyView(policy, count, { full: true }) };
  },
});
