// ListTagsOfResource: a table's tags, looked up by the table's ARN in the caller's account and region.

import { defineOperation } from '../../definition.js';
import { callDynalite } from '../operation.js';
import { checkTableArnOwner } from '../resource-arn.js';

export const listTagsOfResource = defineOperation({
  name: 'ListTagsOfResource',
  handler(input: unknown, ctx) {
    checkTableArnOwner(input, ctx, 'ListTagsOfResource');
    return callDynalite(ctx, 'ListTagsOfResource', input);
  },
});
