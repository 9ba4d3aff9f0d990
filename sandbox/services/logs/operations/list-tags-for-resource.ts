// ListTagsForResource: a log group's tags (by ARN).

import { defineOperation } from '../../definition.js';
import { struct } from '../../../protocols/shapes.js';
import { groupByArn, resourceArn } from '../shapes.js';

export const listTagsForResource = defineOperation<{ resourceArn: string }>({
  name: 'ListTagsForResource',
  input: struct({ resourceArn: resourceArn() }),
  handler(input, ctx) {
    return { tags: groupByArn(ctx, input.resourceArn).tags };
  },
});
