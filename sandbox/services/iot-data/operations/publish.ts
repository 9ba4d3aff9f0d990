// Publish: one message over HTTP, delivered to MQTT subscribers and topic rules as if a device had
// published it (counted as PublishIn.Success with Protocol HTTP).

import { defineOperation } from '../../definition.js';
import { blob, bool, int, str, struct } from '../../../protocols/shapes.js';
import { ServiceError } from '../../../protocols/errors.js';
import { iotMetric } from '../../../iot/metrics.js';

const input = struct({
  topic: str({ required: true }),
  qos: int({ min: 0, max: 1 }),
  retain: bool(),
  payload: blob(),
  contentType: str(),
  responseTopic: str(),
  messageExpiry: int(),
});

interface Input {
  topic: string;
  qos?: number;
  payload?: Buffer;
}

/** AWS IoT's limit on one message. */
const MAX_PAYLOAD = 128 * 1024;

export const publish = defineOperation<Input>({
  name: 'Publish',
  input,
  http: { method: 'POST', path: '/topics/{topic}', payload: 'payload', query: { qos: 'qos', retain: 'retain', contentType: 'contentType', responseTopic: 'responseTopic', messageExpiry: 'messageExpiry' } },
  readOnly: false,
  async handler(input, ctx) {
    const payload = input.payload ?? Buffer.alloc(0);
    if (payload.length > MAX_PAYLOAD) throw new ServiceError('RequestEntityTooLargeException', 'Payload exceeds the maximum size of 128 KB', 413);
    if (/[+#]/.test(input.topic) || input.topic.length === 0) throw new ServiceError('InvalidRequestException', `Invalid topic: ${input.topic}`, 400);
    const iot = ctx.sandbox.apis.iot;
    if (!iot) throw new ServiceError('ServiceUnavailableException', 'The IoT broker is not running in this sandbox', 503);
    iotMetric(ctx.sandbox, ctx, 'PublishIn.Success', { Protocol: 'HTTP' });
    await iot.publish(ctx, input.topic, payload, input.qos === 1 ? 1 : 0, { clientId: 'N/A', principal: ctx.accessKeyId });
    return {};
  },
});
