// TagResource: adds or replaces tags on a log group (by ARN).

import { defineOperation } from '../../definition.js';
import { map, str, struct } from '../../../protocols/shapes.js';
import { groupByArn, resourceArn } from '../shapes.js';
import { logGroups } from '../store.js';
import { ServiceError } from '../../../protocols/errors.js';

const MAX_TAGS = 50;

export const tagResource = defineOperation<{ resourceArn: string; tags: Record<string, string> }>({
  name: 'TagResource',
  input: struct({ resourceArn: resourceArn(), tags: map(str({ min: 1, max: 128 }), str({ max: 256 }), { required: true, min: 1, max: 50 }) }),
  handler(input, ctx) {
    const group = groupByArn(ctx, input.resourceArn);
    const tags = { ...group.tags, ...input.tags };
    if (Object.keys(tags).length > MAX_TAGS) throw new ServiceError('TooManyTagsException', `A resource can have no more than ${MAX_TAGS} tags.`, 400);
    logGroups(ctx.sandbox, ctx).set(group.logGroupName, { ...group, tags });
    return {};
  },
});
