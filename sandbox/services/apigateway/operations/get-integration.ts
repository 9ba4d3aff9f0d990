// GetIntegration: a method's integration with its integration responses.

import { defineOperation } from '../../definition.js';
import { struct } from '../../../protocols/shapes.js';
import { findApi, findIntegration, findMethod, findResource } from '../lookup.js';
import { httpMethod, resourceId, restApiId } from '../shapes.js';
import { integrationView } from '../views.js';

export const getIntegration = defineOperation<{ restApiId: string; resourceId: string; httpMethod: string }>({
  name: 'GetIntegration',
  input: struct({ restApiId: restApiId(), resourceId: resourceId(), httpMethod: httpMethod() }),
  http: { method: 'GET', path: '/restapis/{restApiId}/resources/{resourceId}/methods/{httpMethod}/integration' },
  handler: (input, ctx) => integrationView(findIntegration(findMethod(findResource(findApi(ctx, input.restApiId), input.resourceId), input.httpMethod))),
});
