// GetResource: one resource; `embed=methods` includes its methods in full.

import { defineOperation } from '../../definition.js';
import { struct } from '../../../protocols/shapes.js';
import { findApi, findResource } from '../lookup.js';
import { embed, resourceId, restApiId } from '../shapes.js';
import { resourceView } from '../views.js';

export const getResource = defineOperation<{ restApiId: string; resourceId: string; embed?: string[] }>({
  name: 'GetResource',
  input: struct({ restApiId: restApiId(), resourceId: resourceId(), embed: embed() }),
  http: { method: 'GET', path: '/restapis/{restApiId}/resources/{resourceId}', query: { embed: 'embed' } },
  handler(input, ctx) {
    const resource = findResource(findApi(ctx, input.restApiId), input.resourceId);
    return resourceView(resource, input.embed?.includes('methods') ?? false);
  },
});
