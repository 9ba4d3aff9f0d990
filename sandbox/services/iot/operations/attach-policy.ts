// AttachPolicy: a policy onto a target (a certificate ARN in this account and region), at most ten per target.

import { defineOperation } from '../../definition.js';
import { str, struct } from '../../../protocols/shapes.js';
import { ServiceError } from '../../../protocols/errors.js';
import { certificateOfPrincipal } from '../certificates.js';
import { targetNotFound } from '../errors.js';
import { requirePolicy } from '../policies.js';
import { policyName } from '../shapes.js';
import { attachmentKey, attachments } from '../store.js';

const MAX_POLICIES_PER_TARGET = 10;

export const attachPolicy = defineOperation<{ policyName: string; target: string }>({
  name: 'AttachPolicy',
  input: struct({ policyName: policyName(), target: str({ required: true }) }),
  http: { method: 'PUT', path: '/target-policies/{policyName}' },
  handler(input, ctx) {
    const policy = requirePolicy(ctx, input.policyName);
    if (!certificateOfPrincipal(ctx, input.target)) throw targetNotFound(input.target);
    const table = attachments(ctx.sandbox, ctx);
    const key = attachmentKey(policy.policyName, input.target);
    if (table.get(key)) return {};
    if (table.values().filter((a) => a.target === input.target).length >= MAX_POLICIES_PER_TARGET) {
      throw new ServiceError('LimitExceededException', `Target ${input.target} already has the maximum number of policies attached (${MAX_POLICIES_PER_TARGET})`, 410);
    }
    table.set(key, { policyName: policy.policyName, target: input.target });
    return {};
  },
});
