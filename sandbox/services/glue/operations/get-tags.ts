// GetTags: the tags of a database, table or crawler named by ARN.

import { defineOperation } from '../../definition.js';
import { struct } from '../../../protocols/shapes.js';
import { getTags as tagsOf } from '../tags.js';
import { GLUE_ARN } from './tag-resource.js';

const input = struct({ ResourceArn: GLUE_ARN });

export const getTags = defineOperation<{ ResourceArn: string }>({
  name: 'GetTags',
  input,
  handler(input, ctx) {
    return { Tags: tagsOf(ctx.sandbox, ctx, input.ResourceArn) };
  },
});
