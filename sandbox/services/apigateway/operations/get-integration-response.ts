// GetIntegrationResponse: one integration response of a method.

import { defineOperation } from '../../definition.js';
import { struct } from '../../../protocols/shapes.js';
import { responseNotFound } from '../errors.js';
import { findApi, findIntegration, findMethod, findResource } from '../lookup.js';
import { httpMethod, resourceId, restApiId, statusCode } from '../shapes.js';

export const getIntegrationResponse = defineOperation<{ restApiId: string; resourceId: string; httpMethod: string; statusCode: string }>({
  name: 'GetIntegrationResponse',
  input: struct({ restApiId: restApiId(), resourceId: resourceId(), httpMethod: httpMethod(), statusCode: statusCode() }),
  http: { method: 'GET', path: '/restapis/{restApiId}/resources/{resourceId}/methods/{httpMethod}/integration/responses/{statusCode}' },
  handler(input, ctx) {
    const integration = findIntegration(findMethod(findResource(findApi(ctx, input.restApiId), input.resourceId), input.httpMethod));
    const response = integration.integrationResponses?.[input.statusCode];
    if (!response) throw responseNotFound();
    return response;
  },
});
