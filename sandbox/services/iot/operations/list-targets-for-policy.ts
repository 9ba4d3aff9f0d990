// ListTargetsForPolicy: the targets a policy is attached to.

import { defineOperation } from '../../definition.js';
import { struct } from '../../../protocols/shapes.js';
import { requirePolicy } from '../policies.js';
import { marker, page, pageSize, policyName } from '../shapes.js';
import { attachments } from '../store.js';

export const listTargetsForPolicy = defineOperation<{ policyName: string; marker?: string; pageSize?: number }>({
  name: 'ListTargetsForPolicy',
  input: struct({ policyName: policyName(), marker: marker(), pageSize: pageSize() }),
  http: { method: 'POST', path: '/policy-targets/{policyName}' },
  readOnly: true,
  handler(input, ctx) {
    const policy = requirePolicy(ctx, input.policyName);
    const targets = attachments(ctx.sandbox, ctx)
      .values(`${policy.policyName}\n`)
      .map((a) => a.target);
    const { items, next } = page(targets, input.marker, input.pageSize);
    return { targets: items, nextMarker: next };
  },
});
