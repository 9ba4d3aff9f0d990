// PutMethodResponse: a status code the method may answer, with the headers (responseParameters) and
// models it declares.

import { defineOperation } from '../../definition.js';
import { struct } from '../../../protocols/shapes.js';
import { editApi, findApi, findMethod, findResource } from '../lookup.js';
import type { MethodResponseRecord } from '../store.js';
import { booleanMap, httpMethod, resourceId, restApiId, statusCode, stringMap } from '../shapes.js';

interface Input extends MethodResponseRecord {
  restApiId: string;
  resourceId: string;
  httpMethod: string;
}

export const putMethodResponse = defineOperation<Input>({
  name: 'PutMethodResponse',
  input: struct({ restApiId: restApiId(), resourceId: resourceId(), httpMethod: httpMethod(), statusCode: statusCode(), responseParameters: booleanMap(), responseModels: stringMap() }),
  http: { method: 'PUT', path: '/restapis/{restApiId}/resources/{resourceId}/methods/{httpMethod}/responses/{statusCode}', status: 201 },
  handler(input, ctx) {
    const api = findApi(ctx, input.restApiId);
    const method = findMethod(findResource(api, input.resourceId), input.httpMethod);
    const response: MethodResponseRecord = { statusCode: input.statusCode, responseParameters: input.responseParameters, responseModels: input.responseModels };
    editApi(ctx, api, (copy) => {
      const target = copy.resources[input.resourceId].methods[method.httpMethod];
      target.methodResponses = { ...target.methodResponses, [input.statusCode]: response };
    });
    return response;
  },
});
