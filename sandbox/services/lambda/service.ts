// AWS Lambda: functions from zips, run in child processes of our own runtimes (Node.js, Python) with
// AWS's environment, logs, metrics and errors; resource policies and tags; Kinesis event source mappings.

import type { Sandbox } from '../../sandbox.js';
import { defineService } from '../definition.js';
import { permissions } from './permissions.js';
import { createLambdaApi } from './api.js';
import { lambdaHost } from './host.js';
import { eventSourceManager } from './event-source/manager.js';
import { addPermission } from './operations/add-permission.js';
import { createEventSourceMapping } from './operations/create-event-source-mapping.js';
import { createFunction } from './operations/create-function.js';
import { deleteEventSourceMapping } from './operations/delete-event-source-mapping.js';
import { deleteFunction } from './operations/delete-function.js';
import { getFunctionConfiguration } from './operations/get-function-configuration.js';
import { getEventSourceMapping } from './operations/get-event-source-mapping.js';
import { getFunction } from './operations/get-function.js';
import { getPolicy } from './operations/get-policy.js';
import { invoke } from './operations/invoke.js';
import { listEventSourceMappings } from './operations/list-event-source-mappings.js';
import { listFunctions } from './operations/list-functions.js';
import { listTags } from './operations/list-tags.js';
import { removePermission } from './operations/remove-permission.js';
import { tagResource } from './operations/tag-resource.js';
import { untagResource } from './operations/untag-resource.js';
import { updateEventSourceMapping } from './operations/update-event-source-mapping.js';
import { updateFunctionCode } from './operations/update-function-code.js';
import { updateFunctionConfiguration } from './operations/update-function-configuration.js';

export const service = defineService({
  name: 'lambda',
  signingName: 'lambda',
  permissions,
  // So an unsigned call is still recognised as Lambda's, and refused as Lambda refuses it.
  pathPrefixes: ['/2015-03-31/functions', '/2015-03-31/event-source-mappings', '/2017-03-31/tags'],
  protocols: ['restJson1'],
  operations: [
    createFunction,
    getFunction,
    getFunctionConfiguration,
    updateFunctionCode,
    updateFunctionConfiguration,
    deleteFunction,
    listFunctions,
    invoke,
    addPermission,
    getPolicy,
    removePermission,
    tagResource,
    untagResource,
    listTags,
    createEventSourceMapping,
    getEventSourceMapping,
    listEventSourceMappings,
    updateEventSourceMapping,
    deleteEventSourceMapping,
  ],
});

export function start(sandbox: Sandbox): void {
  lambdaHost(sandbox);
  sandbox.apis.lambda = createLambdaApi(sandbox);
  eventSourceManager(sandbox);
}
