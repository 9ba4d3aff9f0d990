// GetMethodResponse: one declared status code of a method.

import { defineOperation } from '../../definition.js';
import { struct } from '../../../protocols/shapes.js';
import { responseNotFound } from '../errors.js';
import { findApi, findMethod, findResource } from '../lookup.js';
import { httpMethod, resourceId, restApiId, statusCode } from '../shapes.js';

export const getMethodResponse = defineOperation<{ restApiId: string; resourceId: string; httpMethod: string; statusCode: string }>({
  name: 'GetMethodResponse',
  input: struct({ restApiId: restApiId(), resourceId: resourceId(), httpMethod: httpMethod(), statusCode: statusCode() }),
  http: { method: 'GET', path: '/restapis/{restApiId}/resources/{resourceId}/methods/{httpMethod}/responses/{statusCode}' },
  handler(input, ctx) {
    const method = findMethod(findResource(findApi(ctx, input.restApiId), input.resourceId), input.httpMethod);
    const response = method.methodResponses?.[input.statusCode];
    if (!response) throw responseNotFound();
    return response;
  },
});
