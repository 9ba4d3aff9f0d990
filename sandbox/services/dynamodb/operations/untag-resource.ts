// UntagResource: removes tag keys from a table of the caller's account and region.

import { defineOperation } from '../../definition.js';
import { callDynalite } from '../operation.js';
import { checkTableArnOwner } from '../resource-arn.js';

export const untagResource = defineOperation({
  name: 'UntagResource',
  handler(input: unknown, ctx) {
    checkTableArnOwner(input, ctx, 'UntagResource');
    return callDynalite(ctx, 'UntagResource', input);
  },
});
