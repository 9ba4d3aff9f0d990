// TagResource: adds or replaces tags on a table of the caller's account and region.

import { defineOperation } from '../../definition.js';
import { callDynalite } from '../operation.js';
import { checkTableArnOwner } from '../resource-arn.js';

export const tagResource = defineOperation({
  name: 'TagResource',
  handler(input: unknown, ctx) {
    checkTableArnOwner(input, ctx, 'TagResource');
    return callDynalite(ctx, 'TagResource', input);
  },
});
