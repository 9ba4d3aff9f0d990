// UntagResource: removes tags (by key) from a database, table or crawler named by ARN.

import { defineOperation } from '../../definition.js';
import { list, str, struct } from '../../../protocols/shapes.js';
import { removeTags } from '../tags.js';
import { GLUE_ARN } from './tag-resource.js';

const input = struct({ ResourceArn: GLUE_ARN, TagsToRemove: list(str({ min: 1, max: 128 }), { required: true, min: 0, max: 50 }) });

export const untagResource = defineOperation<{ ResourceArn: string; TagsToRemove: string[] }>({
  name: 'UntagResource',
  input,
  handler(input, ctx) {
    removeTags(ctx.sandbox, ctx, input.ResourceArn, input.TagsToRemove);
    return {};
  },
});
