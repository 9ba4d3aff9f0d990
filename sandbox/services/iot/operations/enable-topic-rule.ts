// EnableTopicRule: a enabled rule acts on the messages it matches again.

import { defineOperation } from '../../definition.js';
import { struct } from '../../../protocols/shapes.js';
import { ruleName } from '../shapes.js';
import { topicRules } from '../store.js';
import { requireRule } from '../topic-rules.js';

export const enableTopicRule = defineOperation<{ ruleName: string }>({
  name: 'EnableTopicRule',
  input: struct({ ruleName: ruleName() }),
  http: { method: 'POST', path: '/rules/{ruleName}/enable' },
  handler(input, ctx) {
    const rule = requireRule(ctx, input.ruleName);
    topicRules(ctx.sandbox, ctx).set(rule.ruleName, { ...rule, payload: { ...rule.payload, ruleDisabled: false } });
    return {};
  },
});
