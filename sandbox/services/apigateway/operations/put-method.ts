// PutMethod: a method (or ANY) on a resource, with its authorization and request parameters.

import { defineOperation } from '../../definition.js';
import { bool, list, str, struct } from '../../../protocols/shapes.js';
import { invalidAuthorizationType, invalidHttpMethod, methodExists } from '../errors.js';
import { editApi, findApi, findResource } from '../lookup.js';
import type { MethodRecord } from '../store.js';
import { booleanMap, HTTP_METHODS, httpMethod, resourceId, restApiId, stringMap } from '../shapes.js';
import { methodView } from '../views.js';

const AUTHORIZATION_TYPES = ['NONE', 'AWS_IAM', 'CUSTOM', 'COGNITO_USER_POOLS'];

const input = struct({
  restApiId: restApiId(),
  resourceId: resourceId(),
  httpMethod: httpMethod(),
  authorizationType: str({ required: true }),
  authorizerId: str(),
  apiKeyRequired: bool(),
  operationName: str(),
  requestParameters: booleanMap(),
  requestModels: stringMap(),
  requestValidatorId: str(),
  authorizationScopes: list(str()),
});

type Input = Omit<MethodRecord, 'apiKeyRequired'> & { restApiId: string; resourceId: string; apiKeyRequired?: boolean };

export const putMethod = defineOperation<Input>({
  name: 'PutMethod',
  input,
  http: { method: 'PUT', path: '/restapis/{restApiId}/resources/{resourceId}/methods/{httpMethod}', status: 201 },
  handler(input, ctx) {
    const api = findApi(ctx, input.restApiId);
    const resource = findResource(api, input.resourceId);
    const verb = input.httpMethod.toUpperCase();
    if (!HTTP_METHODS.includes(verb)) throw invalidHttpMethod();
    if (!AUTHORIZATION_TYPES.includes(input.authorizationType)) throw invalidAuthorizationType();
    if (resource.methods[verb]) throw methodExists();
    const method: MethodRecord = {
      httpMethod: verb,
      authorizationType: input.authorizationType,
      authorizerId: input.authorizerId,
      apiKeyRequired: input.apiKeyRequired ?? false,
      operationName: input.operationName,
      requestParameters: input.requestParameters,
      requestModels: input.requestModels,
      requestValidatorId: input.requestValidatorId,
      authorizationScopes: input.authorizationScopes,
    };
    editApi(ctx, api, (copy) => (copy.resources[resource.id].methods[verb] = method));
    return methodView(method);
  },
});
