// PutIntegrationResponse: how an integration's answer becomes the method's (status, header mappings such
// as `method.response.header.Access-Control-Allow-Origin: "'*'"`, body templates). Header mappings must
// name headers the method response declares, as AWS checks.

import { defineOperation } from '../../definition.js';
import { str, struct } from '../../../protocols/shapes.js';
import { noMethodResponse, undeclaredResponseParameter } from '../errors.js';
import { editApi, findApi, findIntegration, findMethod, findResource } from '../lookup.js';
import type { IntegrationResponseRecord, MethodRecord } from '../store.js';
import { httpMethod, resourceId, restApiId, statusCode, stringMap } from '../shapes.js';

interface Input extends IntegrationResponseRecord {
  restApiId: string;
  resourceId: string;
  httpMethod: string;
}

function checkMappings(method: MethodRecord, input: Input): void {
  const targets = Object.keys(input.responseParameters ?? {});
  if (targets.length === 0) return;
  const declared = method.methodResponses?.[input.statusCode];
  if (!declared) throw noMethodResponse();
  const missing = targets.find((t) => !(t in (declared.responseParameters ?? {})));
  if (missing) throw undeclaredResponseParameter(missing);
}

export const putIntegrationResponse = defineOperation<Input>({
  name: 'PutIntegrationResponse',
  input: struct({
    restApiId: restApiId(),
    resourceId: resourceId(),
    httpMethod: httpMethod(),
    statusCode: statusCode(),
    selectionPattern: str(),
    responseParameters: stringMap(),
    responseTemplates: stringMap(),
    contentHandling: str({ enum: ['CONVERT_TO_BINARY', 'CONVERT_TO_TEXT'] }),
  }),
  http: { method: 'PUT', path: '/restapis/{restApiId}/resources/{resourceId}/methods/{httpMethod}/integration/responses/{statusCode}', status: 201 },
  handler(input, ctx) {
    const api = findApi(ctx, input.restApiId);
    const method = findMethod(findResource(api, input.resourceId), input.httpMethod);
    findIntegration(method);
    checkMappings(method, input);
    const response: IntegrationResponseRecord = {
      statusCode: input.statusCode,
      selectionPattern: input.selectionPattern,
      responseParameters: input.responseParameters,
      responseTemplates: input.responseTemplates,
      contentHandling: input.contentHandling,
    };
    editApi(ctx, api, (copy) => {
      const integration = copy.resources[input.resourceId].methods[method.httpMethod].methodIntegration!;
      integration.integrationResponses = { ...integration.integrationResponses, [input.statusCode]: response };
    });
    return response;
  },
});
