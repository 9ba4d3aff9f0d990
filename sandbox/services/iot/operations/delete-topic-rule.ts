// DeleteTopicRule: removes a rule and its tags.

import { defineOperation } from '../../definition.js';
import { struct } from '../../../protocols/shapes.js';
import { ruleName } from '../shapes.js';
import { tags, topicRules } from '../store.js';
import { requireRule } from '../topic-rules.js';

export const deleteTopicRule = defineOperation<{ ruleName: string }>({
  name: 'DeleteTopicRule',
  input: struct({ ruleName: ruleName() }),
  http: { method: 'DELETE', path: '/rules/{ruleName}' },
  handler(input, ctx) {
    const rule = requireRule(ctx, input.ruleName);
    topicRules(ctx.sandbox, ctx).delete(rule.ruleName);
    tags(ctx.sandbox, ctx).delete(rule.ruleArn);
    return {};
  },
});
