// TagResource: adds or overwrites tags on a database, table or crawler named by ARN.

import { defineOperation } from '../../definition.js';
import { str, struct } from '../../../protocols/shapes.js';
import { tagsMap } from '../shapes.js';
import { addTags } from '../tags.js';

export const GLUE_ARN = str({ required: true, min: 1, max: 10240, pattern: 'arn:aws(-(cn|us-gov|iso(-[bef])?))?:glue:.*' });

const input = struct({ ResourceArn: GLUE_ARN, TagsToAdd: tagsMap(true) });

export const tagResource = defineOperation<{ ResourceArn: string; TagsToAdd: Record<string, string> }>({
  name: 'TagResource',
  input,
  handler(input, ctx) {
    addTags(ctx.sandbox, ctx, input.ResourceArn, input.TagsToAdd);
    return {};
  },
});
