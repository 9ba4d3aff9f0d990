// GetMethod: a method with its integration and method responses.

import { defineOperation } from '../../definition.js';
import { struct } from '../../../protocols/shapes.js';
import { findApi, findMethod, findResource } from '../lookup.js';
import { httpMethod, resourceId, restApiId } from '../shapes.js';
import { methodView } from '../views.js';

export const getMethod = defineOperation<{ restApiId: string; resourceId: string; httpMethod: string }>({
  name: 'GetMethod',
  input: struct({ restApiId: restApiId(), resourceId: resourceId(), httpMethod: httpMethod() }),
  http: { method: 'GET', path: '/restapis/{restApiId}/resources/{resourceId}/methods/{httpMethod}' },
  handler: (input, ctx) => methodView(findMethod(findResource(findApi(ctx, input.restApiId), input.resourceId), input.httpMethod)),
});
