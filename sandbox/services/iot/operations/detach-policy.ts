// DetachPolicy: removes a policy from a target (nothing to do if it was not attached).

import { defineOperation } from '../../definition.js';
import { str, struct } from '../../../protocols/shapes.js';
import { policyName } from '../shapes.js';
import { attachmentKey, attachments } from '../store.js';

export const detachPolicy = defineOperation<{ policyName: string; target: string }>({
  name: 'DetachPolicy',
  input: struct({ policyName: policyName(), target: str({ required: true }) }),
  http: { method: 'POST', path: '/target-policies/{policyName}' },
  handler(input, ctx) {
    attachments(ctx.sandbox, ctx).delete(attachmentKey(input.policyName, input.target));
    return {};
  },
});
