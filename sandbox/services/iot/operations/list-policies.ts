// ListPolicies: the account's policies by name.

import { defineOperation } from '../../definition.js';
import { bool, struct } from '../../../protocols/shapes.js';
import { marker, page, pageSize } from '../shapes.js';
import { policies } from '../store.js';

export const listPolicies = defineOperation<{ pageSize?: number; marker?: string; ascendingOrder?: boolean }>({
  name: 'ListPolicies',
  input: struct({ marker: marker(), pageSize: pageSize(), ascendingOrder: bool() }),
  http: { method: 'GET', path: '/policies', query: { ascendingOrder: 'isAscendingOrder' } },
  handler(input, ctx) {
    const all = policies(ctx.sandbox, ctx)
      .values()
      .sort((a, b) => a.policyName.localeCompare(b.policyName));
    if (input.ascendingOrder === false) all.reverse();
    const { items, next } = page(all, input.marker, input.pageSize);
    return { policies: items.map((p) => ({ policyName: p.policyName, policyArn: p.policyArn })), nextMarker: next };
  },
});
