// GetResources: the API's resource tree, a page at a time; `embed=methods` includes the methods in full.

import { defineOperation } from '../../definition.js';
import { struct } from '../../../protocols/shapes.js';
import { findApi } from '../lookup.js';
import { embed, limit, page, position, restApiId } from '../shapes.js';
import { resourceView } from '../views.js';

interface Input {
  restApiId: string;
  position?: string;
  limit?: number;
  embed?: string[];
}

export const getResources = defineOperation<Input>({
  name: 'GetResources',
  input: struct({ restApiId: restApiId(), position: position(), limit: limit(), embed: embed() }),
  http: { method: 'GET', path: '/restapis/{restApiId}/resources', query: { position: 'position', limit: 'limit', embed: 'embed' } },
  handler(input, ctx) {
    const api = findApi(ctx, input.restApiId);
    const withMethods = input.embed?.includes('methods') ?? false;
    const { items, position } = page(Object.values(api.resources), input.position, input.limit);
    return { item: items.map((r) => resourceView(r, withMethods)), position };
  },
});
