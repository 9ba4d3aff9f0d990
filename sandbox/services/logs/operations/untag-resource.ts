// UntagResource: removes tags from a log group (by ARN).

import { defineOperation } from '../../definition.js';
import { list, str, struct } from '../../../protocols/shapes.js';
import { groupByArn, resourceArn } from '../shapes.js';
import { logGroups } from '../store.js';

export const untagResource = defineOperation<{ resourceArn: string; tagKeys: string[] }>({
  name: 'UntagResource',
  input: struct({ resourceArn: resourceArn(), tagKeys: list(str({ min: 1, max: 128 }), { required: true, min: 0, max: 50 }) }),
  handler(input, ctx) {
    const group = groupByArn(ctx, input.resourceArn);
    const tags = { ...group.tags };
    for (const key of input.tagKeys) delete tags[key];
    logGroups(ctx.sandbox, ctx).set(group.logGroupName, { ...group, tags });
    return {};
  },
});
