// DeleteRestApi: the API with its deployments and stages.

import { defineOperation } from '../../definition.js';
import { struct } from '../../../protocols/shapes.js';
import { findApi } from '../lookup.js';
import { deploymentsTable, restApisTable, stagesTable } from '../store.js';
import { restApiId } from '../shapes.js';

export const deleteRestApi = defineOperation<{ restApiId: string }>({
  name: 'DeleteRestApi',
  input: struct({ restApiId: restApiId() }),
  http: { method: 'DELETE', path: '/restapis/{restApiId}', status: 202 },
  handler(input, ctx) {
    const api = findApi(ctx, input.restApiId);
    for (const table of [stagesTable(ctx.sandbox), deploymentsTable(ctx.sandbox)] as const) {
      for (const key of [...table.entries(`${api.id}/`)].map(([k]) => k)) table.delete(key);
    }
    restApisTable(ctx.sandbox).delete(api.id);
    return {};
  },
});
