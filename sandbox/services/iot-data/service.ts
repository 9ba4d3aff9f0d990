// AWS IoT Data Plane over restJson1 (signing name `iotdata`): HTTP Publish into the same broker and
// topic rules MQTT devices reach.

import { defineService } from '../definition.js';
import { publish } from './operations/publish.js';

export const service = defineService({
  name: 'iot-data',
  signingName: 'iotdata',
  protocols: ['restJson1'],
  validationCode: 'InvalidRequestException',
  memberNaming: 'asIs',
  operations: [publish],
});
