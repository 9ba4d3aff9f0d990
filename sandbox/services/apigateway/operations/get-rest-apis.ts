// GetRestApis: the account's APIs in this region, a page at a time.

import { defineOperation } from '../../definition.js';
import { struct } from '../../../protocols/shapes.js';
import { restApisOf } from '../store.js';
import { limit, page, position } from '../shapes.js';
import { restApiView } from '../views.js';

export const getRestApis = defineOperation<{ position?: string; limit?: number }>({
  name: 'GetRestApis',
  input: struct({ position: position(), limit: limit() }),
  http: { method: 'GET', path: '/restapis', query: { position: 'position', limit: 'limit' } },
  handler(input, ctx) {
    const { items, position } = page(restApisOf(ctx.sandbox, ctx), input.position, input.limit);
    return { item: items.map(restApiView), position };
  },
});
