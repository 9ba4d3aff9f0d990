// AWS IoT Data Plane over restJson1 (signing name `iotdata`): HTTP Publish into the same broker and
// topic rules MQTT devices reach; and, on the same endpoint's `/mqtt`, MQTT over WebSocket (an HTTP/1.1
// upgrade presigned for `iotdevicegateway`, which the broker authenticates itself).

import { ServiceError } from '../../protocols/errors.js';
import { isMqttWebSocketUpgrade } from '../../iot/broker/websocket.js';
import { defineService } from '../definition.js';
import { permissions } from './permissions.js';
import { publish } from './operations/publish.js';

export const service = defineService({
  name: 'iot-data',
  signingName: 'iotdata',
  iamPrefix: 'iot',
  permissions,
  pathPrefixes: ['/topics/'],
  protocols: ['restJson1'],
  validationCode: 'InvalidRequestException',
  memberNaming: 'asIs',
  operations: [publish],
  dataPlane: {
    matches: isMqttWebSocketUpgrade,
    operation: 'Connect',
    async serve(req, ctx) {
      const iot = ctx.sandbox.apis.iot;
      if (!iot) throw new ServiceError('ServiceUnavailableException', 'The IoT broker is not running in this sandbox', 503);
      return iot.acceptWebSocket(req, ctx);
    },
  },
});
