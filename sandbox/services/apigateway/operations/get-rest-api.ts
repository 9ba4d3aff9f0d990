// GetRestApi: one API's settings.

import { defineOperation } from '../../definition.js';
import { struct } from '../../../protocols/shapes.js';
import { findApi } from '../lookup.js';
import { restApiId } from '../shapes.js';
import { restApiView } from '../views.js';

export const getRestApi = defineOperation<{ restApiId: string }>({
  name: 'GetRestApi',
  input: struct({ restApiId: restApiId() }),
  http: { method: 'GET', path: '/restapis/{restApiId}' },
  handler: (input, ctx) => restApiView(findApi(ctx, input.restApiId)),
});
