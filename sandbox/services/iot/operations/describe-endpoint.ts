// DescribeEndpoint: where devices connect. Every data endpoint type answers with the sandbox broker's
// host, a name a real MQTT client can dial and the broker's certificate is valid for.

import { defineOperation } from '../../definition.js';
import { str, struct } from '../../../protocols/shapes.js';
import { invalidRequest } from '../errors.js';
import { iotRuntime } from '../runtime.js';

const ENDPOINT_TYPES = ['iot:Data', 'iot:Data-ATS', 'iot:CredentialProvider', 'iot:Jobs'];

export const describeEndpoint = defineOperation<{ endpointType?: string }>({
  name: 'DescribeEndpoint',
  input: struct({ endpointType: str({ max: 128 }) }),
  http: { method: 'GET', path: '/endpoint' },
  handler(input, ctx) {
    const type = input.endpointType ?? 'iot:Data';
    if (!ENDPOINT_TYPES.includes(type)) throw invalidRequest(`Endpoint type ${type} is not valid.`);
    return { endpointAddress: iotRuntime(ctx.sandbox).endpointHost };
  },
});
