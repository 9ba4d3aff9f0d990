// ListAttachedPolicies: the policies attached to a target.

import { defineOperation } from '../../definition.js';
import { bool, str, struct } from '../../../protocols/shapes.js';
import { certificateOfPrincipal } from '../certificates.js';
import { targetNotFound } from '../errors.js';
import { marker, page, pageSize } from '../shapes.js';
import { attachments, policies } from '../store.js';

export const listAttachedPolicies = defineOperation<{ target: string; recursive?: boolean; marker?: string; pageSize?: number }>({
  name: 'ListAttachedPolicies',
  input: struct({ target: str({ required: true }), recursive: bool(), marker: marker(), pageSize: pageSize() }),
  http: { method: 'POST', path: '/attached-policies/{target}' },
  readOnly: true,
  handler(input, ctx) {
    if (!certificateOfPrincipal(ctx, input.target)) throw targetNotFound(input.target);
    const attached = attachments(ctx.sandbox, ctx)
      .values()
      .filter((a) => a.target === input.target)
      .map((a) => policies(ctx.sandbox, ctx).get(a.policyName))
      .filter((p) => p !== undefined);
    const { items, next } = page(attached, input.marker, input.pageSize);
    return { policies: items.map((p) => ({ policyName: p.policyName, policyArn: p.policyArn })), nextMarker: next };
  },
});
