// PutIntegration: what a method calls. AWS_PROXY (a Lambda function) and MOCK run here; AWS, HTTP and
// HTTP_PROXY are stored and answered with a 500 at invocation.

import { defineOperation } from '../../definition.js';
import { any, int, list, str, struct } from '../../../protocols/shapes.js';
import { invalidAwsUri, invalidHttpUri, missingIntegrationHttpMethod, proxyNeedsLambda } from '../errors.js';
import { editApi, findApi, findMethod, findResource } from '../lookup.js';
import type { IntegrationRecord } from '../store.js';
import { httpMethod, resourceId, restApiId, stringMap } from '../shapes.js';
import { integrationView } from '../views.js';

const input = struct({
  restApiId: restApiId(),
  resourceId: resourceId(),
  // The method is the path label; `httpMethod` in the body is the integration's own (integrationHttpMethod).
  method: httpMethod(),
  type: str({ required: true, enum: ['HTTP', 'AWS', 'MOCK', 'HTTP_PROXY', 'AWS_PROXY'] }),
  httpMethod: str(),
  uri: str(),
  connectionType: str({ enum: ['INTERNET', 'VPC_LINK'] }),
  connectionId: str(),
  credentials: str(),
  requestParameters: stringMap(),
  requestTemplates: stringMap(),
  passthroughBehavior: str(),
  cacheNamespace: str(),
  cacheKeyParameters: list(str()),
  contentHandling: str({ enum: ['CONVERT_TO_BINARY', 'CONVERT_TO_TEXT'] }),
  timeoutInMillis: int({ min: 50 }),
  tlsConfig: any(),
  responseTransferMode: any(),
  integrationTarget: str(),
});

type Input = Partial<IntegrationRecord> & { restApiId: string; resourceId: string; method: string; type: string };

const PROXY_TARGET = /^arn:aws[a-z-]*:apigateway:[a-z0-9-]+:(lambda|firehose):path\/.+/;

function checkTarget(input: Input): void {
  if (input.type === 'MOCK') return;
  if (!input.httpMethod) throw missingIntegrationHttpMethod();
  if (input.type === 'AWS_PROXY' && !PROXY_TARGET.test(input.uri ?? '')) throw proxyNeedsLambda();
  if (input.type === 'AWS' && !/^arn:aws[a-z-]*:apigateway:/.test(input.uri ?? '')) throw invalidAwsUri();
  if (input.type.startsWith('HTTP') && !/^https?:\/\/[^/]+/.test(input.uri ?? '')) throw invalidHttpUri();
}

export const putIntegration = defineOperation<Input>({
  name: 'PutIntegration',
  input,
  http: { method: 'PUT', path: '/restapis/{restApiId}/resources/{resourceId}/methods/{method}/integration', status: 201 },
  handler(input, ctx) {
    const api = findApi(ctx, input.restApiId);
    const method = findMethod(findResource(api, input.resourceId), input.method);
    checkTarget(input);
    const integration: IntegrationRecord = {
      type: input.type,
      httpMethod: input.httpMethod,
      uri: input.uri,
      connectionType: input.connectionType,
      connectionId: input.connectionId,
      credentials: input.credentials,
      requestParameters: input.requestParameters,
      requestTemplates: input.requestTemplates,
      passthroughBehavior: input.passthroughBehavior ?? 'WHEN_NO_MATCH',
      contentHandling: input.contentHandling,
      timeoutInMillis: input.timeoutInMillis ?? 29_000,
      cacheNamespace: input.cacheNamespace ?? input.resourceId,
      cacheKeyParameters: input.cacheKeyParameters ?? [],
    };
    editApi(ctx, api, (copy) => (copy.resources[input.resourceId].methods[method.httpMethod].methodIntegration = integration));
    return integrationView(integration);
  },
});
