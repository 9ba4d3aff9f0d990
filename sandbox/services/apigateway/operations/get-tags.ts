// GetTags: the tags of an API or a stage.

import { defineOperation } from '../../definition.js';
import { int, str, struct } from '../../../protocols/shapes.js';
import { taggable } from '../tags.js';

export const getTags = defineOperation<{ resourceArn: string }>({
  name: 'GetTags',
  input: struct({ resourceArn: str({ required: true }), position: str(), limit: int() }),
  http: { method: 'GET', path: '/tags/{resourceArn}', query: { position: 'position', limit: 'limit' } },
  handler: (input, ctx) => ({ tags: taggable(ctx, input.resourceArn).tags }),
});
