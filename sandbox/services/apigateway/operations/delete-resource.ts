// DeleteResource: the resource and everything under it (never the root).

import { defineOperation } from '../../definition.js';
import { struct } from '../../../protocols/shapes.js';
import { rootNotDeletable } from '../errors.js';
import { editApi, findApi, findResource } from '../lookup.js';
import { resourceId, restApiId } from '../shapes.js';

export const deleteResource = defineOperation<{ restApiId: string; resourceId: string }>({
  name: 'DeleteResource',
  input: struct({ restApiId: restApiId(), resourceId: resourceId() }),
  http: { method: 'DELETE', path: '/restapis/{restApiId}/resources/{resourceId}', status: 202 },
  handler(input, ctx) {
    const api = findApi(ctx, input.restApiId);
    const resource = findResource(api, input.resourceId);
    if (resource.id === api.rootResourceId) throw rootNotDeletable();
    editApi(ctx, api, (copy) => {
      const doomed = new Set([resource.id]);
      // Resources are stored in creation order, so a child always comes after its parent.
      for (const r of Object.values(copy.resources)) if (r.parentId && doomed.has(r.parentId)) doomed.add(r.id);
      for (const id of doomed) delete copy.resources[id];
    });
    return {};
  },
});
