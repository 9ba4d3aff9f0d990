// ListPrincipalThings: the things a certificate is linked to.

import { defineOperation } from '../../definition.js';
import { int, str, struct } from '../../../protocols/shapes.js';
import { requirePrincipal } from '../certificates.js';
import { page } from '../shapes.js';
import { thingsOfPrincipal } from '../store.js';

export const listPrincipalThings = defineOperation<{ principal: string; nextToken?: string; maxResults?: number }>({
  name: 'ListPrincipalThings',
  input: struct({ principal: str({ required: true }), nextToken: str(), maxResults: int({ min: 1, max: 250 }) }),
  http: { method: 'GET', path: '/principals/things', headers: { principal: 'x-amzn-principal' } },
  handler(input, ctx) {
    requirePrincipal(ctx, input.principal);
    const { items, next } = page(thingsOfPrincipal(ctx.sandbox, ctx, input.principal), input.nextToken, input.maxResults);
    return { things: items, nextToken: next };
  },
});
