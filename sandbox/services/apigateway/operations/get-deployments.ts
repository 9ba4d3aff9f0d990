// GetDeployments: the API's deployments, a page at a time.

import { defineOperation } from '../../definition.js';
import { struct } from '../../../protocols/shapes.js';
import { findApi } from '../lookup.js';
import { deploymentsOf } from '../store.js';
import { limit, page, position, restApiId } from '../shapes.js';
import { deploymentView } from '../views.js';

export const getDeployments = defineOperation<{ restApiId: string; position?: string; limit?: number }>({
  name: 'GetDeployments',
  input: struct({ restApiId: restApiId(), position: position(), limit: limit() }),
  http: { method: 'GET', path: '/restapis/{restApiId}/deployments', query: { position: 'position', limit: 'limit' } },
  handler(input, ctx) {
    const api = findApi(ctx, input.restApiId);
    const { items, position } = page(deploymentsOf(ctx.sandbox, api.id), input.position, input.limit);
    return { item: items.map((d) => deploymentView(d)), position };
  },
});
