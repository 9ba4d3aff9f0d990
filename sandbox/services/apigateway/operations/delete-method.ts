// DeleteMethod: a method with its integration and responses.

import { defineOperation } from '../../definition.js';
import { struct } from '../../../protocols/shapes.js';
import { editApi, findApi, findMethod, findResource } from '../lookup.js';
import { httpMethod, resourceId, restApiId } from '../shapes.js';

export const deleteMethod = defineOperation<{ restApiId: string; resourceId: string; httpMethod: string }>({
  name: 'DeleteMethod',
  input: struct({ restApiId: restApiId(), resourceId: resourceId(), httpMethod: httpMethod() }),
  http: { method: 'DELETE', path: '/restapis/{restApiId}/resources/{resourceId}/methods/{httpMethod}', status: 204 },
  handler(input, ctx) {
    const api = findApi(ctx, input.restApiId);
    const method = findMethod(findResource(api, input.resourceId), input.httpMethod);
    editApi(ctx, api, (copy) => delete copy.resources[input.resourceId].methods[method.httpMethod]);
    return {};
  },
});
