// CreateRestApi: a new API with its root resource "/" (EDGE endpoint unless told otherwise).

import { defineOperation } from '../../definition.js';
import { any, bool, int, list, str, struct } from '../../../protocols/shapes.js';
import { newId, restApisTable, type RestApiRecord } from '../store.js';
import { tags } from '../shapes.js';
import { restApiView } from '../views.js';

const input = struct({
  name: str({ required: true }),
  description: str(),
  version: str(),
  cloneFrom: str(),
  binaryMediaTypes: list(str()),
  minimumCompressionSize: int({ min: 0, max: 10_485_760 }),
  apiKeySource: str({ enum: ['HEADER', 'AUTHORIZER'] }),
  endpointConfiguration: struct({ types: list(str({ enum: ['REGIONAL', 'EDGE', 'PRIVATE'] })), ipAddressType: str(), vpcEndpointIds: list(str()) }),
  policy: str(),
  tags: tags(),
  disableExecuteApiEndpoint: bool(),
  securityPolicy: any(),
  endpointAccessMode: any(),
});

interface Input {
  name: string;
  description?: string;
  version?: string;
  binaryMediaTypes?: string[];
  minimumCompressionSize?: number;
  apiKeySource?: string;
  endpointConfiguration?: RestApiRecord['endpointConfiguration'];
  policy?: string;
  tags?: Record<string, string>;
  disableExecuteApiEndpoint?: boolean;
}

export const createRestApi = defineOperation<Input>({
  name: 'CreateRestApi',
  input,
  http: { method: 'POST', path: '/restapis', status: 201 },
  handler(input, ctx) {
    const table = restApisTable(ctx.sandbox);
    const id = newId(10, (candidate) => table.has(candidate));
    const rootResourceId = newId(10);
    const api: RestApiRecord = {
      id,
      accountId: ctx.accountId,
      region: ctx.region,
      name: input.name,
      description: input.description,
      version: input.version,
      binaryMediaTypes: input.binaryMediaTypes,
      minimumCompressionSize: input.minimumCompressionSize,
      apiKeySource: input.apiKeySource ?? 'HEADER',
      endpointConfiguration: { types: ['EDGE'], ...input.endpointConfiguration },
      policy: input.policy,
      tags: input.tags ?? {},
      disableExecuteApiEndpoint: input.disableExecuteApiEndpoint ?? false,
      rootResourceId,
      createdDate: ctx.clock.now(),
      resources: { [rootResourceId]: { id: rootResourceId, path: '/', methods: {} } },
    };
    table.set(id, api);
    return restApiView(api);
  },
});
